/**
 * The seeded treasury and bounties, read back by an independent reader through @polkadot/types,
 * are exactly the scenario's expected state, on both runtimes; and the named cases are what their
 * names say at the scenario's relay block.
 */
import { describe, expect, it } from 'vitest';
import { spendPhase } from '../../../core/treasury/spend-phase.js';
import { createAssetHubRegistry } from '../../../dev/chain/metadata.js';
import { generateScenario, type Scenario } from '../../../dev/scenario/index.js';
import { decodeTreasury, readBounties, readTreasury } from './treasury-readback.js';

function readBack(scenario: Scenario) {
  const { registry, metadata } = createAssetHubRegistry(
    scenario.runtime === 2_003_000 ? undefined : scenario.runtime,
  );
  const pot = scenario.fixtures.treasuryCases.accounts.treasury;
  const decoded = decodeTreasury(registry, metadata, scenario.storage, pot);
  expect(decoded.unknown).toEqual([]);
  expect(decoded.lengthMismatch).toEqual([]);
  return { treasury: readTreasury(registry, metadata, decoded.items), bounties: readBounties(decoded.items) };
}

const CASES: Array<[string, { size: 'small' | 'kusama'; seed: number; runtime?: number }]> = [
  ['small on 2,003,000', { size: 'small', seed: 7 }],
  ['small on 1,009,003', { size: 'small', seed: 7, runtime: 1_009_003 }],
  ['kusama on 2,003,000', { size: 'kusama', seed: 3 }],
];

