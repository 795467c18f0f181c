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

describe('accountView: a nominator with all targets active', () => {
  const { view } = setup();
  const v = view(who.all);

  it('shows bond, payee and roles', () => {
    expect(v.known).toBe(true);
    expect(v.roles).toEqual(['stash', 'nominator']);
    expect(v.controller).toBe(who.allController);
    expect(v.bond.total).toBe(ksm(600));
    expect(v.bond.active).toBe(ksm(500));
    expect(v.payee).toEqual({ kind: 'Staked' });
  });

  it('shows each target backing it this era with its page and share', () => {
    const rows = v.nominations!.targets.map((t) => [
      t.validator,
      t.status,
      t.page,
      t.stake,
      t.shareParts,
      t.commission,
    ]);
    // V1: 300 of 2,000 = 15%; V2: 200 of 1,300 = 15.3846153%, rounded down to Perbill.
    expect(rows).toEqual([
      [who.v1, 'active-backing', 0, ksm(300), 150_000_000, 10 * PCT],
      [who.v2, 'active-backing', 1, ksm(200), 153_846_153, 5 * PCT],
    ]);
    expect(v.nominations!.backing).toBe(2);
    expect(v.earning).toEqual({ thisEra: true, exposedThisEra: ksm(500), viaPool: false });
  });

  it('lists unclaimed pages with hand-computed estimates and expiry', () => {
    // Era 917: V1 gets 50/100 of 500 = 250, commission 25, leftover 225; 300/1,500 of 225 = 45 KSM.
    // Era 999: V1 600/1,000 of 1,000 = 600, leftover 540, 300/2,000 → 81; V2 400, leftover 380, 200/1,000 → 76.
    const rows = v.unclaimed.rewards.map((r) => [
      r.era,
      r.validator,
      r.page,
      r.estimate,
      r.expiresInEra,
      r.erasLeft,
    ]);
    expect(rows).toEqual([
      [917, who.v1, 0, ksm(45), 1001, 0],
      [999, who.v1, 0, ksm(81), 1083, 82],
      [999, who.v2, 1, ksm(76), 1083, 82],
    ]);
    expect(v.unclaimed.total).toBe(ksm(202));
    expect(v.unclaimed.eraCount).toBe(2);
    // Era 990's two pages were paid out; era 916 is out of the window.
    expect(v.unclaimed.claimedPages).toBe(2);
  });

  it('dates the era that expires next: at the start of the next era, 4 h away', () => {
    const soonest = v.unclaimed.soonest!;
    expect(soonest.era).toBe(917);
    expect(soonest.expiresEta).toMatchObject({
      era: 1001,
      inMs: 4 * HOUR_MS,
      overdue: false,
      source: 'nominal',
    });
    expect(v.unclaimed.rewards[1]!.expiresEta.inMs).toBe(83 * 6 * HOUR_MS - 2 * HOUR_MS);
    expect(v.warnings).toContainEqual({ code: 'unclaimed-expiring', era: 917, erasLeft: 0 });
  });

  it('splits chunks into withdrawable and still locked, with an ETA', () => {
    const [due, locked] = v.bond.unlocking.chunks;
    expect(due).toMatchObject({ value: ksm(50), era: 995, status: 'withdrawable', erasLeft: 0, eta: null });
    expect(locked).toMatchObject({ value: ksm(50), era: 1010, status: 'unbonding', erasLeft: 10 });
    expect(locked!.eta!.inMs).toBe(10 * 6 * HOUR_MS - 2 * HOUR_MS);
    expect(v.bond.unlocking.withdrawable).toBe(ksm(50));
    expect(v.bond.unlocking.unbonding).toBe(ksm(50));
    expect(v.warnings).toContainEqual({ code: 'withdrawable', amount: ksm(50) });
  });

  it('estimates its APY from the rewards of the recent paid eras', () => {
    // Eras 916, 917: 45 each; 990, 999: 81 + 76 each → 404 KSM over 4 eras on 500 KSM, × 1,461 eras a year.
    expect(v.apy.account!.erasUsed).toBe(4);
    expect(v.apy.account!.value).toBeCloseTo((404 / (4 * 500)) * 1461, 6);
    expect(v.warnings.map((w) => w.code)).toEqual(['withdrawable', 'unclaimed-expiring']);
  });
});

describe('accountView: the controller of that stash', () => {
  it('shows the stash it controls', () => {
    const v = setup().view(who.allController);
    expect(v.roles).toEqual(['controller', 'nominator']);
    expect(v.stash).toBe(who.all);
    expect(v.bond.active).toBe(ksm(500));
  });
});

describe('accountView: a nominator with no target active', () => {
  it('names each target state and warns that nothing earns', () => {
    const v = setup().view(who.none);
    expect(v.nominations!.targets.map((t) => [t.validator, t.status, t.commission, t.blocked])).toEqual([
      [who.waiting, 'waiting', 7 * PCT, false],
      [who.blocked, 'blocked', 3 * PCT, true],
      [who.chilled, 'not-validator', null, false],
    ]);
    expect(v.earning.thisEra).toBe(false);
    expect(v.nominations).toMatchObject({
      backing: 0,
      activeNotBacking: 0,
      waiting: 1,
      blocked: 1,
      inactive: 1,
    });
    expect(v.warnings).toEqual([
      { code: 'no-active-stake', poolEarning: false },
      { code: 'no-active-targets' },
      { code: 'below-minimum-active-stake', active: ksm(50), minimum: ksm(80) },
    ]);
  });
});

describe('accountView: a nominator whose stake is not exposed', () => {
  it('shows active targets that do not back it', () => {
    const v = setup().view(who.unexposed);
    expect(v.nominations!.targets.map((t) => [t.status, t.page, t.stake])).toEqual([
      ['active-not-backing', null, 0n],
      ['active-not-backing', null, 0n],
    ]);
    expect(v.payee).toEqual({ kind: 'Account', account: who.x });
    expect(v.warnings).toEqual([
      { code: 'no-active-stake', poolEarning: false },
      { code: 'nominations-recent', submittedIn: 1000 },
    ]);
    expect(v.unclaimed.rewards).toEqual([]);
  });
});

describe('accountView: an offence in the queue', () => {
  it('holds a chunk whose era has come, per the earliest-withdrawal rule', () => {
    // min(active 1000, 960 − 1 + 28 = 987): the era-995 chunk is held.
    const v = setup((s) => {
      s.staking.offenceQueueEarliestEra = 960;
    }).view(who.all);
    expect(v.bond.unlocking.earliestWithdrawalEra).toBe(987);
    expect(v.bond.unlocking.chunks.map((c) => [c.era, c.status, c.offenceQueueMayDelay])).toEqual([
      [995, 'held-by-offence-queue', true],
      [1010, 'unbonding', true],
    ]);
    expect(v.bond.unlocking.withdrawable).toBe(0n);
    expect(v.warnings).toContainEqual({ code: 'withdrawal-held-by-offence-queue', offenceEra: 960 });
  });
});
