/** The frame every reply document starts from: its title, tone, links, actions and data age. */
import { formatDuration } from '../../core/format/duration.js';
import type { Reply } from '../../core/reply/reply-types.js';
import { block, formatUtc } from './common.js';
import type { DocTone, ReplyDocument, Span } from './document.js';

/** The stale warning and the data-age footer of an answer that rests on the snapshot. */
export function dataAge(reply: Reply): { stale: string | null; footer: string | null } {
  const f = reply.freshness;
  if (reply.type === 'help' || reply.type === 'error') return { stale: null, footer: null };
  if (!f) return { stale: null, footer: 'Data: no snapshot available.' };
  const age = f.ageMs === null ? 'of unknown age' : `${formatDuration(f.ageMs)} old`;
  return {
    stale: f.stale
      ? `WARNING: stale data. The last snapshot is ${age}, older than ${formatDuration(f.staleAfterMs)}; figures below may have changed since.`
      : null,
    footer: `Data as of relay block ${block(f.relayBlock)} (Asset Hub ${block(f.assetHubBlock)}), snapshot ${age}, taken ${formatUtc(f.snapshotAtMs)}.`,
  };
}

/** An empty document of the reply: what the wording of each answer fills in. */
export function baseDocument(reply: Reply, title: Span[], tone: DocTone): ReplyDocument {
  return {
    title,
    tone,
    subtitle: [],
    sections: [],
    warnings: [],
    notes: [],
    links: reply.links ?? [],
    actions: reply.actions,
    attachments: reply.attachments,
    names: reply.names ?? {},
    nowMs: reply.freshness?.chainTimeMs ?? null,
    timeZone: reply.timeZone ?? null,
    ...dataAge(reply),
  };
}
