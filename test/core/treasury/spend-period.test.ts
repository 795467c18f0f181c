/**
 * The spend period as pallet_treasury's on_initialize reaches it, and what spend_funds would pay
 * and burn: the pot, the order of approvals then bounties, and no burn when something waits.
 */
import { describe, expect, it } from 'vitest';
import {
  approvedProposals,
  assumedLastSpendPeriod,
  nextSpendPeriod,
  permillOf,
  planSpendFunds,
  treasuryPot,
} from '../../../core/treasury/spend-period.js';

const PERIOD = 86_400;

describe('nextSpendPeriod', () => {
  it('one period after LastSpendPeriod', () => {
    expect(nextSpendPeriod(1_000_000, PERIOD, 1_000_500)).toEqual({ block: 1_086_400, overdue: false });
  });

  it('due at the period block itself, and overdue past it (the next Asset Hub block runs it)', () => {
    expect(nextSpendPeriod(1_000_000, PERIOD, 1_086_399).overdue).toBe(false);
    expect(nextSpendPeriod(1_000_000, PERIOD, 1_086_400)).toEqual({ block: 1_086_400, overdue: true });
    expect(nextSpendPeriod(1_000_000, PERIOD, 1_300_000)).toEqual({ block: 1_086_400, overdue: true });
  });

  it('without LastSpendPeriod: the last multiple of the period strictly before now', () => {
    expect(assumedLastSpendPeriod(PERIOD * 10 + 5, PERIOD)).toBe(PERIOD * 10);
    // On a period block itself the pallet backdates one period so that block still spends.
    expect(assumedLastSpendPeriod(PERIOD * 10, PERIOD)).toBe(PERIOD * 9);
    expect(nextSpendPeriod(null, PERIOD, PERIOD * 10 + 5)).toEqual({ block: PERIOD * 11, overdue: false });
    expect(nextSpendPeriod(null, PERIOD, PERIOD * 10)).toEqual({ block: PERIOD * 10, overdue: true });
  });

  it('a zero period counts as one block', () => {
    expect(nextSpendPeriod(10, 0, 10)).toEqual({ block: 11, overdue: false });
  });
});

describe('the pot and spend_funds', () => {
  it('the pot is the free balance less the existential deposit, never negative', () => {
    expect(treasuryPot(1_000n, 3n)).toBe(997n);
    expect(treasuryPot(2n, 3n)).toBe(0n);
  });

  it('Permill * n rounds to the nearest, down when halfway', () => {
    // 1% of 999 is 9.99: the pallet's `Permill * n` rounds to the nearest, 10 (mul_floor would give 9).
    expect(permillOf(10_000, 999n)).toBe(10n);
    // Exactly halfway rounds down: 50% of 3 is 1.5 -> 1; just past halfway rounds up.
    expect(permillOf(500_000, 3n)).toBe(1n);
    expect(permillOf(500_001, 3n)).toBe(2n);
    expect(permillOf(10_000, 949n)).toBe(9n);
    expect(permillOf(0, 10n ** 18n)).toBe(0n);
  });

  it('approved proposals in Approvals order, skipping approvals whose proposal is gone', () => {
    const proposals = [
      { index: 2, proposer: 'P', value: 5n, beneficiary: 'B2', bond: 1n },
      { index: 7, proposer: 'P', value: 9n, beneficiary: 'B7', bond: 1n },
    ];
    expect(approvedProposals([7, 3, 2], proposals).map((r) => [r.id, r.value, r.beneficiary])).toEqual([
      [7, 9n, 'B7'],
      [2, 5n, 'B2'],
    ]);
  });

  it('funds in order while the budget covers each, and burns of what is left', () => {
    const plan = planSpendFunds(
      1_000n,
      [
        { kind: 'proposal', id: 1, value: 300n, beneficiary: 'A' },
        { kind: 'bounty', id: 4, value: 200n, beneficiary: null },
      ],
      10_000,
    );
    expect(plan.funding.map((f) => f.funded)).toEqual([true, true]);
    expect([plan.fundedTotal, plan.remaining, plan.burn]).toEqual([500n, 500n, 5n]);
  });

  it('skips what the budget cannot cover, funds what comes after, and then burns nothing', () => {
    const plan = planSpendFunds(
      1_000n,
      [
        { kind: 'proposal', id: 1, value: 1_200n, beneficiary: 'A' },
        { kind: 'bounty', id: 4, value: 200n, beneficiary: null },
      ],
      10_000,
    );
    expect(plan.funding.map((f) => f.funded)).toEqual([false, true]);
    expect([plan.fundedTotal, plan.requestedTotal, plan.remaining, plan.burn]).toEqual([
      200n,
      1_400n,
      800n,
      0n,
    ]);
  });
});
