/**
 * The pallet's passing test over the decision period, and the exact first block at which a tally
 * passes. `is_passing` evaluates the curves at x = Perbill::from_rational(min(elapsed, period), period).
 */
import type { Curve, TrackInfo } from '../types/governance.js';
import { curveDelay, curvePassing } from './curve.js';
import { PERBILL_ONE, perbillFromRational, perbillMulCeil, toPerbill } from './perbill.js';

/** Periods up to this many blocks keep e·1e9 within 2^53 (about 104 days of relay blocks). */
const SAFE_PERIOD = 1_500_000;

/** Steps walked from the pallet's estimate before falling back to bisection. */
const WALK_LIMIT = 64;

function blockCount(n: number): number {
  return Number.isFinite(n) && n > 0 ? Math.floor(n) : 0;
}

/** x for `elapsed` blocks into a `period`-block decision period; one when the period is zero. */
export function decisionProgress(elapsed: number, period: number): number {
  const p = blockCount(period);
  const e = Math.min(blockCount(elapsed), p);
  if (p === 0 || p > SAFE_PERIOD) return perbillFromRational(BigInt(e), BigInt(p));
  // e·1e9 and q·p stay below 2^53 here, so the quotient is exact after the correction.
  const n = e * PERBILL_ONE;
  let q = Math.floor(n / p);
  if (q * p > n) q -= 1;
  else if ((q + 1) * p <= n) q += 1;
  return q;
}

/** The pallet's `is_passing`: both curves met at `elapsed` blocks into the decision period. */
export function isPassingAt(track: TrackInfo, approval: number, support: number, elapsed: number): boolean {
  const x = decisionProgress(elapsed, track.decisionPeriod);
  return curvePassing(track.minSupport, x, support) && curvePassing(track.minApproval, x, approval);
}

function bisect(passes: (e: number) => boolean, failing: number, passing: number): number {
  let lo = failing;
  let hi = passing;
  while (hi - lo > 1) {
    const mid = lo + Math.floor((hi - lo) / 2);
    if (passes(mid)) hi = mid;
    else lo = mid;
  }
  return hi;
}

/**
 * The first elapsed block count in [0, period] at which `y` meets `curve`, or null when it never
 * does (not even at the period's end, after which x stays at one). Starts at the pallet's own
 * estimate, then walks to the exact block; thresholds never rise with x, so the answer is unique.
 */
export function firstPassingOffset(curve: Curve, y: number, period: number): number | null {
  const p = blockCount(period);
  const passes = (e: number) => curvePassing(curve, decisionProgress(e, p), y);
  if (!passes(p)) return null;
  if (passes(0)) return 0;
  const delay = curveDelay(curve, toPerbill(y));
  let e = delay >= PERBILL_ONE ? p : Math.min(Math.max(perbillMulCeil(delay, p), 1), p);
  if (passes(e)) {
    for (let i = 0; i < WALK_LIMIT; i++) {
      if (!passes(e - 1)) return e;
      e -= 1;
    }
    return bisect(passes, 0, e);
  }
  for (let i = 0; i < WALK_LIMIT; i++) {
    e += 1;
    if (passes(e)) return e;
  }
  return bisect(passes, e, p);
}

/** The first elapsed block count at which both curves pass, or null for never at this tally. */
export function firstPassingElapsed(track: TrackInfo, approval: number, support: number): number | null {
  const a = firstPassingOffset(track.minApproval, approval, track.decisionPeriod);
  if (a === null) return null;
  const s = firstPassingOffset(track.minSupport, support, track.decisionPeriod);
  return s === null ? null : Math.max(a, s);
}

/**
 * The pallet's `decision_time` for a referendum that is not confirming: the block its alarm is set
 * to. It can fall one block before the first passing block on linear curves, and lands on the
 * decision period's end when the pallet sees no passing point.
 */
export function palletDecisionTime(
  track: TrackInfo,
  since: number,
  approval: number,
  support: number,
): number {
  const offset = Math.max(curveDelay(track.minApproval, approval), curveDelay(track.minSupport, support));
  return since + perbillMulCeil(offset, blockCount(track.decisionPeriod));
}
