/**
 * Perbill arithmetic as sp_arithmetic does it: parts of a billion, integer maths, the same rounding.
 * Perbill values are plain numbers (0..1e9 parts); products go through bigint so nothing is lost.
 */
export const PERBILL_ONE = 1_000_000_000;
const ONE = 1_000_000_000n;

export type Rounding = 'down' | 'up';

/** Clamp anything to a valid Perbill part count, as `Perbill::from_parts` saturates; NaN becomes 0. */
export function toPerbill(parts: number): number {
  if (!Number.isFinite(parts)) return parts === Number.POSITIVE_INFINITY ? PERBILL_ONE : 0;
  if (parts <= 0) return 0;
  if (parts >= PERBILL_ONE) return PERBILL_ONE;
  return Math.floor(parts);
}

/** `p * 1e9 / q` rounded as asked; null where the pallet returns `Err` (q = 0 or p > q). */
export function perbillTryFromRational(p: bigint, q: bigint, rounding: Rounding = 'down'): number | null {
  if (q <= 0n || p < 0n || p > q) return null;
  const n = p * ONE;
  let parts = n / q;
  if (rounding === 'up' && parts * q !== n) parts += 1n;
  return Number(parts);
}

/** `Perbill::from_rational`: rounds down, and gives one where the division is undefined or above one. */
export function perbillFromRational(p: bigint, q: bigint): number {
  return perbillTryFromRational(p, q, 'down') ?? PERBILL_ONE;
}

/**
 * `Perbill * Perbill`: the product rounded down. Exact in doubles: with a = a1·1e5 + a0 and
 * a0·b = t1·1e5 + t0, a·b = (a1·b + t1)·1e5 + t0 with every term below 2^53 and t0 < 1e5, so
 * floor(a·b / 1e9) = floor((a1·b + t1) / 1e4).
 */
export function perbillMul(a: number, b: number): number {
  const a0 = a % 100_000;
  const t = a0 * b;
  const t0 = t % 100_000;
  const u = ((a - a0) / 100_000) * b + (t - t0) / 100_000;
  return (u - (u % 10_000)) / 10_000;
}

/** `Perbill::saturating_div`: `a / b` with the given rounding, one when `b < a` or `b = 0`. */
export function perbillSaturatingDiv(a: number, b: number, rounding: Rounding): number {
  return perbillTryFromRational(BigInt(a), BigInt(b), rounding) ?? PERBILL_ONE;
}

/** `Perbill::mul_ceil(n)` for a block count: `ceil(parts * n / 1e9)`. */
export function perbillMulCeil(parts: number, n: number): number {
  const num = BigInt(parts) * BigInt(n);
  return Number((num + ONE - 1n) / ONE);
}

/** `Perbill::int_mul`: parts times an integer, saturating at one. */
export function perbillIntMul(parts: number, n: number): number {
  if (parts === 0 || n === 0) return 0;
  const product = parts * n;
  return product >= PERBILL_ONE || !Number.isFinite(product) ? PERBILL_ONE : product;
}

/**
 * `Perbill::int_div`: how many whole `b` fit in `a`. The pallet would panic on `b = 0`; here it is
 * treated as infinitely many, which int_mul then saturates.
 */
export function perbillIntDiv(a: number, b: number): number {
  return b === 0 ? Number.POSITIVE_INFINITY : Math.floor(a / b);
}

/** `PerThing::less_epsilon`: one part lower, or zero. */
export function perbillLessEpsilon(parts: number): number {
  return parts > 0 ? parts - 1 : 0;
}

/** Saturating addition, as `Perbill + Perbill` clamps through `from_parts`. */
export function perbillAdd(a: number, b: number): number {
  return Math.min(a + b, PERBILL_ONE);
}

/** Saturating subtraction (the pallet never subtracts past zero with well-formed curves). */
export function perbillSub(a: number, b: number): number {
  return a > b ? a - b : 0;
}
