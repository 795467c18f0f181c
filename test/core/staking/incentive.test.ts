/**
 * The validator self-stake incentive, as staking-async pays it with each payout page:
 * Perbill(weight / Σ weights) of the era's pot, rounded down, then Perbill(page stake / total) of
 * that per page, rounded down; nothing without era points.
 */
import { describe, expect, it } from 'vitest';
import {
  accountView,
  buildAccountSlice,
  buildEraSlice,
  buildValidatorSlice,
  buildViewContext,
  describeIncentive,
  incentiveOf,
  incentivePageReward,
  type ValidatorEraFigures,
  validatorView,
} from '../../../core/staking/index.js';
import { ksm } from '../../fixtures/staking-fixture.js';
import { handScenario, who } from './scenario.js';

const KSM_2_5 = ksm(5) / 2n;
const KSM_0_5 = ksm(1) / 2n;

const figures = (over: Partial<ValidatorEraFigures> = {}): ValidatorEraFigures => ({
  era: 999,
  validator: who.v1,
  points: 10,
  commission: 0,
  total: 1_000n,
  own: 400n,
  nominatorCount: 2,
  pageCount: 2,
  pageTotals: [300n, 300n],
  claimed: [],
  incentive: 299n,
  ...over,
});

describe('incentive arithmetic', () => {
  it("a validator's share of the pot rounds down, and so does each page's part of it", () => {
    // Perbill(1/3) = 333,333,333 parts; 900 × that / 1e9 = 299.99… → 299.
    expect(incentiveOf({ budget: 900n, totalWeight: 3n, weights: { [who.v1]: 1n } }, who.v1)).toBe(299n);
    // Page 0 carries the own stake: 700/1000 of 299 = 209.3 → 209; page 1: 300/1000 → 89.7 → 89.
    expect(incentivePageReward(figures(), 0)).toBe(209n);
    expect(incentivePageReward(figures(), 1)).toBe(89n);
  });

  it('pays nothing without points, weight, pot or weights', () => {
    expect(incentivePageReward(figures({ points: 0 }), 0)).toBe(0n);
    expect(incentivePageReward(figures({ incentive: undefined }), 0)).toBe(0n);
    expect(incentiveOf({ budget: 900n, totalWeight: 3n, weights: {} }, who.v1)).toBe(0n);
    expect(incentiveOf({ budget: 0n, totalWeight: 3n, weights: { [who.v1]: 1n } }, who.v1)).toBe(0n);
    // A zero sum with a pot: the chain reports a mismatch and pays nothing.
    expect(incentiveOf({ budget: 900n, totalWeight: 0n, weights: { [who.v1]: 1n } }, who.v1)).toBe(0n);
    expect(incentiveOf(undefined, who.v1)).toBe(0n);
  });
});

describe('incentive in the views', () => {
  const plain = handScenario();
  const paid = handScenario();
  // Era 999: v2's weight is a quarter of the pot of 10 KSM: 2.5 KSM, page 0 (800 of 1,000) 2 KSM,
  // page 1 (200) 0.5 KSM. Its page 0 is claimed, page 1 not.
  paid.staking.history.find((h) => h.era === 999)!.incentive = {
    budget: ksm(10),
    totalWeight: 4n,
    weights: { [who.v2]: 1n, [who.v1]: 3n },
  };
  paid.constants.selfStakeIncentive = { optimum: ksm(2_000), hardCap: ksm(5_000), slopeParts: 500_000_000 };
  const ctxOf = (s: ReturnType<typeof handScenario>) => buildViewContext(buildEraSlice(s));

  it('/validator shows it and counts it in the unclaimed estimate', () => {
    const before = validatorView(buildValidatorSlice(plain, who.v2), ctxOf(plain));
    const after = validatorView(buildValidatorSlice(paid, who.v2), ctxOf(paid));
    expect(before.incentive).toBeNull();
    expect(after.incentive).toMatchObject({ recent: [{ era: 999, amount: KSM_2_5 }], total: KSM_2_5 });
    const unclaimed = (v: typeof before) => v.unclaimed.eras.find((e) => e.era === 999)!.estimate;
    expect(unclaimed(after) - unclaimed(before)).toBe(KSM_0_5);
    expect(describeIncentive(after.incentive!)).toBe(
      '2.5 KSM over the last 1 paid era (curve: optimum self-stake 2,000 KSM, cap 5,000 KSM)',
    );
  });

  it("counts it in the validator's own reward estimates and APY, and nobody else's", () => {
    const reward = (s: ReturnType<typeof handScenario>, a: string) =>
      buildAccountSlice(s, a).eraRewards.find((r) => r.era === 999)?.reward ?? 0n;
    expect(reward(paid, who.v2) - reward(plain, who.v2)).toBe(KSM_2_5);
    expect(reward(paid, who.all)).toBe(reward(plain, who.all));
    const apy = (s: ReturnType<typeof handScenario>) =>
      accountView(buildAccountSlice(s, who.v2), ctxOf(s)).apy.account!.value!;
    expect(apy(paid)).toBeGreaterThan(apy(plain));
    const unclaimed = (s: ReturnType<typeof handScenario>) =>
      accountView(buildAccountSlice(s, who.v2), ctxOf(s)).unclaimed.rewards.find((r) => r.era === 999)!;
    expect(unclaimed(paid).estimate - unclaimed(plain).estimate).toBe(KSM_0_5);
  });
});
