/**
 * FixedI64 arithmetic as sp_arithmetic does it: an i64 inner value over 1e9, signed rounding,
 * `None` on division by zero or on leaving the i64 range.
 */
import { PERBILL_ONE } from './perbill.js';

const DIV = 1_000_000_000n;
const I64_MAX = (1n << 63n) - 1n;
const I64_MIN = -(1n << 63n);

/** Rounding towards negative infinity (`Low`) or positive infinity (`High`). */
export type SignedRounding = 'low' | 'high';

/** `FixedI64::checked_rounding_div`: `a / b` in fixed point, or null on zero or overflow. */
export function fixedCheckedRoundingDiv(a: bigint, b: bigint, rounding: SignedRounding): bigint | null {
  if (b === 0n) return null;
  const negative = a < 0n !== b < 0n;
  const num = (a < 0n ? -a : a) * DIV;
  const den = b < 0n ? -b : b;
  let value = num / den;
  // Round the magnitude up when the signed rounding points away from zero for this sign.
  const roundUp = rounding === 'high' ? !negative : negative;
  if (roundUp && value * den !== num) value += 1n;
  const signed = negative ? -value : value;
  return signed > I64_MAX || signed < I64_MIN ? null : signed;
}

/** `FixedI64::from(Perbill)`: exact, since both have 1e9 as their unit. */
export function fixedFromPerbill(parts: number): bigint {
  return BigInt(parts);
}

/** `FixedI64::into_clamped_perthing::<Perbill>`. */
export function fixedIntoClampedPerbill(value: bigint): number {
  if (value < 0n) return 0;
  if (value > DIV) return PERBILL_ONE;
  return Number(value);
}

/** `FixedI64::try_into_perthing::<Perbill>().ok()`: null when below zero or above one. */
export function fixedTryIntoPerbill(value: bigint): number | null {
  if (value < 0n || value > DIV) return null;
  return Number(value);
}
