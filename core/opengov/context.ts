/**
 * What evaluating a referendum needs besides the referendum and its track: the snapshot's clock,
 * active issuance and the track's queue state.
 */
import { UNDECIDING_TIMEOUT_BLOCKS } from '../kusama/constants.js';
import type { DispatchTime } from '../types/governance.js';
import { type BlockTime, blockTime, type TimeAnchor } from './time.js';

export interface EvaluationContext {
  /** The snapshot's relay block: "now" for every deadline. */
  relayBlock: number;
  /** The snapshot's timestamp, ms, taken at `relayBlock`. */
  timestampMs: number;
  /** totalIssuance − inactiveIssuance: the pallet's `MaxTurnout`. */
  activeIssuance: bigint;
  /** Referenda deciding on this track (`referenda.decidingCount`). */
  decidingCount?: number;
  /** Place in the track queue, 1 = next out (see `queuePosition`). */
  queuePosition?: number;
  /** An approved referendum's requested enactment, if the caller kept it from its ongoing state. */
  enactment?: DispatchTime;
  /** The runtime's `UndecidingTimeout` in relay blocks; 14 days unless given. */
  undecidingTimeout?: number;
}

export function anchorOf(ctx: EvaluationContext): TimeAnchor {
  return { relayBlock: ctx.relayBlock, timestampMs: ctx.timestampMs };
}

export function undecidingTimeoutOf(ctx: EvaluationContext): number {
  const t = ctx.undecidingTimeout;
  return typeof t === 'number' && Number.isInteger(t) && t >= 0 ? t : UNDECIDING_TIMEOUT_BLOCKS;
}

/** Shorthand for a block's time on the context's anchor. */
export function at(ctx: EvaluationContext, block: number): BlockTime {
  return blockTime(block, anchorOf(ctx));
}

/**
 * 1-based position of `id` in a track queue as the pallet stores it (sorted by ayes, ascending;
 * the last entry is taken first). Null when it is not in the queue.
 */
export function queuePosition(queue: ReadonlyArray<{ id: number }> | undefined, id: number): number | null {
  if (!queue) return null;
  const index = queue.findIndex((entry) => entry.id === id);
  return index < 0 ? null : queue.length - index;
}
