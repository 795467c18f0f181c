/** The pool arithmetic at its edges, against values worked out by hand from the pallet's rules. */
import { describe, expect, it } from 'vitest';
import {
  balanceToPoints,
  currentRewardCounter,
  effectiveCommission,
  pendingRewards,
  pointsToBalance,
  REWARD_COUNTER_ONE,
  reducibleBalance,
  U128_MAX,
  unbondPoolOf,
} from '../../../core/staking/pool-math.js';
import { memberUnbonding } from '../../../core/staking/pool-member.js';
import { poolName } from '../../../core/staking/pool-name.js';
import type { BondedPool, RewardPoolRecord } from '../../../core/types/index.js';

const record = (over: Partial<RewardPoolRecord> = {}): RewardPoolRecord => ({
  lastRecordedRewardCounter: 0n,
  lastRecordedTotalPayouts: 0n,
  totalRewardsClaimed: 0n,
  totalCommissionPending: 0n,
  totalCommissionClaimed: 0n,
  ...over,
});

describe('points and balance', () => {
  it('is worth nothing when the pool, its balance or the points are zero', () => {
    expect(pointsToBalance(0n, 100n, 10n)).toBe(0n);
    expect(pointsToBalance(100n, 0n, 10n)).toBe(0n);
    expect(pointsToBalance(100n, 100n, 0n)).toBe(0n);
  });

  it('rounds down at a slashed ratio', () => {
    // 97 planck for 100 points: 33 points are worth 32.01, so 32.
    expect(pointsToBalance(97n, 100n, 33n)).toBe(32n);
    expect(balanceToPoints(97n, 100n, 10n)).toBe(10n); // 10.30… points
    expect(balanceToPoints(0n, 100n, 10n)).toBe(1_000n); // a fully slashed pool
    expect(balanceToPoints(5n, 0n, 10n)).toBe(10n); // an empty pool issues 1:1
  });

  it('saturates at u128 where the pallet converts back from U256', () => {
    expect(pointsToBalance(U128_MAX, 1n, 2n)).toBe(U128_MAX);
  });
});

describe('commission', () => {
  it('is capped at the global maximum, and none is zero', () => {
    expect(effectiveCommission(120_000_000, 100_000_000)).toBe(100_000_000n);
    expect(effectiveCommission(50_000_000, null)).toBe(50_000_000n);
    expect(effectiveCommission(null, 100_000_000)).toBe(0n);
  });

  it('takes its share of new payouts rounded to nearest, ties down', () => {
    // 15 planck at 10%: 1.5 rounds down to 1; 25 at 10%: 2.5 → 2; 16 at 10%: 1.6 → 2.
    for (const [payout, want] of [
      [15n, 1n],
      [25n, 2n],
      [16n, 2n],
    ] as const) {
      const now = currentRewardCounter(record(), payout, 1n, 100_000_000n)!;
      expect(now.newCommission).toBe(want);
      expect(now.counter).toBe((payout - want) * REWARD_COUNTER_ONE);
    }
  });
});

describe('reward counter and pending rewards', () => {
  it('counts only what arrived since the last record', () => {
    const r = record({
      lastRecordedTotalPayouts: 1_000n,
      totalRewardsClaimed: 600n,
      totalCommissionClaimed: 100n,
    });
    // Balance 450: 450 + 600 + 100 − 1,000 = 150 new, over 300 points = 0.5 per point.
    const now = currentRewardCounter(r, 450n, 300n, 0n)!;
    expect(now.newPayouts).toBe(150n);
    expect(now.counter).toBe(REWARD_COUNTER_ONE / 2n);
    // A balance below the recorded total (an ED change) saturates to no new payouts.
    expect(currentRewardCounter(r, 100n, 300n, 0n)!.newPayouts).toBe(0n);
  });

  it('rounds the counter down, then the member’s share down', () => {
    // 10 planck over 3 points: 3.333… per point, kept to 18 decimals.
    const now = currentRewardCounter(record(), 10n, 3n, 0n)!;
    expect(now.counter).toBe(3_333_333_333_333_333_333n);
    // 3 points × 3.333…333 = 9.999…999: 9, not 10.
    expect(pendingRewards(now.counter, 0n, 3n)).toBe(9n);
  });

  it('has no counter for a pool without points, and nothing for a member without points', () => {
    expect(currentRewardCounter(record(), 10n, 0n, 0n)).toBeNull();
    expect(pendingRewards(5n * REWARD_COUNTER_ONE, 0n, 0n)).toBe(0n);
  });

  it('gives nothing to a member recorded past the pool (saturating) and fails on overflow', () => {
    expect(pendingRewards(REWARD_COUNTER_ONE, 2n * REWARD_COUNTER_ONE, 100n)).toBe(0n);
    expect(pendingRewards(U128_MAX, 0n, U128_MAX)).toBeNull();
    expect(currentRewardCounter(record({ lastRecordedRewardCounter: U128_MAX }), 10n, 1n, 0n)).toBeNull();
  });
});

describe('the reward account', () => {
  it('keeps the frozen existential deposit, and the deposit itself when its provider cannot go', () => {
    const a = { free: 1_000n, reserved: 0n, frozen: 100n, consumers: 0, providers: 1 };
    expect(reducibleBalance(a, 100n)).toBe(900n);
    expect(reducibleBalance({ ...a, frozen: 0n, consumers: 1 }, 100n)).toBe(900n);
    expect(reducibleBalance({ ...a, frozen: 0n, consumers: 1, providers: 2 }, 100n)).toBe(1_000n);
    expect(reducibleBalance({ ...a, reserved: 60n }, 100n)).toBe(960n);
  });
});

describe('unbonding chunks', () => {
  const pool = {
    subPools: {
      noEra: { points: 200n, balance: 150n },
      withEra: [
        { era: 10, points: 100n, balance: 90n },
        { era: 12, points: 50n, balance: 50n },
      ],
    },
  } as BondedPool;

  it('values each era in its own pool, a merged era in the era-less one, and flags slashes', () => {
    const chunks = memberUnbonding(
      {
        who: 'x',
        poolId: 1,
        points: 0n,
        lastRecordedRewardCounter: 0n,
        unbondingEras: [
          { era: 12, points: 10n },
          { era: 3, points: 40n },
          { era: 10, points: 33n },
        ],
      },
      pool,
    );
    expect(chunks).toEqual([
      { era: 3, points: 40n, value: 30n, source: 'no-era', slashed: true },
      { era: 10, points: 33n, value: 29n, source: 'era', slashed: true },
      { era: 12, points: 10n, value: 10n, source: 'era', slashed: false },
    ]);
    expect(unbondPoolOf(null, 3)).toBeNull();
  });
});

describe('pool names', () => {
  it('drops what could hide or reorder text and keeps what is printable', () => {
    const bytes = new TextEncoder().encode('\u202Eevil\u202C Pool\u200B\u0007');
    expect(poolName(bytes)).toBe('evil Pool');
    expect(poolName(new Uint8Array())).toBeNull();
    expect(poolName(new Uint8Array([0xff, 0x41]))).toBe('\uFFFDA');
  });
});
