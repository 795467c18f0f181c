/** `/referenda` and `/tracks` worded as document lines. */

import { formatKsm } from '../../core/format/balance.js';
import { formatDuration } from '../../core/format/duration.js';
import { formatPerbill } from '../../core/format/number.js';
import { formatBlocks } from '../../core/opengov/duration.js';
import { endedWord } from '../../core/opengov/status-words.js';
import type { ReferendaReply, ReferendumRow, TracksReply } from '../../core/reply/reply-types.js';
import { block, plural } from './common.js';
import { type DocLine, line, time } from './document.js';
import { callSummary, NEXT, REASON, verdict } from './referendum-doc.js';

function rowLines(r: ReferendumRow, reply: ReferendaReply): DocLine[] {
  const phase = r.phase === 'preparing' && r.reason ? REASON[r.reason] : r.phase;
  const parts = [`#${r.id}`, r.track?.displayName ?? 'unknown track', phase];
  if (r.queuePosition !== null) parts.push(`position ${r.queuePosition} in the queue`);
  if (r.phase !== 'unavailable') parts.push(verdict(r.phase === 'preparing' ? null : r.passing));
  if (r.approval !== null && r.support !== null)
    parts.push(`approval ${formatPerbill(r.approval, 1)}, support ${formatPerbill(r.support, 3)}`);
  if (r.next && r.timeLeftMs !== null)
    parts.push(
      r.timeLeftMs > 0
        ? `${NEXT[r.next.event]} in ${formatDuration(r.timeLeftMs)}`
        : `${NEXT[r.next.event]} now`,
    );
  const out = [line(parts.join(' · '))];
  const title = r.title
    ? r.title.source === 'call'
      ? callSummary(r.title.text, reply.names)
      : r.title.text
    : null;
  if (title) out.push(line(`    ${title}`));
  else if (r.proposal) out.push(line(`    ${callSummary(r.proposal, reply.names)}`));
  return out;
}

export function referendaTitle(reply: ReferendaReply): string {
  const f = reply.filter;
  const title = `Referenda: ${f.status}${f.track ? ` on ${f.track.displayName} (track ${f.track.id})` : ''}`;
  return `${title} · page ${reply.page}/${reply.pageCount} · ${plural(reply.total, 'referendum', 'referenda')}`;
}

export function referendaLines(reply: ReferendaReply): { body: DocLine[]; notes: DocLine[] } {
  const body: DocLine[] = [];
  if (reply.total === 0) body.push(line('None.'));
  for (const r of reply.rows) body.push(...rowLines(r, reply));
  for (const e of reply.ended)
    body.push(
      line(
        `#${e.id} · ${endedWord(e.status)} at relay block ${block(e.ended.block)}, `,
        time(e.ended.atMs),
        ...(e.title
          ? [` — ${e.title.source === 'call' ? callSummary(e.title.text, reply.names) : e.title.text}`]
          : []),
      ),
    );
  const notes = reply.endedOmittedByTrack
    ? [line('(Ended referenda are not shown: the chain does not keep their track.)')]
    : [];
  return { body, notes };
}

export function tracksLines(reply: TracksReply): DocLine[] {
  return reply.tracks.map((t) =>
    line(
      `${t.id} ${t.displayName}: ${t.deciding}/${t.maxDeciding} deciding, ${t.ongoing} ongoing · deposit ${formatKsm(t.decisionDeposit)} · prepare ${formatBlocks(t.preparePeriod)}, decide ${formatBlocks(t.decisionPeriod)}, confirm ${formatBlocks(t.confirmPeriod)}, enact after ${formatBlocks(t.minEnactmentPeriod)}`,
    ),
  );
}
