/** `/referenda`, `/referendum` and `/tracks` as plain text. */
import { formatKsm } from '../../core/format/balance.js';
import { formatDuration } from '../../core/format/duration.js';
import { formatPerbill } from '../../core/format/number.js';
import { formatBlocks } from '../../core/opengov/duration.js';
import type { NextEventKind, PreparingReason } from '../../core/opengov/view.js';
import type {
  ReferendaReply,
  ReferendumReply,
  ReferendumRow,
  TracksReply,
} from '../../core/reply/reply-types.js';
import { block, plural, when } from './common.js';

const NEXT: Record<NextEventKind, string> = {
  decisionStart: 'deciding starts',
  queued: 'joins the track queue',
  confirmStart: 'confirmation starts',
  confirmAbort: 'confirmation aborts',
  approved: 'approved',
  rejected: 'rejected',
  timedOut: 'times out',
};

const REASON: Record<PreparingReason, string> = {
  preparePeriod: 'preparing',
  decisionDeposit: 'awaiting decision deposit',
  trackQueue: 'queued for a decision slot',
  decisionSlot: 'starting to decide',
};

function verdict(passing: boolean | null): string {
  return passing === null ? 'not judged yet' : passing ? 'passing' : 'failing';
}

function rowText(r: ReferendumRow): string {
  const phase = r.phase === 'preparing' && r.reason ? REASON[r.reason] : r.phase;
  const parts = [`#${r.id}`, r.track?.displayName ?? 'unknown track', phase];
  if (r.queuePosition !== null) parts.push(`position ${r.queuePosition} in queue`);
  if (r.phase !== 'unavailable') parts.push(verdict(r.passing));
  if (r.approval !== null && r.support !== null)
    parts.push(`approval ${formatPerbill(r.approval, 1)}, support ${formatPerbill(r.support, 3)}`);
  if (r.next && r.timeLeftMs !== null)
    parts.push(
      r.timeLeftMs > 0
        ? `${NEXT[r.next.event]} in ${formatDuration(r.timeLeftMs)}`
        : `${NEXT[r.next.event]} now`,
    );
  const head = parts.join(' · ');
  return r.proposal ? `${head}\n    ${r.proposal}` : head;
}

export function referendaText(reply: ReferendaReply): string[] {
  const f = reply.filter;
  const title = `Referenda: ${f.status}${f.track ? ` on ${f.track.displayName} (track ${f.track.id})` : ''}`;
  const lines = [
    `${title} · page ${reply.page}/${reply.pageCount} · ${plural(reply.total, 'referendum', 'referenda')}`,
  ];
  if (reply.total === 0) lines.push('None.');
  for (const r of reply.rows) lines.push(rowText(r));
  for (const e of reply.ended) lines.push(`#${e.id} · ${e.status} at relay block ${block(e.ended.block)}`);
  if (reply.endedOmittedByTrack)
    lines.push('(Ended referenda are not shown: the chain does not keep their track.)');
  return lines;
}

export function referendumText(reply: ReferendumReply): string[] {
  const v = reply.view;
  const trackName = reply.track ? `${reply.track.displayName} (track ${reply.track.id})` : 'track unknown';
  const lines = [`Referendum #${reply.id} · ${trackName}`];
  if (reply.proposal) lines.push(`Proposal: ${reply.proposal}`);
  if (v.phase === 'unavailable') {
    lines.push(`Cannot evaluate: ${v.message}`);
    return lines;
  }
  if ('ended' in v) {
    lines.push(
      `Ended: ${v.phase} at relay block ${block(v.ended.block)} (${when(v.ended, reply.freshness?.chainTimeMs ?? v.ended.atMs)})`,
    );
    if (v.enactment) lines.push(`Enactment: relay block ${block(v.enactment.block)}`);
    return lines;
  }
  const nowMs = v.now.atMs;
  const a = v.assessment;
  const phase = v.phase === 'preparing' ? REASON[v.reason] : v.phase;
  lines.push(
    `Phase: ${phase}${v.phase === 'preparing' && v.queuePosition !== null ? `, position ${v.queuePosition} in the queue` : ''} · ${verdict(v.phase === 'preparing' ? null : a.passing)}`,
  );
  lines.push(
    `Ayes ${formatKsm(a.tally.ayes)}, nays ${formatKsm(a.tally.nays)}, support ${formatKsm(a.tally.support)}`,
  );
  lines.push(
    `Approval ${formatPerbill(a.approval)} (needs ${formatPerbill(a.approvalThreshold)}) ${a.approvalPassing ? 'ok' : 'short'}`,
  );
  lines.push(
    `Support ${formatPerbill(a.support, 3)} (needs ${formatPerbill(a.supportThreshold, 3)}) ${a.supportPassing ? 'ok' : 'short'}`,
  );
  if (a.ayesShort !== null && a.ayesShort > 0n)
    lines.push(`Needs ${formatKsm(a.ayesShort)} more conviction-weighted ayes`);
  if (a.supportShort > 0n) lines.push(`Needs ${formatKsm(a.supportShort)} more aye capital for support`);
  const k = v.keyBlocks;
  lines.push(`Submitted: ${when(k.submitted, nowMs)}`);
  if (k.decisionStart) lines.push(`Deciding since: ${when(k.decisionStart, nowMs)}`);
  else
    lines.push(
      `Prepare period ends: ${when(k.prepareEnd, nowMs)}; times out undecided ${when(k.undecidingTimeout, nowMs)}`,
    );
  if (k.decisionEnd) lines.push(`Decision period ends: ${when(k.decisionEnd, nowMs)}`);
  if (k.confirmEnd) lines.push(`Confirmation ends: ${when(k.confirmEnd, nowMs)}`);
  if (v.next) lines.push(`Next, if the tally holds: ${NEXT[v.next.event]} ${when(v.next.at, nowMs)}`);
  const p = v.projection;
  if (p) {
    lines.push(
      p.approval
        ? `Earliest approval if the tally holds: ${when(p.approval, nowMs)}`
        : 'With this tally it does not pass within the decision period.',
    );
    if (p.enactment) lines.push(`Enactment then: ${when(p.enactment, nowMs)}`);
  }
  for (const issue of v.issues) lines.push(`! ${issue.message}`);
  return lines;
}

export function tracksText(reply: TracksReply): string[] {
  const lines = [`${plural(reply.tracks.length, 'track')}`];
  for (const t of reply.tracks) {
    lines.push(
      `${t.id} ${t.displayName}: ${t.deciding}/${t.maxDeciding} deciding, ${t.ongoing} ongoing · deposit ${formatKsm(t.decisionDeposit)} · prepare ${formatBlocks(t.preparePeriod)}, decide ${formatBlocks(t.decisionPeriod)}, confirm ${formatBlocks(t.confirmPeriod)}, enact after ${formatBlocks(t.minEnactmentPeriod)}`,
    );
  }
  return lines;
}
