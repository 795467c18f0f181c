/** Embeds of /referendum (coloured by phase, with the chart as its image), /referenda and /tracks. */
import type { APIEmbed, APIEmbedField } from 'discord-api-types/v10';
import { formatKsm } from '../../../core/format/balance.js';
import { formatPerbill } from '../../../core/format/number.js';
import { formatBlocks } from '../../../core/opengov/duration.js';
import type { NextEventKind, PreparingReason, ReferendumView } from '../../../core/opengov/view.js';
import type {
  ReferendaReply,
  ReferendumReply,
  ReferendumRow,
  TracksReply,
} from '../../../core/reply/reply-types.js';
import { clip, escapeMarkdown } from '../limits.js';
import { COLOURS, PHASE_COLOURS, phaseColour } from './colours.js';
import { relative, when } from './time.js';

export const NEXT_EVENT: Record<NextEventKind, string> = {
  decisionStart: 'Deciding starts',
  queued: 'Joins the track queue',
  confirmStart: 'Confirmation starts',
  confirmAbort: 'Confirmation stops',
  approved: 'Approved',
  rejected: 'Rejected',
  timedOut: 'Times out',
};

const REASON: Record<PreparingReason, string> = {
  preparePeriod: 'in its prepare period',
  decisionDeposit: 'waiting for the decision deposit',
  trackQueue: 'queued for a deciding slot',
  decisionSlot: 'ready to start deciding',
};

const PHASE: Record<ReferendumView['phase'], string> = {
  preparing: 'Preparing',
  deciding: 'Deciding',
  confirming: 'Confirming',
  approved: 'Approved',
  rejected: 'Rejected',
  cancelled: 'Cancelled',
  timedOut: 'Timed out',
  killed: 'Killed',
  unavailable: 'Unavailable',
};

const verdict = (passing: boolean | null) => (passing === null ? '' : passing ? '✅ passing' : '❌ failing');

