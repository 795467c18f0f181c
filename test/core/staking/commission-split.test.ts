import { describe, expect, it } from 'vitest';
import {
  accountView,
  buildAccountSlice,
  buildEraSlice,
  buildValidatorSlice,
  buildViewContext,
  validatorView,
} from '../../../core/staking/index.js';
import { exposureRewardSplit } from '../../../core/staking/payout.js';
import type { AccountStakingSlice } from '../../../core/staking/slice-types.js';
import { ksm } from '../../fixtures/staking-fixture.js';
import { handScenario, PCT, who } from './scenario.js';

type Hand = ReturnType<typeof handScenario>;

function viewOf(s: Hand, address: string, edit?: (slice: AccountStakingSlice) => void) {
  const slice = buildAccountSlice(s, address);
  edit?.(slice);
  return accountView(slice, buildViewContext(buildEraSlice(s)));
}

/** A slice as stored before the split: whole rewards, no commission part, no marker. */
function storedBeforeSplit(slice: AccountStakingSlice): void {
  delete slice.eraRewardsSplit;
  slice.eraRewards = slice.eraRewards.map(({ era, reward }) => ({ era, reward }));
}

describe("a validator's era reward, split into the return on its stake and its commission", () => {
  // Eras 990 and 999: 1,000 KSM for 1,000 points, v1 has 600 → 600 KSM; commission 10% = 60 KSM,
  // leftover 540 × own 1,000 / total 2,000 = 270 KSM on its stake.
  // Eras 916 and 917: 500 KSM, v1 has 50 of 100 points → 250 KSM; commission 25 KSM, leftover
  // 225 × 1,000 / 1,500 = 150 KSM (Perbill rounding: 2/3 is 666,666,666 parts).
  it('splits each era: the stake part and the commission part add up to the whole estimate', () => {
    const slice = buildAccountSlice(handScenario(), who.v1);
    const era990 = slice.eraRewards.find((r) => r.era === 990)!;
    expect(era990.commission).toBe(ksm(60));
    expect(era990.reward).toBe(ksm(330));
    expect(slice.eraRewardsSplit).toBe(true);
  });

  it("the bond's APR leaves commission out; the commission income is shown apart", () => {
    const v = viewOf(handScenario(), who.v1);
    // (150 × 2 + 270 × 2) on stake over 4 eras on a 1,000 KSM bond, × 1,461 eras a year.
    expect(v.apy.account!.erasUsed).toBe(4);
    expect(v.apy.account!.value).toBeCloseTo((840 / (4 * 1_000)) * 1461, 4);
    expect(v.commissionIncome).toEqual({ total: ksm(170), erasUsed: 4 });
  });

  it('/validator shows the same commission income over the same eras', () => {
    const s = handScenario();
    const v = validatorView(buildValidatorSlice(s, who.v1), buildViewContext(buildEraSlice(s)));
    expect(v.commissionIncome).toEqual({ total: ksm(170), erasUsed: 4 });
    const nominator = validatorView(buildValidatorSlice(s, who.all), buildViewContext(buildEraSlice(s)));
    expect(nominator.commissionIncome).toBeNull();
  });

  it('a 100%-commission validator earns nothing on its bond: all of it is commission income', () => {
    const s = handScenario();
    for (const h of s.staking.history) if (h.prefs[who.v1]) h.prefs[who.v1]!.commission = 100 * PCT;
    const v = viewOf(s, who.v1);
    expect(v.apy.account!.value).toBe(0);
    // Its whole share: 250 × 2 + 600 × 2 KSM.
    expect(v.commissionIncome).toEqual({ total: ksm(1_700), erasUsed: 4 });
  });

  it('a nominator has no commission part and no commission income', () => {
    const s = handScenario();
    const slice = buildAccountSlice(s, who.all);
    expect(slice.eraRewards.every((r) => r.commission === undefined)).toBe(true);
    expect(viewOf(s, who.all).commissionIncome).toBeNull();
  });

  it('the split of one exposure: a nomination is all stake, a validator page pays commission on every page', () => {
    const figures = {
      era: 1,
      validator: who.v2,
      points: 1,
      commission: 50 * PCT,
      total: ksm(1_000),
      own: ksm(100),
      nominatorCount: 2,
      pageCount: 2,
      pageTotals: [ksm(700), ksm(200)],
      claimed: [],
    };
    const input = { eraReward: ksm(100), totalPoints: 1, figures };
    const base = { era: 1, validator: who.v2, page: 0 };
    expect(exposureRewardSplit(input, { ...base, value: ksm(700), own: false })).toEqual({
      stake: ksm(35),
      commission: 0n,
    });
    // Commission 50 KSM over pages of 800 and 200 KSM; 10% of the 50 KSM leftover on its own stake.
    expect(exposureRewardSplit(input, { ...base, value: ksm(100), own: true })).toEqual({
      stake: ksm(5),
      commission: ksm(50),
    });
  });
});

describe('slices stored before the split still render sensibly', () => {
  it("a validator's old slice gives no bond APR and no commission income rather than a wrong figure", () => {
    const v = viewOf(handScenario(), who.v1, storedBeforeSplit);
    expect(v.apy.account).not.toBeNull();
    expect(v.apy.account!.value).toBeNull();
    expect(v.commissionIncome).toBeNull();
    expect(v.unclaimed.total).toBe(viewOf(handScenario(), who.v1).unclaimed.total);
  });

  it("a nominator's old slice gives the same APR as a new one: its rewards hold no commission", () => {
    const before = viewOf(handScenario(), who.all, storedBeforeSplit);
    const after = viewOf(handScenario(), who.all);
    expect(before.apy.account!.value).not.toBeNull();
    expect(before.apy.account!.value).toBe(after.apy.account!.value);
  });
});
