import { describe, expect, it } from 'vitest';
import { KSM_PLANCK_PER_UNIT } from '../../../core/kusama/constants.js';
import { HISTORY_DEPTH_ERAS } from '../../../dev/scenario/chain-constants.js';
import { generateScenario } from '../../../dev/scenario/index.js';
import { votingChecks } from './voting-checks.js';

describe('the kusama-size scenario', () => {
  const scenario = generateScenario({ size: 'kusama', seed: 1, onProgress: () => {} });
  const { expected: e, fixtures: fx } = scenario;
  const s = e.staking;

  it('has the live network’s counts', () => {
    const active = s.history.at(-1)!;
    expect(Object.keys(active.overviews)).toHaveLength(1_000);
    expect(fx.validators.elected).toHaveLength(1_000);
    const pools = Object.values(e.pools.pools);
    expect(pools).toHaveLength(250);
    expect(Object.keys(e.pools.members)).toHaveLength(5_000);
    const poolStashes = new Set(pools.map((p) => p.bondedAccount));
    const direct = Object.keys(s.nominators).filter((n) => !poolStashes.has(n));
    expect(direct.length).toBeGreaterThanOrEqual(12_500);
    expect(direct.length).toBeLessThan(12_600);
    expect(e.governance.referendumCount).toBe(600);
    const ongoing = Object.values(e.governance.referenda).filter((r) => r.status === 'ongoing');
    expect(ongoing).toHaveLength(40);
  });

  it('carries the full 84-era history with paged validators and a realistic claimed share', () => {
    expect(s.history).toHaveLength(HISTORY_DEPTH_ERAS);
    const active = s.history.at(-1)!;
    const paged = Object.values(active.overviews).filter((o) => o.pageCount > 1);
    expect(paged.length).toBeGreaterThanOrEqual(5);
    for (const h of s.history) expect(Object.keys(h.overviews).length).toBe(1_000);
    const old = s.history[10]!;
    const claimed = Object.values(old.claimed).reduce((a, p) => a + p.length, 0);
    const pages = Object.values(old.overviews).reduce((a, o) => a + Math.max(1, o.pageCount), 0);
    expect(claimed / pages).toBeGreaterThan(0.9);
    expect(claimed / pages).toBeLessThan(1);
    const recent = s.history.at(-2)!;
    expect(Object.values(recent.claimed).reduce((a, p) => a + p.length, 0) / pages).toBeLessThan(0.5);
  });

  it('uses Kusama magnitudes', () => {
    const KSM = KSM_PLANCK_PER_UNIT;
    expect(e.issuance.total / KSM).toBeGreaterThanOrEqual(17_000_000n);
    expect(e.issuance.total / KSM).toBeLessThan(17_500_000n);
    const staked = s.history.at(-1)!.totalStake / KSM;
    expect(staked).toBeGreaterThan(4_000_000n);
    expect(staked).toBeLessThan(12_000_000n);
    const commissions = Object.values(s.validators).map((v) => v.commission);
    expect(commissions).toContain(1_000_000_000);
    expect(commissions).toContain(0);
  });

  it('has Kusama-like voting: ~3,000 voters, ~7,000 records, ~600 delegations, a few big delegates', () => {
    const records = fx.voting;
    const voters = new Set(records.map((r) => r.who));
    expect(voters.size).toBeGreaterThan(2_500);
    expect(voters.size).toBeLessThan(3_500);
    expect(records.length).toBeGreaterThan(6_000);
    expect(records.length).toBeLessThan(8_500);
    const delegations = records.filter((r) => r.kind === 'Delegating');
    expect(delegations.length).toBeGreaterThan(450);
    expect(delegations.length).toBeLessThan(800);
    // Distinct accounts delegating to each delegate, on any track: a few big delegates have tens.
    const delegatorsOf = new Map<string, Set<string>>();
    for (const d of delegations)
      if (d.kind === 'Delegating')
        delegatorsOf.set(d.target, (delegatorsOf.get(d.target) ?? new Set()).add(d.who));
    const big = [...delegatorsOf.values()].filter((who) => who.size >= 20);
    expect(big.length).toBeGreaterThanOrEqual(2);
    const referenda = e.governance.referenda;
    const votedOn = new Set(
      records.flatMap((r) => (r.kind === 'Casting' ? r.votes.map((v) => v.refId) : [])),
    );
    const statuses = new Set([...votedOn].map((id) => referenda[id]!.status));
    for (const status of ['ongoing', 'approved', 'rejected', 'cancelled', 'timedOut'])
      expect(statuses).toContain(status);
    const priors = records.filter((r) => r.prior).map((r) => r.prior!.until > e.anchor.relayBlock);
    expect(priors).toContain(true);
    expect(priors).toContain(false);
    expect(fx.voterCases.noVotes.address in e.voting).toBe(false);
    votingChecks(scenario);
  });

  it('stays sorted and unique across its storage pairs', () => {
    const st = scenario.storage;
    expect(st.length).toBeGreaterThan(300_000);
    for (let i = 1; i < st.length; i++)
      if (!(st[i - 1]![0] < st[i]![0])) throw new Error(`keys out of order at ${i}`);
  });
});