function phaseLine(view: ReferendumView): string {
  if (view.phase === 'preparing')
    return `**Preparing**, ${REASON[view.reason]}${view.queuePosition ? ` (#${view.queuePosition} in the queue)` : ''}`;
  if (view.phase === 'deciding' || view.phase === 'confirming')
    return `**${PHASE[view.phase]}** · ${verdict(view.assessment.passing)}`;
  if (view.phase === 'unavailable') return `**Unavailable**: ${escapeMarkdown(view.message)}`;
  return 'ended' in view
    ? `**${PHASE[view.phase]}** ${relative(view.ended.atMs)}`
    : `**${PHASE[view.phase]}**`;
}

function tallyFields(view: ReferendumView): APIEmbedField[] {
  if (view.phase !== 'preparing' && view.phase !== 'deciding' && view.phase !== 'confirming') return [];
  const a = view.assessment;
  const mark = (ok: boolean) => (ok ? '✅' : '❌');
  return [
    {
      name: 'Approval',
      value: `${formatPerbill(a.approval)} ${mark(a.approvalPassing)} needs ${formatPerbill(a.approvalThreshold)}`,
      inline: true,
    },
    {
      name: 'Support',
      value: `${formatPerbill(a.support, 3)} ${mark(a.supportPassing)} needs ${formatPerbill(a.supportThreshold, 3)}`,
      inline: true,
    },
    {
      name: 'Ayes / Nays',
      value: `${formatKsm(a.tally.ayes, { maxFractionDigits: 0 })} / ${formatKsm(a.tally.nays, { maxFractionDigits: 0 })}`,
      inline: true,
    },
  ];
}

function timeFields(view: ReferendumView): APIEmbedField[] {
  if (view.phase !== 'preparing' && view.phase !== 'deciding' && view.phase !== 'confirming') {
    if (view.phase === 'approved' && view.enactment)
      return [{ name: 'Enactment', value: when(view.enactment.atMs) }];
    return [];
  }
  const k = view.keyBlocks;
  const lines: string[] = [];
  if (view.next)
    lines.push(`**${NEXT_EVENT[view.next.event]}** ${when(view.next.at.atMs)} if the tally holds`);
  if (k.confirmEnd) lines.push(`Confirmation ends ${when(k.confirmEnd.atMs)}`);
  if (k.decisionEnd) lines.push(`Decision period ends ${when(k.decisionEnd.atMs)}`);
  if (view.phase === 'preparing') lines.push(`Times out undecided ${when(k.undecidingTimeout.atMs)}`);
  const p = view.projection;
  if (p?.approval)
    lines.push(
      `Earliest approval ${when(p.approval.atMs)}${p.enactment ? `, enactment ${relative(p.enactment.atMs)}` : ''}`,
    );
  else if (p && view.phase !== 'preparing')
    lines.push('The current tally never passes before the decision period ends.');
  return lines.length > 0 ? [{ name: 'Deadlines', value: lines.join('\n') }] : [];
}

export function referendumEmbed(reply: ReferendumReply, chartFile: string | null): APIEmbed {
  const view = reply.view;
  const track = reply.track ? `${reply.track.displayName} (${reply.track.id})` : 'track unknown';
  const lines = [phaseLine(view)];
  if (reply.proposal) lines.push(`Proposal: ${escapeMarkdown(clip(reply.proposal, 600))}`);
  const fields = [...tallyFields(view), ...timeFields(view)];
  if (reply.track && (view.phase === 'preparing' || view.phase === 'deciding' || view.phase === 'confirming'))
    fields.push({
      name: 'Track',
      value: `${reply.trackDecidingCount}/${reply.track.maxDeciding} deciding · decision period ${formatBlocks(reply.track.decisionPeriod)} · confirm ${formatBlocks(reply.track.confirmPeriod)}`,
    });
  const issues = 'issues' in view ? view.issues : [];
  if (issues.length > 0)
    fields.push({ name: 'Notes', value: issues.map((i) => `• ${escapeMarkdown(i.message)}`).join('\n') });
  const embed: APIEmbed = {
    title: `Referendum #${reply.id} · ${track}`,
    description: lines.join('\n'),
    color: phaseColour(view),
    fields,
  };
  if (chartFile) embed.image = { url: `attachment://${chartFile}` };
  return embed;
}

function rowLine(row: ReferendumRow): string {
  const track = row.track ? row.track.displayName : 'unknown track';
  const phase =
    row.phase === 'preparing'
      ? `Preparing, ${REASON[row.reason ?? 'preparePeriod']}${row.queuePosition ? ` #${row.queuePosition}` : ''}`
      : PHASE[row.phase];
  const parts = [`**#${row.id}** ${track} · ${phase}`];
  if (row.passing !== null) parts.push(verdict(row.passing));
  if (row.approval !== null && row.support !== null)
    parts.push(`aye ${formatPerbill(row.approval, 1)}, support ${formatPerbill(row.support, 2)}`);
  if (row.next) parts.push(`${NEXT_EVENT[row.next.event].toLowerCase()} ${relative(row.next.at.atMs)}`);
  const proposal = row.proposal ? `\n  ${escapeMarkdown(clip(row.proposal, 120))}` : '';
  return `${parts.join(' · ')}${proposal}`;
}

export function referendaEmbed(reply: ReferendaReply): APIEmbed {
  const filter = [reply.filter.track?.displayName, reply.filter.status].filter(Boolean).join(', ');
  const lines = reply.rows.map(rowLine);
  for (const e of reply.ended) lines.push(`**#${e.id}** ${PHASE[e.status]} ${relative(e.ended.atMs)}`);
  if (lines.length === 0)
    lines.push(reply.total === 0 ? 'No referendum matches.' : `Page ${reply.page} is past the end.`);
  if (reply.endedOmittedByTrack)
    lines.push('', 'Ended referenda do not record their track on chain, so a track filter leaves them out.');
  return {
    title: `Referenda: ${filter} (page ${reply.page}/${Math.max(1, reply.pageCount)}, ${reply.total} in all)`,
    description: lines.join('\n'),
    color: reply.filter.status === 'ended' ? PHASE_COLOURS.approved : COLOURS.governance,
  };
}

export function tracksEmbed(reply: TracksReply): APIEmbed {
  return {
    title: `OpenGov tracks (${reply.tracks.length})`,
    color: COLOURS.governance,
    fields: reply.tracks.map((t) => ({
      name: `${t.displayName} (${t.id})`,
      value: [
        `deciding ${t.deciding}/${t.maxDeciding} · ongoing ${t.ongoing} · deposit ${formatKsm(t.decisionDeposit, { maxFractionDigits: 2 })}`,
        `prepare ${formatBlocks(t.preparePeriod)} · decide ${formatBlocks(t.decisionPeriod)} · confirm ${formatBlocks(t.confirmPeriod)} · enact ≥ ${formatBlocks(t.minEnactmentPeriod)}`,
        `approval ${formatPerbill(t.minApproval.atStart)} → ${formatPerbill(t.minApproval.atEnd)} · support ${formatPerbill(t.minSupport.atStart)} → ${formatPerbill(t.minSupport.atEnd)}`,
      ].join('\n'),
    })),
  };
}
