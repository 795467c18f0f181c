/** `/referendum` worded as a document: headline, where it stands, what it needs, when things happen. */

import { formatKsmNeeded } from '../../core/format/balance.js';
import { formatPerbill } from '../../core/format/number.js';
import type { AccountNames } from '../../core/identity/identity-types.js';
import { PREPARING_WORDS, phaseWord, verdictWord } from '../../core/opengov/status-words.js';
import type { NextEventKind } from '../../core/opengov/view.js';
import type { ReferendumReply } from '../../core/reply/reply-types.js';
import { block } from './common.js';
import { type DocLine, fact, line, type Span, time } from './document.js';
import { accountLabel } from './names.js';
import { KSM } from './stake-doc.js';

export const NEXT: Record<NextEventKind, string> = {
  decisionStart: 'deciding starts',
  queued: 'joins the track queue',
  confirmStart: 'confirmation starts',
  confirmAbort: 'confirmation stops',
  approved: 'approved',
  rejected: 'rejected',
  timedOut: 'times out',
};

/** The words of core/opengov/status-words.ts, which the chart uses too. */
export const REASON = PREPARING_WORDS;
export const verdict = verdictWord;

const SS58 = /\b[1-9A-HJ-NP-Za-km-z]{46,48}\b/g;

/** A decoded call's summary with every address as its name or its short form, never whole. */
export function callSummary(text: string, names: AccountNames | undefined): string {
  return text.replace(SS58, (a) => accountLabel(a, names, false));
}

export function referendumHeadline(reply: ReferendumReply): { title: Span[]; proposal: DocLine[] } {
  const track = reply.track ? `${reply.track.displayName} (track ${reply.track.id})` : 'track unknown';
  const head = `Referendum #${reply.id} · ${track}`;
  if (reply.title) {
    const text =
      reply.title.source === 'call' ? callSummary(reply.title.text, reply.names) : reply.title.text;
    return { title: [`${head} — ${text}`], proposal: [] };
  }
  const proposal = reply.proposal ? [fact('Proposal', callSummary(reply.proposal, reply.names))] : [];
  return { title: [head], proposal };
}

/** "43,800 KSM more conviction-weighted ayes and 1,060,000 KSM more aye capital for support". */
function shortfall(ayesShort: bigint | null, supportShort: bigint): string | null {
  const more: string[] = [];
  if (ayesShort !== null && ayesShort > 0n)
    more.push(`${formatKsmNeeded(ayesShort)} more conviction-weighted ayes`);
  if (supportShort > 0n) more.push(`${formatKsmNeeded(supportShort)} more aye capital for support`);
  return more.length > 0 ? `about ${more.join(' and ')}` : null;
}

/**
 * What it needs: now, when deciding; for a referendum not deciding yet, what it will need when
 * deciding starts (the curves' starting values), labelled so.
 */
function needLines(reply: ReferendumReply): DocLine[] {
  const v = reply.view;
  if (!('assessment' in v)) return [];
  const a = v.assessment;
  const more = shortfall(a.ayesShort, a.supportShort);
  if (v.phase === 'preparing') {
    const need = `approval ${formatPerbill(a.approvalThreshold)} (today ${formatPerbill(a.approval)}) and support ${formatPerbill(a.supportThreshold, 3)} (today ${formatPerbill(a.support, 3)})`;
    return [fact('When deciding starts it will need', more ? `${need}: ${more}` : need)];
  }
  const lines = [
    fact(
      'Approval',
      `${formatPerbill(a.approval)}, needs ${formatPerbill(a.approvalThreshold)} now: ${a.approvalPassing ? 'enough' : 'short'}`,
    ),
    fact(
      'Support',
      `${formatPerbill(a.support, 3)}, needs ${formatPerbill(a.supportThreshold, 3)} now: ${a.supportPassing ? 'enough' : 'short'}`,
    ),
  ];
  if (more) lines.push(fact('To pass now it needs', more));
  return lines;
}

export function referendumBody(reply: ReferendumReply): { body: DocLine[]; warnings: DocLine[] } {
  const v = reply.view;
  const body: DocLine[] = [];
  if (v.phase === 'unavailable') return { body, warnings: [line(`Cannot evaluate: ${v.message}`)] };
  if ('ended' in v) {
    body.push(fact('Ended', `${v.phase} at relay block ${block(v.ended.block)}, `, time(v.ended.atMs)));
    if (v.enactment)
      body.push(fact('Enactment', `relay block ${block(v.enactment.block)}, `, time(v.enactment.atMs)));
    return { body, warnings: v.issues.map((i) => line(i.message)) };
  }
  const a = v.assessment;
  const phase =
    v.phase === 'preparing'
      ? `${REASON[v.reason]}${v.queuePosition !== null ? `, position ${v.queuePosition} in the queue` : ''}`
      : phaseWord(v);
  body.push(fact('Phase', `${phase} · ${verdict(v.phase === 'preparing' ? null : a.passing)}`));
  body.push(
    fact('Tally', `ayes ${KSM(a.tally.ayes)}, nays ${KSM(a.tally.nays)}, support ${KSM(a.tally.support)}`),
  );
  body.push(...needLines(reply));
  const k = v.keyBlocks;
  body.push(fact('Submitted', time(k.submitted.atMs)));
  if (k.decisionStart) body.push(fact('Deciding since', time(k.decisionStart.atMs)));
  else {
    body.push(fact('Prepare period ends', time(k.prepareEnd.atMs)));
    body.push(fact('Times out undecided', time(k.undecidingTimeout.atMs)));
  }
  if (k.decisionEnd) body.push(fact('Decision period ends', time(k.decisionEnd.atMs)));
  if (k.confirmEnd) body.push(fact('Confirmation ends', time(k.confirmEnd.atMs)));
  if (v.next) body.push(fact('Next, if the tally holds', `${NEXT[v.next.event]} `, time(v.next.at.atMs)));
  const p = v.projection;
  if (p) {
    body.push(
      p.approval
        ? fact('Earliest approval if the tally holds', time(p.approval.atMs))
        : line('With this tally it does not pass within the decision period.'),
    );
    if (p.enactment) body.push(fact('Enactment then', time(p.enactment.atMs)));
  }
  return { body, warnings: v.issues.map((i) => line(i.message)) };
}
