import { describe, expect, it } from 'vitest';
import {
  fixedCheckedRoundingDiv,
  fixedIntoClampedPerbill,
  fixedTryIntoPerbill,
} from '../../../core/opengov/fixed.js';
import {
  PERBILL_ONE,
  perbillFromRational,
  perbillIntDiv,
  perbillIntMul,
  perbillMul,
  perbillMulCeil,
  perbillSaturatingDiv,
  perbillTryFromRational,
  toPerbill,
} from '../../../core/opengov/perbill.js';

describe('Perbill', () => {
  it('from_rational rounds down and saturates to one where the pallet errs', () => {
    expect(perbillFromRational(2n, 3n)).toBe(666_666_666);
    expect(perbillFromRational(0n, 0n)).toBe(PERBILL_ONE);
    expect(perbillFromRational(5n, 0n)).toBe(PERBILL_ONE);
    expect(perbillFromRational(7n, 3n)).toBe(PERBILL_ONE);
    expect(perbillFromRational(0n, 10n)).toBe(0);
    // Balances far beyond 2^64 stay exact.
    const q = 10n ** 30n + 7n;
    expect(perbillFromRational(q - 1n, q)).toBe(999_999_999);
  });

  it('rounds up when asked, and reports the pallet errors as null', () => {
    expect(perbillTryFromRational(1n, 3n, 'up')).toBe(333_333_334);
    expect(perbillTryFromRational(1n, 4n, 'up')).toBe(250_000_000);
    expect(perbillTryFromRational(4n, 3n, 'up')).toBeNull();
    expect(perbillTryFromRational(0n, 0n, 'down')).toBeNull();
  });

  it('multiplies with the product rounded down', () => {
    expect(perbillMul(333_333_334, 3)).toBe(1);
    expect(perbillMul(999_999_999, 999_999_999)).toBe(999_999_998);
    expect(perbillMul(PERBILL_ONE, 123)).toBe(123);
  });

  it('saturating_div gives one for a zero or smaller divisor', () => {
    expect(perbillSaturatingDiv(1, 3, 'down')).toBe(333_333_333);
    expect(perbillSaturatingDiv(1, 3, 'up')).toBe(333_333_334);
    expect(perbillSaturatingDiv(0, 0, 'down')).toBe(PERBILL_ONE);
    expect(perbillSaturatingDiv(5, 4, 'down')).toBe(PERBILL_ONE);
  });

  it('mul_ceil turns a fraction of a period into whole blocks, rounding up', () => {
    expect(perbillMulCeil(500_000_000, 201_600)).toBe(100_800);
    expect(perbillMulCeil(303_571_428, 201_600)).toBe(61_200);
    expect(perbillMulCeil(1, 201_600)).toBe(1);
    expect(perbillMulCeil(0, 201_600)).toBe(0);
  });

  it('int_mul saturates and int_div floors', () => {
    expect(perbillIntMul(100_000_000, 3)).toBe(300_000_000);
    expect(perbillIntMul(400_000_000, 3)).toBe(PERBILL_ONE);
    expect(perbillIntMul(0, Number.POSITIVE_INFINITY)).toBe(0);
    expect(perbillIntDiv(449_999_999, 150_000_000)).toBe(2);
    expect(perbillIntDiv(5, 0)).toBe(Number.POSITIVE_INFINITY);
  });

  it('clamps arbitrary numbers to parts', () => {
    expect(toPerbill(-5)).toBe(0);
    expect(toPerbill(2e9)).toBe(PERBILL_ONE);
    expect(toPerbill(12.9)).toBe(12);
    expect(toPerbill(Number.NaN)).toBe(0);
  });
});

describe('FixedI64', () => {
  it('divides with Low rounding towards negative infinity', () => {
    expect(fixedCheckedRoundingDiv(1_000_000_000n, 3_000_000_000n, 'low')).toBe(333_333_333n);
    expect(fixedCheckedRoundingDiv(-1_000_000_000n, 3_000_000_000n, 'low')).toBe(-333_333_334n);
  });

  it('divides with High rounding towards positive infinity', () => {
    expect(fixedCheckedRoundingDiv(1_000_000_000n, 3_000_000_000n, 'high')).toBe(333_333_334n);
    expect(fixedCheckedRoundingDiv(-1_000_000_000n, 3_000_000_000n, 'high')).toBe(-333_333_333n);
    expect(fixedCheckedRoundingDiv(6n, 3n, 'high')).toBe(2_000_000_000n);
  });

  it('returns null on division by zero and on leaving the i64 range', () => {
    expect(fixedCheckedRoundingDiv(1n, 0n, 'low')).toBeNull();
    expect(fixedCheckedRoundingDiv(1n << 62n, 1n, 'low')).toBeNull();
  });

  it('converts to Perbill, clamped or checked', () => {
    expect(fixedIntoClampedPerbill(-1n)).toBe(0);
    expect(fixedIntoClampedPerbill(1_000_000_001n)).toBe(PERBILL_ONE);
    expect(fixedIntoClampedPerbill(42n)).toBe(42);
    expect(fixedTryIntoPerbill(-1n)).toBeNull();
    expect(fixedTryIntoPerbill(1_000_000_001n)).toBeNull();
    expect(fixedTryIntoPerbill(PERBILL_ONE_BIG)).toBe(PERBILL_ONE);
  });
});

const PERBILL_ONE_BIG = 1_000_000_000n;

describe('Perbill fast paths', () => {
  it('perbillMul equals the bigint product for any parts', async () => {
    const fc = (await import('fast-check')).default;
    const parts = fc.integer({ min: 0, max: PERBILL_ONE });
    fc.assert(
      fc.property(parts, parts, (a, b) => {
        expect(perbillMul(a, b)).toBe(Number((BigInt(a) * BigInt(b)) / 1_000_000_000n));
      }),
      { numRuns: 20_000 },
    );
  });
});
