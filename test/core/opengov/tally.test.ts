import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { PERBILL_ONE } from '../../../core/opengov/perbill.js';
import { approvalOf, ayesShortfall, supportOf, supportShortfall } from '../../../core/opengov/tally.js';

const amount = fc.bigInt({ min: 0n, max: 10n ** 26n });
const threshold = fc.integer({ min: 0, max: PERBILL_ONE });

describe('approval and support', () => {
  it('round down, as Perbill::from_rational does', () => {
    expect(approvalOf({ ayes: 2n, nays: 1n, support: 0n })).toBe(666_666_666);
    expect(supportOf({ ayes: 0n, nays: 0n, support: 1n }, 3n)).toBe(333_333_333);
  });

  it('read one where the chain divides by zero or past one', () => {
    expect(approvalOf({ ayes: 0n, nays: 0n, support: 0n })).toBe(PERBILL_ONE);
    expect(supportOf({ ayes: 0n, nays: 0n, support: 5n }, 0n)).toBe(PERBILL_ONE);
    expect(supportOf({ ayes: 0n, nays: 0n, support: 5n }, 4n)).toBe(PERBILL_ONE);
  });
});

describe('shortfalls', () => {
  it('the ayes shortfall is the least extra aye vote that meets the threshold', () => {
    fc.assert(
      fc.property(amount, amount, threshold, (ayes, nays, t) => {
        const short = ayesShortfall({ ayes, nays, support: 0n }, t);
        if (short === null) {
          expect(t).toBe(PERBILL_ONE);
          expect(nays > 0n).toBe(true);
          return;
        }
        expect(approvalOf({ ayes: ayes + short, nays, support: 0n })).toBeGreaterThanOrEqual(t);
        if (short > 0n) expect(approvalOf({ ayes: ayes + short - 1n, nays, support: 0n })).toBeLessThan(t);
      }),
      { numRuns: 3000 },
    );
  });

  it('the support shortfall is the least extra capital that meets the threshold', () => {
    fc.assert(
      fc.property(amount, fc.bigInt({ min: 1n, max: 10n ** 26n }), threshold, (support, issuance, t) => {
        const short = supportShortfall({ ayes: 0n, nays: 0n, support }, issuance, t);
        expect(supportOf({ ayes: 0n, nays: 0n, support: support + short }, issuance)).toBeGreaterThanOrEqual(
          t,
        );
        if (short > 0n)
          expect(supportOf({ ayes: 0n, nays: 0n, support: support + short - 1n }, issuance)).toBeLessThan(t);
      }),
      { numRuns: 3000 },
    );
  });
});
