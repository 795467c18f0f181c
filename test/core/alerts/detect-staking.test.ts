import { describe, expect, it } from 'vitest';
import { stakingAlerts } from '../../../core/alerts/detect.js';
import { alertMessage } from '../../../core/alerts/messages.js';

import { buildAccountSlices } from '../../../core/staking/account-slices.js';
import { buildEraSlice } from '../../../core/staking/era-slice.js';
import type { Snapshot } from '../../../core/types/snapshot.js';
import { eraOf, ksm } from '../../fixtures/staking-fixture.js';
import { ACTIVE, handScenario, NOW_MS, PCT, who } from '../staking/scenario.js';
import { clock } from './fixtures.js';

function run(before: Snapshot | null, after: Snapshot, addresses: string[], expiringErasLeft = 4) {
  const a = buildAccountSlices(after);
  const b = before ? buildAccountSlices(before) : null;
  return stakingAlerts(
    {
      accounts: addresses.map((address) => ({ address, before: b?.get(address), after: a.get(address) })),
      eraBefore: before ? buildEraSlice(before, []) : undefined,
      eraAfter: buildEraSlice(after, []),
      expiringErasLeft,
    },
    clock({ nowMs: NOW_MS, timestampMs: NOW_MS }),
  );
}

const ids = (alerts: Array<{ id: string }>) => alerts.map((a) => a.id).sort();

describe('staking alerts: states', () => {
  it('first run: withdrawable chunks, rewards about to expire, no active nomination; no change alerts', () => {
    const s = handScenario();
    const all = run(null, s, [who.all, who.none, who.unexposed, who.member, who.x, who.stranger]);
    expect(ids(all)).toEqual(
      [
        `expiring:${who.all}:917`,
        `expiring:${who.x}:917`,
        `no-active:${who.none}:${ACTIVE}`,
        `withdrawable:${who.all}:ledger:995`,
        `withdrawable:${who.member}:pool:999`,
      ].sort(),
    );
    const expiring = all.find((a) => a.id === `expiring:${who.all}:917`)!;
    expect(expiring.facts).toMatchObject({ kind: 'rewards-expiring', erasLeft: 0 });
    expect(expiring.severity).toBe('critical');
    // When they are gone, and which payouts claim them: the validators with their unclaimed pages.
    const facts = expiring.facts as Extract<typeof expiring.facts, { kind: 'rewards-expiring' }>;
    expect(facts.expiresAtMs).toBeGreaterThan(NOW_MS);
    expect(facts.claims).toEqual([{ validator: who.v1, pages: [0] }]);
    const message = alertMessage(expiring, { nowMs: NOW_MS });
    expect(message.lines).toContain(`staking.payoutStakers(${who.v1}, 917)`);
    expect(message.spans?.title).toEqual(['Rewards of era 917 expire ', { atMs: facts.expiresAtMs }]);
    const chunk = all.find((a) => a.id === `withdrawable:${who.all}:ledger:995`)!;
    expect(chunk.facts).toMatchObject({ value: ksm(50).toString(), via: 'ledger' });
  });

  it('already-claimed eras are never reported as expiring', () => {
    const s = handScenario();
    // Mark era 917's pages as paid out.
    const h917 = s.staking.history.find((h) => h.era === 917)!;
    h917.claimed = { [who.v1]: [0], [who.v6]: [0] };
    expect(ids(run(null, s, [who.all, who.x])).filter((id) => id.startsWith('expiring'))).toEqual([]);
  });

  it('the expiry threshold is configurable', () => {
    const s = handScenario();
    expect(ids(run(null, s, [who.all], 0))).toContain(`expiring:${who.all}:917`);
    const none = run(null, s, [who.all], 84).filter((a) => a.facts.kind === 'rewards-expiring');
    // 990 is claimed on v1 but not on v2's page 1 for `all`; 999 v1 page 0 is unclaimed.
    expect(ids(none)).toEqual([`expiring:${who.all}:917`, `expiring:${who.all}:999`]);
  });
});

describe('staking alerts: changes', () => {
  it('commission raise (old → new), blocked and chilled targets', () => {
    const before = handScenario();
    const after = handScenario();
    after.staking.validators[who.v1]!.commission = 15 * PCT;
    after.staking.validators[who.v2]!.blocked = true;
    delete after.staking.validators[who.v6];
    const out = run(before, after, [who.all, who.x]).filter(
      (a) => !a.id.startsWith('expiring') && !a.id.startsWith('withdrawable'),
    );
    expect(ids(out)).toEqual(
      [
        `commission:${who.all}:${who.v1}:${10 * PCT}:${15 * PCT}`,
        `commission:${who.x}:${who.v1}:${10 * PCT}:${15 * PCT}`,
        `blocked:${who.all}:${who.v2}:${ACTIVE}`,
        `chilled:${who.x}:${who.v6}:${ACTIVE}`,
      ].sort(),
    );
    expect(out.find((a) => a.facts.kind === 'commission-raised')!.facts).toMatchObject({
      from: 10 * PCT,
      to: 15 * PCT,
    });
  });

  it('a commission cut is no alert', () => {
    const before = handScenario();
    const after = handScenario();
    after.staking.validators[who.v1]!.commission = 1 * PCT;
    expect(run(before, after, [who.all]).filter((a) => a.facts.kind === 'commission-raised')).toEqual([]);
  });

  it('a new era: the paid era with the estimated reward, and a target that left the active set', () => {
    const before = handScenario();
    const after = handScenario();
    after.staking.activeEra = { index: ACTIVE + 1, startMs: NOW_MS };
    after.staking.currentEra = ACTIVE + 2;
    const h1000 = after.staking.history.find((h) => h.era === ACTIVE)!;
    h1000.validatorReward = ksm(1_000);
    // Era 1001: v2 is elected, v1 is not.
    after.staking.history.push(
      eraOf(ACTIVE + 1, null, {
        [who.v2]: { commission: 5 * PCT, own: ksm(100), pages: [[[who.all, ksm(200)]]], points: 1 },
      }),
    );
    const out = run(before, after, [who.all]);
    const paid = out.find((a) => a.facts.kind === 'era-paid')!;
    expect(paid.id).toBe(`era-paid:${who.all}:${ACTIVE}`);
    // By hand: v1 20/30 of 1,000 KSM less 10% → 600; 300/2,000 of it = 90. v2 10/30 less 5% → 316.67; 200/1,300 = 48.72.
    const estimate = Number(BigInt((paid.facts as { estimate: string }).estimate) / 10n ** 8n) / 1e4;
    expect(estimate).toBeGreaterThan(138.7);
    expect(estimate).toBeLessThan(138.75);
    expect(ids(out)).toContain(`left-active:${who.all}:${who.v1}:${ACTIVE + 1}`);
  });

  it('a pool turning Blocked or Destroying alerts its members once per change', () => {
    const before = handScenario();
    const after = handScenario();
    after.pools.pools[7]!.state = 'Destroying';
    const out = run(before, after, [who.member]).filter((a) => a.facts.kind === 'pool-state');
    expect(out.map((a) => a.facts)).toEqual([
      { kind: 'pool-state', address: who.member, poolId: 7, from: 'Open', to: 'Destroying' },
    ]);
    expect(run(after, after, [who.member]).filter((a) => a.facts.kind === 'pool-state')).toEqual([]);
  });

  it('an address without staking state gives nothing', () => {
    const s = handScenario();
    expect(run(s, s, [who.stranger])).toEqual([]);
  });
});
