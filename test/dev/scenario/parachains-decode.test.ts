/**
 * The seeded relay chain, Coretime chain and Asset Hub `AhOps` storage, read back by an independent
 * reader through @polkadot/types with the real metadata, are exactly the scenario's expected
 * parachains state; and the named parachain cases are what their names say at the relay block.
 */
import { describe, expect, it } from 'vitest';
import { isWithdrawable } from '../../../core/coretime/crowdloan.js';
import { onDemandSpotPrice } from '../../../core/coretime/on-demand.js';
import { renewalParas, renewalStanding } from '../../../core/coretime/renewal.js';
import { salePhase } from '../../../core/coretime/sale-phase.js';
import { generateScenario } from '../../../dev/scenario/index.js';
import { expectReadBack } from './parachains-readback.js';

const CASES: Array<[string, { size: 'small' | 'kusama'; seed: number; runtime?: number }]> = [
  ['small on 2,003,000', { size: 'small', seed: 7 }],
  ['small on 1,009,003', { size: 'small', seed: 7, runtime: 1_009_003 }],
  ['kusama on 2,003,000', { size: 'kusama', seed: 3 }],
];

describe.each(CASES)('the parachains of the %s scenario', (_, opts) => {
  const scenario = generateScenario({ ...opts, onProgress: () => {} });
  const p = scenario.expected.parachains;
  const relay = p.relay!;
  const ct = p.coretime!;
  const now = scenario.expected.anchor.relayBlock;
  const c = scenario.fixtures.parachainCases;
  const renewalOf = (core: number, when: number) =>
    ct.renewals.find((r) => r.core === core && r.when === when)!;
  const standing = (core: number, when: number) =>
    renewalStanding(renewalOf(core, when), ct.sale!, ct.config!, ct.timeslicePeriod).state;

  it('reads back exactly as expected from each chain', () => {
    expectReadBack(scenario);
  });

  it('is at the scenario relay block on every chain, in the sale lead-in', () => {
    expect(relay.block).toBe(now);
    expect(ct.block.relayBlock).toBe(now);
    expect(ct.block.specVersion).toBe(1_006_001);
    expect(salePhase(ct.sale!, ct.config!, ct.timeslicePeriod, now)).toBe('leadin');
  });

  it('has a Kusama-sized picture', () => {
    const n = relay.paras.length;
    if (opts.size === 'kusama') expect(n).toBeGreaterThanOrEqual(55);
    else expect(n).toBeLessThan(25);
    for (const id of [1000, 1001, 1002, 1004, 1005]) expect(relay.paras.some((x) => x.id === id)).toBe(true);
    expect(relay.paras.some((x) => x.id >= 3000)).toBe(true);
    expect(relay.coreCount).toBe(ct.status!.coreCount);
  });

  it('names paras in every lifecycle, and a reserved id with none', () => {
    for (const [lifecycle, ids] of Object.entries(c.lifecycles)) {
      expect(ids.length, lifecycle).toBeGreaterThan(0);
      for (const id of ids) {
        const para = relay.paras.find((x) => x.id === id)!;
        expect(para.lifecycle ?? 'reserved').toBe(lifecycle);
        expect(para.listed).toBe(lifecycle === 'Parachain');
      }
    }
    const reserved = relay.paras.find((x) => x.id === c.lifecycles.reserved[0])!;
    expect(reserved.head).toBeNull();
    expect(reserved.manager).not.toBeNull();
    expect(relay.nextFreeParaId).toBeGreaterThan(reserved.id);
  });

  it('names the renewal cases by their standing in the sale on', () => {
    expect(standing(c.due.core, ct.sale!.regionBegin)).toBe('due');
    expect(renewalParas(renewalOf(c.due.core, ct.sale!.regionBegin))).toEqual([c.due.para]);
    expect(standing(c.renewed.core, ct.sale!.regionEnd)).toBe('renewed');
    expect(standing(c.autoRenewal.core, ct.sale!.regionEnd)).toBe('renewed');
    expect(ct.autoRenewals).toEqual([
      { core: c.autoRenewal.core, para: c.autoRenewal.para, nextRenewal: ct.sale!.regionEnd },
    ]);
    expect(standing(c.leaseEnded.core, ct.sale!.regionEnd)).toBe('renewed');
    expect(standing(c.partial.core, ct.sale!.regionBegin)).toBe('partial');
    expect(standing(c.lapsed.core, ct.sale!.regionBegin - ct.config!.regionLength)).toBe('lapsed');
    expect(ct.leases[0]).toEqual(c.leased);
    expect(c.leased.until).toBeGreaterThan(ct.sale!.regionEnd);
    expect(c.leased.until).toBeLessThan(ct.sale!.regionEnd + ct.config!.regionLength);
    expect(ct.reservations[0]).toEqual([
      { mask: `0x${'ff'.repeat(10)}`, assignment: { type: 'task', para: 1000 } },
    ]);
    expect(
      ct.workplan.some((w) =>
        w.items.some((i) => i.assignment.type === 'task' && i.assignment.para === c.buyer),
      ),
    ).toBe(true);
    expect(ct.sale!.coresSold).toBeGreaterThan(0);
  });

  it('runs the same paras on the same cores on the relay chain and the Coretime chain', () => {
    for (const w of ct.workload) {
      const core = relay.cores[w.core]!;
      expect(core.assignments.map((a) => a.assignment)).toEqual(w.items.map((i) => i.assignment));
      expect(core.assignments.reduce((s, a) => s + a.parts, 0)).toBe(57_600);
    }
    const split = relay.cores[c.split.core]!;
    expect(split.assignments).toEqual(
      c.split.paras.map((para) => ({ assignment: { type: 'task', para }, parts: 28_800 })),
    );
    expect(relay.cores.some((x) => x.assignments.length === 0)).toBe(true);
    expect(relay.cores.some((x) => x.assignments[0]?.assignment.type === 'pool')).toBe(true);
    expect(relay.cores.some((x) => x.upcoming.length === 2)).toBe(true);
  });

  it('has a stalled head on a core, and live heads elsewhere', () => {
    const stalled = relay.paras.find((x) => x.id === c.stalled.para)!;
    expect(now - stalled.headRelayBlock!).toBeGreaterThanOrEqual(3 * 600);
    expect(
      relay.cores.some((x) =>
        x.assignments.some((a) => a.assignment.type === 'task' && a.assignment.para === c.stalled.para),
      ),
    ).toBe(true);
    const due = relay.paras.find((x) => x.id === c.due.para)!;
    expect(now - due.headRelayBlock!).toBeLessThanOrEqual(3);
    expect(due.head!.number).toBeGreaterThan(0);
  });

  it('has an on-demand queue above the base price', () => {
    const od = relay.onDemand!;
    expect(od.traffic).toBeGreaterThan(10n ** 18n);
    expect(onDemandSpotPrice(od)).toBeGreaterThan(od.baseFee);
    expect(od.queued).toContain(c.onDemand);
  });

  it('has crowdloan refunds waiting on Asset Hub (both runtimes carry AhOps)', () => {
    const cl = p.crowdloan!;
    expect(cl.contributions.length).toBe(opts.size === 'kusama' ? 200 : 20);
    const mine = cl.contributions.filter((x) => x.contributor === c.contributor);
    expect(mine.some((x) => isWithdrawable(x, now))).toBe(true);
    expect(mine.some((x) => !isWithdrawable(x, now))).toBe(true);
    expect(cl.contributions.some((x) => x.contributor === c.noContributions)).toBe(false);
    expect(scenario.people.expected[c.contributor]?.display).toBeTruthy();
    const manager = relay.paras.find((x) => x.id === c.due.para)!.manager!;
    expect(scenario.people.expected[manager]?.display).toBeTruthy();
    const counts = new Map<string, number>();
    for (const x of cl.contributions) counts.set(x.contributor, (counts.get(x.contributor) ?? 0) + 1);
    expect([...counts.values()].filter((n) => n > 1).length).toBeGreaterThan(2);
    expect(cl.deposits.some((d) => d.kind === 'lease')).toBe(true);
    const emptied = cl.deposits.find(
      (d) => d.kind === 'crowdloan' && d.para === c.emptiedFund.para && d.block === c.emptiedFund.block,
    )!;
    expect(emptied.account).toBe(c.emptiedFund.depositor);
    expect(cl.contributions.some((x) => x.para === emptied.para && x.block === emptied.block)).toBe(false);
  });
});

describe('the parachains storage', () => {
  it('is the same bytes for the same seed, and different for another', () => {
    const a = generateScenario({ size: 'small', seed: 11, onProgress: () => {} });
    const b = generateScenario({ size: 'small', seed: 11, onProgress: () => {} });
    const other = generateScenario({ size: 'small', seed: 12, onProgress: () => {} });
    expect(b.relay.storage).toEqual(a.relay.storage);
    expect(b.coretime.storage).toEqual(a.coretime.storage);
    expect(other.coretime.storage).not.toEqual(a.coretime.storage);
  });
});
