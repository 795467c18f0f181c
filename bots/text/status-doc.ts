/** `/status` as a document: which data Herald answers from, how old it is, and whether it is stale. */
import { formatDuration } from '../../core/format/duration.js';
import { formatInteger } from '../../core/format/number.js';
import type { StatusReply } from '../../core/reply/reply-types.js';
import { baseDocument } from './doc-base.js';
import { type DocLine, fact, line, type ReplyDocument, type Span, section, time } from './document.js';

/** A count that may be missing from an older snapshot's status. */
function count(value: unknown): string {
  return typeof value === 'number' || typeof value === 'bigint' ? formatInteger(value) : 'n/a';
}

const blockNo = (value: unknown) => `#${count(value)}`;

/** The runtime the data was read under: its spec version, and when it changed if Herald saw it. */
export function runtimeLine(reply: Pick<StatusReply, 'anchor' | 'runtime'>): DocLine {
  const r = reply.runtime;
  const spec = `spec ${count(reply.anchor.specVersion)}`;
  if (!r?.since || r.previousSpecVersion === null) return fact('Runtime', spec);
  return fact(
    'Runtime',
    `${spec} since `,
    time(r.since.timestampMs),
    `, relay block ${blockNo(r.since.relayBlock)}; upgraded from ${count(r.previousSpecVersion)}`,
  );
}

function dataLine(reply: StatusReply): DocLine {
  const f = reply.freshness;
  const after = formatDuration(f?.staleAfterMs ?? 0);
  const age = f?.ageMs != null ? `${formatDuration(f.ageMs)} old` : 'of unknown age';
  const spans: Span[] = f?.stale
    ? [`stale, ${age} (older than ${after})`]
    : [`fresh, ${age} (stale after ${after})`];
  return fact('Data', ...spans);
}

export function statusDocument(reply: StatusReply): ReplyDocument {
  const doc = baseDocument(reply, ['Herald status'], 'status');
  const c = reply.counts;
  // Times count from when the answer was given (the snapshot's commit plus its age), not the chain's.
  const f = reply.freshness;
  if (f?.ageMs != null) doc.nowMs = f.snapshotAtMs + f.ageMs;
  doc.sections = [
    section(null, [
      dataLine(reply),
      fact('Snapshot', `version ${count(reply.version)}, taken `, time(reply.committedAtMs)),
      fact('Relay block', blockNo(reply.anchor.relayBlock)),
      fact(
        'Asset Hub block',
        `${blockNo(reply.anchor.blockNumber)} (${String(reply.anchor.blockHash).slice(0, 18)}…)`,
      ),
      fact('Chain time', time(reply.anchor.timestampMs)),
      runtimeLine(reply),
      fact('Active era', count(reply.activeEra)),
      line(
        `${count(c.validators)} validators, ${count(c.nominators)} nominators, ${count(c.poolMembers)} pool members, ${count(c.referenda)} referenda, ${count(c.accounts)} accounts`,
      ),
    ]),
  ];
  doc.warnings = reply.warnings.map((w) => line(w));
  return doc;
}

/** Whether the data is stale, or of no known age (Discord colours it). */
export function statusStale(reply: StatusReply): boolean {
  return reply.freshness?.stale ?? true;
}
