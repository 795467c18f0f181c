/** Test-only reference for the pallet's passing rule, written independently of core/opengov. */
import type { Curve, TrackInfo } from '../../../core/types/governance.js';

export const ONE = 1_000_000_000n;

/**
 * An independent reading of the pallet's `is_passing`, straight from its definitions in plain
 * bigint arithmetic: x = floor(min(e, P) * 1e9 / P); linear ceil − floor(floor(min(x, L) 1e9 / L)
 * (ceil − floor) / 1e9); reciprocal clamp(floor(factor 1e9 / (x + xOffset)) + yOffset). The Kusama
 * curves keep every divisor positive.
 */
export function refThreshold(curve: Curve, x: bigint): bigint {
  if (curve.type === 'LinearDecreasing') {
    const len = BigInt(curve.length);
    const progress = ((x < len ? x : len) * ONE) / len;
    return BigInt(curve.ceil) - (progress * BigInt(curve.ceil - curve.floor)) / ONE;
  }
  if (curve.type === 'Reciprocal') {
    const v = (curve.factor * ONE) / (x + curve.xOffset) + curve.yOffset;
    return v < 0n ? 0n : v > ONE ? ONE : v;
  }
  throw new Error('not a Kusama curve');
}

export function refIsPassing(track: TrackInfo, approval: number, support: number, elapsed: number): boolean {
  const p = BigInt(track.decisionPeriod);
  const e = BigInt(Math.max(0, elapsed));
  const x = ((e < p ? e : p) * ONE) / p;
  return (
    BigInt(approval) >= refThreshold(track.minApproval, x) &&
    BigInt(support) >= refThreshold(track.minSupport, x)
  );
}