describe.each(CASES)('the treasury of the %s scenario', (_, opts) => {
  const scenario = generateScenario({ ...opts, onProgress: () => {} });
  const e = scenario.expected;
  const c = scenario.fixtures.treasuryCases;
  const now = e.anchor.relayBlock;

  it('reads back exactly as expected', () => {
    const read = readBack(scenario);
    expect(read.treasury).toEqual(e.treasury);
    expect(read.bounties).toEqual(e.bounties);
  });

  it('holds KSM, USDT, USDC, RMRK and a foreign asset, with rates for the stablecoins only', () => {
    const t = e.treasury!;
    expect(t.holdings.map((h) => h.asset.symbol)).toEqual(['KSM', 'USDC', 'USDT', 'RMRK', 'MOVR']);
    expect(t.holdings.filter((h) => h.rateToNative !== null).map((h) => h.asset.symbol)).toEqual([
      'USDC',
      'USDT',
    ]);
    expect(t.holdings.at(-1)!.asset.key).toMatch(/^foreign:\{"parents":1/);
    expect(t.constants.payoutPeriod).toBe(90 * 14_400);
    expect(t.constants.spendPeriod).toBe(6 * 14_400);
  });

  it('names a spend in each phase, and only the named ones expire within a week', () => {
    const t = e.treasury!;
    const at = (i: number) => t.spends.find((s) => s.index === i)!;
    const phase = (i: number) => spendPhase(at(i), now);
    expect(t.spends.length).toBe(opts.size === 'kusama' ? 40 : 12);
    expect(phase(c.spends.upcoming)).toBe('upcoming');
    expect(phase(c.spends.claimable)).toBe('claimable');
    expect(phase(c.spends.attempted)).toBe('attempted');
    expect(at(c.spends.attempted).paymentId).not.toBeNull();
    expect(phase(c.spends.failed)).toBe('failed');
    expect(phase(c.spends.expired)).toBe('expired');
    expect(at(c.spends.expired).status).toBe('Pending');
    expect(t.spends.some((s) => s.status === 'Failed' && s.expireAt <= now)).toBe(true);
    const left = (i: number) => at(i).expireAt - now;
    expect(left(c.spends.expiresWithinHour)).toBeGreaterThan(0);
    expect(left(c.spends.expiresWithinHour)).toBeLessThanOrEqual(600);
    expect(left(c.spends.expiresWithinDay)).toBeGreaterThan(600);
    expect(left(c.spends.expiresWithinDay)).toBeLessThanOrEqual(14_400);
    expect(left(c.spends.expiresWithinWeek)).toBeGreaterThan(14_400);
    expect(left(c.spends.expiresWithinWeek)).toBeLessThanOrEqual(7 * 14_400);
    const soon = t.spends
      .filter((s) => s.expireAt > now && s.expireAt - now <= 7 * 14_400)
      .map((s) => s.index);
    expect(soon.sort()).toEqual(
      [c.spends.expiresWithinHour, c.spends.expiresWithinDay, c.spends.expiresWithinWeek].sort(),
    );
    expect(at(c.spends.assetSpend).asset.symbol).toBe('USDT');
    expect(at(c.spends.remoteBeneficiary).beneficiary).toMatch(/accountKey20/);
    for (const s of t.spends) expect(s.expireAt - s.validFrom).toBe(t.constants.payoutPeriod);
  });

  it('names bounties and child bounties in each status, multi-asset ones only where the pallet is', () => {
    const b = e.bounties!;
    const by = (ref: string) => b.bounties.find((x) => x.ref === ref)!;
    const cb = c.bounties;
    expect(by(cb.proposed).status).toBe('Proposed');
    expect(by(cb.funded).status).toBe('Funded');
    expect(by(cb.curatorProposed).status).toBe('CuratorProposed');
    expect(by(cb.active).updateDue).toBeGreaterThan(now);
    expect(by(cb.pendingPayoutLocked).unlockAt).toBeGreaterThan(now);
    expect(by(cb.pendingPayoutClaimable).unlockAt).toBeLessThanOrEqual(now);
    expect(by(cb.approved).awaitingFunding).toBe(true);
    expect(by(cb.approvedWithCurator).awaitingFunding).toBe(true);
    const parent = by(cb.withChildren);
    const child = (p: { parent: number; id: number }) => parent.children.find((x) => x.id === p.id)!;
    expect(child(cb.children.added).status).toBe('Added');
    expect(child(cb.children.curatorProposed).status).toBe('CuratorProposed');
    expect(child(cb.children.active).status).toBe('Active');
    expect(child(cb.children.pendingPayoutLocked).unlockAt).toBeGreaterThan(now);
    expect(child(cb.children.pendingPayoutClaimable).unlockAt).toBeLessThanOrEqual(now);
    const descriptions = b.bounties.map((x) => x.description);
    expect(descriptions).toContain(null);
    expect(descriptions.some((d) => d !== null && d.length > 120)).toBe(true);
    if (opts.runtime === 1_009_003) {
      expect(cb.multiAsset).toBeNull();
      expect(b.multiAssetBountyCount).toBeNull();
      expect(b.bounties.every((x) => x.pallet === 'bounties')).toBe(true);
    } else {
      const m = cb.multiAsset!;
      expect(by(m.fundingAttempted).paymentStatus).toBe('Attempted');
      expect(by(m.fundingFailed).paymentStatus).toBe('Failed');
      expect(by(m.payoutAttempted).beneficiary).not.toBeNull();
      expect(by(m.usdt).asset.symbol).toBe('USDT');
      expect(by(m.ksm).asset.key).toBe('native');
      expect(by(m.withChildren).children.map((x) => x.status)).toEqual([
        'FundingAttempted',
        'Funded',
        'Active',
        'PayoutAttempted',
      ]);
    }
  });

  it('gives beneficiaries and curators balances, and names to some of them only', () => {
    const a = c.accounts;
    for (const who of Object.values(a)) expect(scenario.fixtures.balances[who]).toBeDefined();
    expect(scenario.people.expected[a.namedBeneficiary]).toBeDefined();
    expect(scenario.people.expected[a.namedCurator]).toBeDefined();
    expect(scenario.people.expected[a.unnamedBeneficiary]).toBeUndefined();
    expect(scenario.people.expected[a.unnamedCurator]).toBeUndefined();
    expect(e.treasury!.spends.some((s) => s.beneficiary === a.unnamedBeneficiary)).toBe(true);
    expect(scenario.fixtures.balances[a.treasury]!.free).toBe(e.treasury!.holdings[0]!.balance);
  });
});
