/** `/status` as plain lines for the Telegram renderer: which data, how old, and whether it is stale. */

import { formatDuration } from '../../core/format/duration.js';
import { formatInteger } from '../../core/format/number.js';
import type { StatusReply } from '../../core/reply/reply-types.js';
import { block, formatUtc } from '../text/common.js';

export function statusLines(reply: StatusReply): string[] {
  const f = reply.freshness;
  const age = f?.ageMs != null ? `${formatDuration(f.ageMs)} ago` : 'at an unknown time';
  const lines = [
    f?.stale ? '🟠 Data is stale' : '🟢 Data is fresh',
    `Relay block ${block(reply.anchor.relayBlock)}, Asset Hub block ${block(reply.anchor.blockNumber)}`,
    `Chain time ${formatUtc(reply.anchor.timestampMs)}, runtime spec ${reply.anchor.specVersion}`,
    `Snapshot version ${formatInteger(reply.version)}, taken ${formatUtc(reply.committedAtMs)} (${age})`,
    `Stale after ${formatDuration(f?.staleAfterMs ?? 0)}`,
    `Active era ${formatInteger(reply.activeEra)}`,
    `${formatInteger(reply.counts.validators)} validators, ${formatInteger(reply.counts.nominators)} nominators, ${formatInteger(reply.counts.poolMembers)} pool members`,
    `${formatInteger(reply.counts.referenda)} referenda, ${formatInteger(reply.counts.accounts)} accounts`,
  ];
  for (const w of reply.warnings) lines.push(`! ${w}`);
  return lines;
}
