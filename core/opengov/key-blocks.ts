/**
 * The blocks a referendum's deadlines fall on, each with its wall-clock time.
 */
import type { OngoingReferendum, TrackInfo } from '../types/governance.js';
import { at, type EvaluationContext, undecidingTimeoutOf } from './context.js';
import type { KeyBlocks } from './view.js';

export function keyBlocksOf(ref: OngoingReferendum, track: TrackInfo, ctx: EvaluationContext): KeyBlocks {
  const deciding = ref.deciding;
  return {
    submitted: at(ctx, ref.submitted),
    prepareEnd: at(ctx, ref.submitted + track.preparePeriod),
    undecidingTimeout: at(ctx, ref.submitted + undecidingTimeoutOf(ctx)),
    decisionStart: deciding ? at(ctx, deciding.since) : null,
    decisionEnd: deciding ? at(ctx, deciding.since + track.decisionPeriod) : null,
    confirmEnd: deciding && deciding.confirming !== null ? at(ctx, deciding.confirming) : null,
    alarm: ref.alarm === null ? null : at(ctx, ref.alarm),
  };
}
