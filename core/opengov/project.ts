/**
 * When a referendum would pass if its tally held: the first passing block, the confirmation the
 * pallet would start, and the approval and enactment that follow.
 */
import type { OngoingReferendum, TrackInfo } from '../types/governance.js';
import { enactmentBlock } from './assess.js';
import { at, type EvaluationContext } from './context.js';
import { firstPassingElapsed, palletDecisionTime } from './decision.js';
import type { Assessment, Projection } from './view.js';

export interface DecisionState {
  /** The block deciding started at (or would start at, for a referendum still preparing). */
  since: number;
  /** The confirm end the pallet has stored, or null. */
  confirming: number | null;
  /** Whether `since` is the pallet's (true) or a hypothetical start (false). */
  started: boolean;
}

/**
 * The projection from block `from` onwards (now, or the hypothetical start of deciding).
 *
 * - Confirming and passing by the stored confirm end: approved there.
 * - Passing but not confirming: confirmation starts at `from`, the next time the pallet looks.
 * - Not passing: with the tally unchanged only the pallet's alarm (`decision_time`) services the
 *   referendum, so confirmation starts at the later of the first passing block and that alarm.
 *   The alarm can be a block after the first passing block (reciprocal `delay` rounds up); when it
 *   falls before it (linear `delay` can be a part early), `alarmBeforePassing` says so and the
 *   projection keeps the first passing block.
 */
export function project(
  ref: OngoingReferendum,
  track: TrackInfo,
  ctx: EvaluationContext,
  state: DecisionState,
  assessment: Assessment,
  from: number,
): Projection {
  const decisionTime = palletDecisionTime(track, state.since, assessment.approval, assessment.support);
  // begin_deciding never sets an alarm at its own block.
  const alarm = state.confirming ?? (state.started ? decisionTime : Math.max(decisionTime, state.since + 1));
  const passingNow = assessment.passing;
  const elapsed = firstPassingElapsed(track, assessment.approval, assessment.support);
  const firstPassing = elapsed === null ? null : state.since + Math.max(elapsed, from - state.since);
  let confirmStart: number | null = null;
  let approval: number | null = null;
  if (
    state.confirming !== null &&
    (passingNow || (firstPassing !== null && firstPassing <= state.confirming))
  ) {
    // Still passing when the confirm-end alarm fires: approved there.
    confirmStart = state.confirming - track.confirmPeriod;
    approval = state.confirming;
  } else if (firstPassing !== null) {
    if (state.confirming !== null || passingNow) confirmStart = Math.max(firstPassing, from);
    else confirmStart = Math.max(firstPassing, alarm);
    approval = confirmStart + track.confirmPeriod;
  }
  return {
    firstPassing: firstPassing === null ? null : at(ctx, firstPassing),
    confirmStart: confirmStart === null ? null : at(ctx, confirmStart),
    approval: approval === null ? null : at(ctx, approval),
    enactment: approval === null ? null : at(ctx, enactmentBlock(ref.enactment, approval, track)),
    palletAlarm: at(ctx, alarm),
    alarmBeforePassing: firstPassing !== null && !passingNow && alarm < firstPassing,
  };
}
