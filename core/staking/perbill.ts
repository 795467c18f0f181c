/**
 * Perbill arithmetic as sp-arithmetic does it, in bigint:
 * `Perbill::from_rational(p, q)` rounds down (q = 0 gives 100%), `Perbill * n` rounds to nearest, ties down,
 * `mul_floor` rounds down.
 */
import { PERBILL } from '../kusama/constants.js';

export function perbillFromRational(part: bigint, whole: bigint): bigint {
  if (whole <= 0n) return PERBILL;
  if (part <= 0n) return 0n;
  if (part >= whole) return PERBILL;
  return (part * PERBILL) / whole;
}

export function mulPerbill(parts: bigint, amount: bigint): bigint {
  if (parts <= 0n || amount <= 0n) return 0n;
  const product = amount * parts;
  const quotient = product / PERBILL;
  const remainder = product % PERBILL;
  return remainder * 2n > PERBILL ? quotient + 1n : quotient;
}

/** `Perbill::mul_floor(n)`: rounds down. */
export function mulPerbillFloor(parts: bigint, amount: bigint): bigint {
  if (parts <= 0n || amount <= 0n) return 0n;
  return (amount * (parts > PERBILL ? PERBILL : parts)) / PERBILL;
}

/** Commission (Perbill parts as a number) clamped to 0..1e9. */
export function commissionParts(commission: number): bigint {
  if (!Number.isFinite(commission) || commission <= 0) return 0n;
  return commission >= 1e9 ? PERBILL : BigInt(Math.floor(commission));
}

/** a / b as a float for display-only ratios (APY, shares); null when b is zero. */
export function ratio(a: bigint, b: bigint): number | null {
  if (b === 0n) return null;
  const SCALE = 10n ** 18n;
  return Number((a * SCALE) / b) / 1e18;
}
