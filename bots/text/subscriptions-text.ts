/** Subscription replies as plain text, and the one wording of a subscription both bots can reuse. */

import type { SubscribedReply, SubscriptionsReply, UnsubscribedReply } from '../../core/reply/reply-types.js';
import { formatLeadMinutes } from '../../core/subscriptions/lead-times.js';
import type { Subscription, SubscriptionSpec } from '../../core/subscriptions/subscription-model.js';
import { compactSettingsText, settingsLines } from './alert-settings-text.js';
import { describeTarget, formatUtc, plural } from './common.js';

export function describeSpec(spec: SubscriptionSpec): string {
  switch (spec.kind) {
    case 'referenda':
      return spec.track === null
        ? 'new referenda and phase changes, all tracks'
        : `new referenda and phase changes on track ${spec.track}`;
    case 'address':
      return `staking and governance events of ${spec.address}`;
    case 'deadlines': {
      const scope =
        spec.scope.type === 'all'
          ? 'all referenda'
          : spec.scope.type === 'track'
            ? `track ${spec.scope.track}`
            : `referendum #${spec.scope.referendum}`;
      return `decision and confirm deadlines of ${scope}, ${spec.leadMinutes.map(formatLeadMinutes).join(' and ')} ahead`;
    }
  }
}

function line(s: Subscription): string {
  return `  ${s.id}  ${describeSpec(s.spec)}`;
}

export function subscribedText(reply: SubscribedReply): string[] {
  const verb = {
    created: 'Subscribed',
    unchanged: 'Already subscribed',
    updated: 'Updated the subscription',
  }[reply.outcome];
  const lines = [`${verb}: ${describeSpec(reply.subscription.spec)}, in ${describeTarget(reply.target)}.`];
  lines.push(`Id ${reply.subscription.id}; ${reply.count} of ${reply.limit} subscriptions used here.`);
  if (reply.reenabled)
    lines.push('Alerts to this chat had been paused because it was unreachable; they are on again.');
  return lines;
}

export function unsubscribedText(reply: UnsubscribedReply): string[] {
  return [
    `Removed ${plural(reply.removed.length, 'subscription')} from ${describeTarget(reply.target)}:`,
    ...reply.removed.map(line),
    `${plural(reply.remaining, 'subscription')} left.`,
  ];
}

export function subscriptionsText(reply: SubscriptionsReply): string[] {
  const lines = [
    `Subscriptions in ${describeTarget(reply.target)}: ${reply.subscriptions.length} of ${reply.limit}`,
  ];
  if (reply.disabled)
    lines.push(`! Alerts here are paused since ${formatUtc(reply.disabled.atMs)}: ${reply.disabled.reason}`);
  if (reply.subscriptions.length === 0)
    lines.push('None. /subscribe referenda, deadlines or address <address> adds one.');
  for (const s of reply.subscriptions) {
    lines.push(line(s));
    const own = reply.ownSettings[s.id];
    const text = own ? compactSettingsText(own) : null;
    if (text) lines.push(`      its own: ${text}`);
  }
  if (reply.settings) {
    lines.push('For the whole chat:');
    lines.push(...settingsLines(reply.settings));
  }
  return lines;
}
