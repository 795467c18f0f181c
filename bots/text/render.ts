/**
 * Reply intent → its document (bots/text/document.ts) and the plain text of it. Every answer that
 * rests on the snapshot ends with its data age and starts with a warning when it is stale; help and
 * errors do not.
 */
import { formatDuration } from '../../core/format/duration.js';
import { formatInteger } from '../../core/format/number.js';
import type { ErrorReply, HelpReply, Reply, StatusReply } from '../../core/reply/reply-types.js';
import { alertSettingsText, missedText } from './alert-settings-text.js';
import { block, formatUtc } from './common.js';
import type { DocTone, ReplyDocument } from './document.js';
import { linesDocument, structuredDocument } from './documents.js';
import { documentText } from './plain.js';
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

/** The lines of the answers not yet worded as documents (`structuredDocument`). */
function legacyLines(reply: Reply): string[] {
  switch (reply.type) {
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
    default:
      return [];
  }
}

const TONE: Record<Reply['type'], DocTone> = {
  stake: 'staking',
  validator: 'staking',
  era: 'staking',
  referenda: 'governance',
  referendum: 'governance',
  tracks: 'governance',
  subscribed: 'subscription',
  unsubscribed: 'subscription',
  subscriptions: 'subscription',
  'alert-settings': 'subscription',
  missed: 'subscription',
  status: 'status',
  help: 'help',
  start: 'help',
  error: 'error',
};

/** Every reply as its document: the one wording all three formatters lay out. */
export function replyDocument(reply: Reply): ReplyDocument {
  return structuredDocument(reply) ?? linesDocument(reply, legacyLines(reply), TONE[reply.type]);
}

/** The reply as plain text: what `npm run ask` prints. */
export function renderText(reply: Reply): string {
  return documentText(replyDocument(reply));
}
