import { describe, expect, it } from 'vitest';
import {
  type AccountView,
  accountView,
  buildAccountSlice,
  buildEraSlice,
  buildViewContext,
  type ViewContext,
} from '../../../core/staking/index.js';
import { HOUR_MS, ksm } from '../../fixtures/staking-fixture.js';
import { handScenario, PCT, who } from './scenario.js';

function setup(mutate?: (s: ReturnType<typeof handScenario>) => void): {
  view: (address: string) => AccountView;
  ctx: ViewContext;
} {
  const snapshot = handScenario();
  mutate?.(snapshot);
  const ctx = buildViewContext(buildEraSlice(snapshot));
  return { view: (address) => accountView(buildAccountSlice(snapshot, address), ctx), ctx };
}

describe('accountView: a pool member', () => {
  const v = setup().view(who.member);

  it('turns points into KSM and shows the pool state', () => {
    // 500 of 2,000 points of a pool with 1,000 KSM active → 250 KSM.
    expect(v.roles).toEqual(['pool-member']);
    expect(v.pool).toMatchObject({
      poolId: 7,
      state: 'Open',
      memberPoints: ksm(500),
      value: ksm(250),
      commission: 10 * PCT,
      targetCount: 1,
      activeTargetCount: 1,
      exposedThisEra: ksm(1_000),
      earningThisEra: true,
      name: 'Hand Pool',
      roles: [],
      // 20 KSM less 10% commission over 2,000 points, for 500 of them.
      pendingRewards: ksm(9) / 2n,
      totalBalance: ksm(300),
    });
    expect(v.earning).toEqual({ thisEra: true, exposedThisEra: 0n, viaPool: true });
    expect(v.bond.active).toBe(0n);
  });

  it('shows its unbonding with the same withdrawal rule', () => {
    const u = v.pool!.unbonding;
    expect(u.chunks.map((c) => [c.era, c.value, c.status, c.erasLeft])).toEqual([
      [999, ksm(10), 'withdrawable', 0],
      [1005, ksm(40), 'unbonding', 5],
    ]);
    expect(u.chunks[1]!.eta!.inMs).toBe(5 * 6 * HOUR_MS - 2 * HOUR_MS);
    expect(v.warnings).toEqual([{ code: 'withdrawable', amount: ksm(10) }]);
  });

  it('estimates the pool APY after pool commission', () => {
    // Pool rewards: 700/1,000 of 380 = 266 KSM in 990 and 999 → 532 over 4 eras on 1,000 KSM, × 0.9 × 1,461.
    expect(v.apy.pool!.value).toBeCloseTo((532 / 4000) * 0.9 * 1461, 6);
    expect(v.apy.account).toBeNull();
  });
});

describe('accountView: the pool bonded account and a validator stash', () => {
  it('recognises the derived pool account', () => {
    const v = setup().view(who.pool);
    expect(v.roles).toEqual(['stash', 'nominator', 'pool-account']);
  });

  it("includes a validator's own share and commission in its unclaimed rewards", () => {
    const v = setup().view(who.v1);
    expect(v.roles).toEqual(['stash', 'validator']);
    expect(v.validator).toMatchObject({
      commission: 10 * PCT,
      elected: true,
      ownThisEra: ksm(1_000),
      pointsThisEra: 20,
    });
    // 999: 1,000/2,000 of 540 + all of the 60 commission = 330. 917: Perbill(1,000/1,500) = 666,666,666 parts of
    // 225 → 149.99999985, plus the 25 commission.
    expect(v.unclaimed.rewards.map((r) => [r.era, r.page, r.own, r.estimate])).toEqual([
      [917, 0, true, 174_999_999_850_000n],
      [999, 0, true, ksm(330)],
    ]);
  });
});

describe('accountView: an unknown account', () => {
  it('says plainly that there is nothing, with zeros everywhere', () => {
    const v = setup().view(who.stranger);
    expect(v.known).toBe(false);
    expect(v.roles).toEqual([]);
    expect(v.warnings).toEqual([{ code: 'unknown-account' }]);
    expect(v.bond).toMatchObject({ total: 0n, active: 0n });
    expect(v.bond.unlocking.chunks).toEqual([]);
    expect(v.unclaimed.total).toBe(0n);
    expect(v.earning).toEqual({ thisEra: false, exposedThisEra: 0n, viaPool: false });
    expect(v.nominations).toBeNull();
    expect(v.pool).toBeNull();
    expect(v.apy.account).toBeNull();
    expect(v.apy.network.value).not.toBeNull();
  });
});
