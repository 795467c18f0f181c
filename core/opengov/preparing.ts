/**
 * Views of referenda not yet deciding: in their prepare period, waiting for a decision deposit,
 * or queued behind the track's `maxDeciding`.
 */
import type { OngoingReferendum, TrackInfo } from '../types/governance.js';
import { assessTally } from './assess.js';
import { at, type EvaluationContext, undecidingTimeoutOf } from './context.js';
import type { OpenGovIssue } from './errors.js';
import { keyBlocksOf } from './key-blocks.js';
import { project } from './project.js';
import type { NextEvent, PreparingReason, PreparingView } from './view.js';

interface Outlook {
  reason: PreparingReason;
  next: NextEvent | null;
  /** The block deciding would start at, when that is known. */
  start: number | null;
}

function outlook(ref: OngoingReferendum, track: TrackInfo, ctx: EvaluationContext): Outlook {
  const now = ctx.relayBlock;
  const prepareEnd = ref.submitted + track.preparePeriod;
  const slotFree = ctx.decidingCount === undefined || ctx.decidingCount < track.maxDeciding;
  if (ref.decisionDeposit === null) {
    const timeout = ref.submitted + undecidingTimeoutOf(ctx);
    return { reason: 'decisionDeposit', next: { event: 'timedOut', at: at(ctx, timeout) }, start: null };
  }
  // Queued referenda wait for a slot and do not time out.
  if (ref.inQueue) return { reason: 'trackQueue', next: null, start: null };
  if (now < prepareEnd) {
    const event = slotFree ? 'decisionStart' : 'queued';
    return {
      reason: 'preparePeriod',
      next: { event, at: at(ctx, prepareEnd) },
      start: slotFree ? prepareEnd : null,
    };
  }
  if (!slotFree) return { reason: 'trackQueue', next: { event: 'queued', at: at(ctx, now) }, start: null };
  return { reason: 'decisionSlot', next: { event: 'decisionStart', at: at(ctx, now) }, start: now };
}

export function preparingView(
  ref: OngoingReferendum,
  track: TrackInfo,
  ctx: EvaluationContext,
  issues: OpenGovIssue[],
): PreparingView {
  const { reason, next, start } = outlook(ref, track, ctx);
  // What the tally needs when deciding starts: the pallet checks it at x = 0 and confirms at once.
  const assessment = assessTally(track, ref.tally, ctx.activeIssuance, 0);
  const state = { since: start ?? 0, confirming: null, started: false };
  const position = ctx.queuePosition;
  return {
    phase: 'preparing',
    reason,
    queuePosition:
      reason === 'trackQueue' && typeof position === 'number' && Number.isInteger(position) && position > 0
        ? position
        : null,
    id: ref.id,
    track: ref.track,
    now: at(ctx, ctx.relayBlock),
    keyBlocks: keyBlocksOf(ref, track, ctx),
    assessment,
    projection: start === null ? null : project(ref, track, ctx, state, assessment, start),
    next,
    issues,
  };
}
