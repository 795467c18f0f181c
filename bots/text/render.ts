/**
 * Reply intent → plain text: what `npm run ask` prints, and the wording the platform renderers
 * start from. Every answer ends with its data age and starts with a warning when it is stale.
 */
import { formatDuration } from '../../core/format/duration.js';
import { formatInteger } from '../../core/format/number.js';
import type { ErrorReply, HelpReply, Reply, StatusReply } from '../../core/reply/reply-types.js';
import { alertSettingsText, missedText } from './alert-settings-text.js';
import { actionLines, attachmentLines, block, formatUtc, freshnessLines } from './common.js';
import { referendaText, referendumText, tracksText } from './governance-text.js';
import { eraText, stakeText, validatorText } from './staking-text.js';
import { startText } from './start-text.js';
import { subscriptionSettingsText } from './subscription-settings-text.js';
import { subscribedText, subscriptionsText, unsubscribedText } from './subscriptions-text.js';

function errorText(reply: ErrorReply): string[] {
  const lines = [`Error: ${reply.error.message}`];
  if (reply.error.hint) lines.push(`Try: ${reply.error.hint}`);
  if (reply.usage) lines.push(`Usage: ${reply.usage}`);
  return lines;
}

function helpText(reply: HelpReply): string[] {
  if (reply.topic) {
    return [
      reply.topic.usage,
      reply.topic.summary,
      'Examples:',
      ...reply.topic.examples.map((e) => `  ${e}`),
    ];
  }
  return [
    'Commands:',
    ...reply.commands.map((c) => `  ${c.usage}\n      ${c.summary}`),
    `Each chat may hold ${reply.limits.subscriptionsPerChat} subscriptions, ${reply.limits.addressSubscriptionsPerChat} of them for addresses.`,
  ];
}

/** The runtime the data was read under: its spec version, and when it changed if Herald saw it. */
export function runtimeLine(reply: Pick<StatusReply, 'anchor' | 'runtime'>): string {
  const r = reply.runtime;
  const spec = `Runtime spec ${formatInteger(reply.anchor.specVersion)}`;
  if (!r?.since || r.previousSpecVersion === null) return spec;
  return `${spec} since ${formatUtc(r.since.timestampMs)} (relay block ${block(r.since.relayBlock)}), upgraded from ${formatInteger(r.previousSpecVersion)}`;
}

function statusText(reply: StatusReply): string[] {
  const f = reply.freshness;
  const lines = [
    `Snapshot version ${reply.version}, committed ${formatUtc(reply.committedAtMs)}${f?.ageMs != null ? ` (${formatDuration(f.ageMs)} ago)` : ''}`,
    `Relay block ${block(reply.anchor.relayBlock)}; Asset Hub block ${block(reply.anchor.blockNumber)} (${reply.anchor.blockHash.slice(0, 18)}…), chain time ${formatUtc(reply.anchor.timestampMs)}`,
    runtimeLine(reply),
    `Active era ${formatInteger(reply.activeEra)}`,
    `${formatInteger(reply.counts.validators)} validators, ${formatInteger(reply.counts.nominators)} nominators, ${formatInteger(reply.counts.poolMembers)} pool members, ${formatInteger(reply.counts.referenda)} referenda, ${formatInteger(reply.counts.accounts)} accounts`,
    f?.stale
      ? `Stale: yes, older than ${formatDuration(f.staleAfterMs)}`
      : `Stale: no (threshold ${formatDuration(f?.staleAfterMs ?? 0)})`,
  ];
  for (const w of reply.warnings) lines.push(`! ${w}`);
  return lines;
}

/** The reply's lines of plain text, without the data-age footer: the wording both bots reuse. */
export function replyTextLines(reply: Reply): string[] {
  switch (reply.type) {
    case 'stake':
      return stakeText(reply);
    case 'validator':
      return validatorText(reply);
    case 'era':
      return eraText(reply);
    case 'referenda':
      return referendaText(reply);
    case 'referendum':
      return referendumText(reply);
    case 'tracks':
      return tracksText(reply);
    case 'subscribed':
      return subscribedText(reply);
    case 'unsubscribed':
      return unsubscribedText(reply);
    case 'subscriptions':
      return subscriptionsText(reply);
    case 'alert-settings':
      return reply.subscription
        ? subscriptionSettingsText(reply, reply.subscription)
        : alertSettingsText(reply);
    case 'missed':
      return missedText(reply);
    case 'status':
      return statusText(reply);
    case 'help':
      return helpText(reply);
    case 'start':
      return startText(reply);
    case 'error':
      return errorText(reply);
  }
}

export function renderText(reply: Reply): string {
  const { head, foot } = freshnessLines(reply.freshness);
  return [
    ...head,
    ...replyTextLines(reply),
    ...attachmentLines(reply.attachments),
    ...actionLines(reply.actions),
    '',
    ...foot,
  ].join('\n');
}
