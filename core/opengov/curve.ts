/**
 * The pallet's curves: `threshold` (the y a tally needs at a point x of the decision period) and
 * `delay` (the smallest x at which a given y passes, as the pallet estimates it). Both follow
 * pallet_referenda `Curve::threshold` and `Curve::delay` step by step, in integer arithmetic.
 */
import type { Curve } from '../types/governance.js';
import { fixedCheckedRoundingDiv, fixedIntoClampedPerbill, fixedTryIntoPerbill } from './fixed.js';
import {
  PERBILL_ONE,
  perbillAdd,
  perbillIntDiv,
  perbillIntMul,
  perbillLessEpsilon,
  perbillMul,
  perbillSaturatingDiv,
  perbillSub,
  toPerbill,
} from './perbill.js';

/** A bigint from a FixedI64 field that may have arrived as a number or string; 0n when unusable. */
export function toFixed(value: unknown): bigint {
  if (typeof value === 'bigint') return value;
  if (typeof value === 'number' && Number.isFinite(value)) return BigInt(Math.trunc(value));
  if (typeof value === 'string' && /^-?\d+$/.test(value.trim())) return BigInt(value.trim());
  return 0n;
}

/** The threshold y at x (both Perbill parts). An unknown curve kind never passes: one. */
export function curveThreshold(curve: Curve, x: number): number {
  const px = toPerbill(x);
  switch (curve.type) {
    case 'LinearDecreasing': {
      const length = toPerbill(curve.length);
      const floor = toPerbill(curve.floor);
      const ceil = toPerbill(curve.ceil);
      const progress = perbillSaturatingDiv(Math.min(px, length), length, 'down');
      return perbillSub(ceil, perbillMul(progress, perbillSub(ceil, floor)));
    }
    case 'SteppedDecreasing': {
      const begin = toPerbill(curve.begin);
      const drop = perbillIntMul(toPerbill(curve.step), perbillIntDiv(px, toPerbill(curve.period)));
      return Math.max(perbillSub(begin, Math.min(drop, begin)), toPerbill(curve.end));
    }
    case 'Reciprocal': {
      const yp = fixedCheckedRoundingDiv(toFixed(curve.factor), BigInt(px) + toFixed(curve.xOffset), 'low');
      return yp === null ? PERBILL_ONE : fixedIntoClampedPerbill(yp + toFixed(curve.yOffset));
    }
    default:
      return PERBILL_ONE;
  }
}

/** True when y meets the curve at x: `y >= threshold(x)`. */
export function curvePassing(curve: Curve, x: number, y: number): boolean {
  return toPerbill(y) >= curveThreshold(curve, x);
}

/**
 * The pallet's `Curve::delay`: its estimate of the smallest x at which y passes, one meaning never.
 * It can be one part early on linear curves and says never for a y above a reciprocal curve's
 * ceiling; `firstPassingOffset` in decision.ts finds the exact point.
 */
export function curveDelay(curve: Curve, y: number): number {
  const py = toPerbill(y);
  switch (curve.type) {
    case 'LinearDecreasing': {
      const floor = toPerbill(curve.floor);
      const ceil = toPerbill(curve.ceil);
      if (py < floor) return PERBILL_ONE;
      if (py > ceil) return 0;
      const share = perbillSaturatingDiv(perbillSub(ceil, py), perbillSub(ceil, floor), 'up');
      return perbillMul(share, toPerbill(curve.length));
    }
    case 'SteppedDecreasing': {
      const begin = toPerbill(curve.begin);
      const step = toPerbill(curve.step);
      if (py < toPerbill(curve.end)) return PERBILL_ONE;
      const steps = perbillIntDiv(
        perbillAdd(perbillSub(begin, Math.min(py, begin)), perbillLessEpsilon(step)),
        step,
      );
      return perbillIntMul(toPerbill(curve.period), steps);
    }
    case 'Reciprocal': {
      const term = fixedCheckedRoundingDiv(
        toFixed(curve.factor),
        BigInt(py) - toFixed(curve.yOffset),
        'high',
      );
      if (term === null) return PERBILL_ONE;
      return fixedTryIntoPerbill(term - toFixed(curve.xOffset)) ?? PERBILL_ONE;
    }
    default:
      return PERBILL_ONE;
  }
}
