/** Embeds of /subscribe, /unsubscribe and /subscriptions (and their /alerts twins). */
import type { APIEmbed } from 'discord-api-types/v10';
import { trackDisplayName } from '../../../core/opengov/tracks.js';
import type { DeliveryTarget } from '../../../core/ports/notifier.js';
import type {
  SubscribedReply,
  SubscriptionsReply,
  UnsubscribedReply,
} from '../../../core/reply/reply-types.js';
import { formatLeadMinutes } from '../../../core/subscriptions/lead-times.js';
import type { Subscription } from '../../../core/subscriptions/subscription-model.js';
import { TRACK_CHOICES } from '../slash/index.js';
import { compactSettings, settingsFields } from './alert-settings.js';
import { COLOURS } from './colours.js';
import { dateTime } from './time.js';

function track(id: number): string {
  const known = TRACK_CHOICES.find((t) => t.id === id);
  return known ? `${trackDisplayName(known.name)} (${id})` : `track ${id}`;
}

/** "Deadlines of referendum #412, 1d and 1h ahead". */
export function describeSubscription(s: Subscription): string {
  const spec = s.spec;
  switch (spec.kind) {
    case 'referenda':
      return spec.track === null
        ? 'New referenda and phase changes, all tracks'
        : `New referenda and phase changes on ${track(spec.track)}`;
    case 'deadlines': {
      const scope =
        spec.scope.type === 'all'
          ? 'all referenda'
          : spec.scope.type === 'track'
            ? track(spec.scope.track)
            : `referendum #${spec.scope.referendum}`;
      return `Deadlines of ${scope}, ${spec.leadMinutes.map(formatLeadMinutes).join(' and ')} ahead`;
    }
    case 'address':
      return `Staking and governance events of \`${spec.address}\``;
  }
}

export function placeOf(target: DeliveryTarget): string {
  return target.kind === 'dm' ? 'your DMs' : `<#${target.id}>`;
}

export function subscribedEmbed(reply: SubscribedReply): APIEmbed {
  const verb = { created: 'Subscribed', unchanged: 'Already subscribed', updated: 'Subscription updated' }[
    reply.outcome
  ];
  const lines = [
    `${describeSubscription(reply.subscription)}, in ${placeOf(reply.target)}.`,
    `Id \`${reply.subscription.id}\`: \`/unsubscribe ${reply.subscription.id}\` stops it.`,
    `${reply.count} of ${reply.limit} subscriptions used here.`,
  ];
  if (reply.reenabled)
    lines.push('Alerts here had been paused because Discord refused them; they are on again.');
  return { title: verb, description: lines.join('\n'), color: COLOURS.subscription };
}

export function unsubscribedEmbed(reply: UnsubscribedReply): APIEmbed {
  const removed = reply.removed.map((s) => `• \`${s.id}\` ${describeSubscription(s)}`);
  return {
    title: reply.removed.length === 1 ? 'Unsubscribed' : `Removed ${reply.removed.length} subscriptions`,
    description: [...removed, '', `${reply.remaining} left in ${placeOf(reply.target)}.`].join('\n'),
    color: COLOURS.subscription,
  };
}

function subscriptionLine(reply: SubscriptionsReply, s: Subscription): string {
  const own = reply.ownSettings[s.id];
  const settings = own ? compactSettings(own) : null;
  return `• \`${s.id}\` ${describeSubscription(s)}${settings ? `\n  ↳ its own: ${settings}` : ''}`;
}

export function subscriptionsEmbed(reply: SubscriptionsReply): APIEmbed {
  const lines = reply.subscriptions.map((s) => subscriptionLine(reply, s));
  if (lines.length === 0)
    lines.push('None yet: `/subscribe referenda` (or `/alerts referenda` for your DMs) starts one.');
  if (reply.disabled)
    lines.unshift(
      `⚠️ Alerts here are paused since ${dateTime(reply.disabled.atMs)}: ${reply.disabled.reason}. Subscribing again turns them back on.`,
      '',
    );
  if (reply.settings && Object.keys(reply.ownSettings).length > 0)
    lines.push('', 'The fields below hold for every subscription here; "its own" settings add to them.');
  const embed: APIEmbed = {
    title: `Subscriptions in ${reply.target.kind === 'dm' ? 'your DMs' : 'this channel'} (${reply.subscriptions.length}/${reply.limit})`,
    description: lines.join('\n'),
    color: COLOURS.subscription,
  };
  if (reply.settings) embed.fields = settingsFields(reply.settings);
  return embed;
}
