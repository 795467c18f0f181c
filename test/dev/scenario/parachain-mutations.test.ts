/**
 * Each parachain mutation writes what the pallet would (the chains' storage after it reads back,
 * through @polkadot/types, as exactly the expected state it returns) and leaves the state its name
 * says, judged with the broker rules in core/coretime.
 */
import { describe, expect, it } from 'vitest';
import { isWithdrawable } from '../../../core/coretime/crowdloan.js';
import { renewalStanding } from '../../../core/coretime/renewal.js';
import { saleEndBlock, salePhase } from '../../../core/coretime/sale-phase.js';
import { salePriceAt } from '../../../core/coretime/sale-price.js';
import { KSM_PLANCK_PER_UNIT } from '../../../core/kusama/constants.js';
import {
  advanceHead,
  advanceRelayTime,
  advanceRelayTo,
  generateScenario,
  priceLevelBlock,
  renewalLeadBlocks,
  renewCore,
  type Scenario,
  setLifecycle,
  startNextSale,
  withdrawContribution,
} from '../../../dev/scenario/index.js';
import { expectReadBack } from './parachains-readback.js';

const base = generateScenario({ size: 'small', seed: 9, onProgress: () => {} });
const c = base.fixtures.parachainCases;
const ct = (s: Scenario) => s.expected.parachains.coretime!;
const para = (s: Scenario, id: number) => s.expected.parachains.relay!.paras.find((p) => p.id === id)!;
const standingOf = (s: Scenario, core: number, when: number) => {
  const x = ct(s);
  const r = x.renewals.find((r) => r.core === core && r.when === when);
  return r ? renewalStanding(r, x.sale!, x.config!, x.timeslicePeriod) : null;
};

describe('parachain mutations', () => {
  it('renews a due core as do_renew does: next core, next entry at a capped price, planned, sold', () => {
    const sale = ct(base).sale!;
    const old = ct(base).renewals.find((r) => r.core === c.due.core && r.when === sale.regionBegin)!;
    const change = renewCore(base, c.due.core);
    const s = change.scenario;
    expectReadBack(s);
    const newCore = sale.firstCore + sale.coresSold;
    expect(standingOf(s, c.due.core, sale.regionBegin)).toBeNull();
    const next = ct(s).renewals.find((r) => r.core === newCore && r.when === sale.regionEnd)!;
    expect(next.completion).toEqual(old.completion);
    const cap = old.price + (old.price * 30_000_000n) / 1_000_000_000n;
    const now = salePriceAt(sale, s.expected.anchor.relayBlock);
    expect(next.price).toBe(now < cap ? now : cap);
    expect(standingOf(s, newCore, sale.regionEnd)?.state).toBe('renewed');
    expect(ct(s).workplan).toContainEqual({
      timeslice: sale.regionBegin,
      core: newCore,
      items: (old.completion as { items: unknown[] }).items,
    });
    expect(ct(s).sale!.coresSold).toBe(sale.coresSold + 1);
    expect(change.items).toEqual([]);
    expect(change.coretimeChanges!.length).toBe(4);
    expect(() => renewCore(s, c.due.core)).toThrow(/no renewal for the sale on/);
    expect(() => renewCore(base, c.partial.core)).toThrow(/partial/);
  });

  it('moves relay time through the lead-in to where the price falls below a round level', () => {
    const sale = ct(base).sale!;
    const now = base.expected.anchor.relayBlock;
    const current = salePriceAt(sale, now);
    const level = ((current + sale.endPrice) / 2n / KSM_PLANCK_PER_UNIT) * KSM_PLANCK_PER_UNIT;
    const block = priceLevelBlock(base, level)!;
    expect(block).toBeGreaterThan(now);
    expect(salePriceAt(sale, block - 1)).toBeGreaterThan(level);
    expect(salePriceAt(sale, block)).toBeLessThanOrEqual(level);
    expect(priceLevelBlock(base, sale.endPrice - 1n)).toBeNull();
    const s = advanceRelayTo(base, block).scenario;
    expectReadBack(s);
    expect(s.expected.anchor.relayBlock).toBe(block);
    expect(salePriceAt(ct(s).sale!, ct(s).block.relayBlock!)).toBeLessThanOrEqual(level);
  });

  it('reaches each renewal lead time with the due para still due, and never after a renewal', () => {
    const leads = renewalLeadBlocks(base);
    const x = ct(base);
    expect(leads.end).toBe(saleEndBlock(x.sale!, x.config!, 80));
    let s = base;
    for (const [name, lead] of [
      ['week', 7 * 14_400],
      ['day', 14_400],
      ['hour', 600],
    ] as const) {
      s = advanceRelayTo(s, leads[name]).scenario;
      const standing = standingOf(s, c.due.core, x.sale!.regionBegin)!;
      expect(standing.state).toBe('due');
      expect(standing.deadline! - s.expected.anchor.relayBlock).toBe(lead);
    }
    expectReadBack(s);
    const renewed = renewCore(s, c.due.core).scenario;
    const dueFor = (y: Scenario) =>
      ct(y).renewals.filter(
        (r) =>
          r.completion.type === 'complete' &&
          r.completion.items.some((i) => i.assignment.type === 'task' && i.assignment.para === c.due.para) &&
          standingOf(y, r.core, r.when)?.state === 'due',
      );
    expect(dueFor(s).length).toBe(1);
    expect(dueFor(renewed)).toEqual([]);
    expect(() => advanceRelayTo(s, leads.end)).toThrow(/startNextSale/);
  });

  it('passes relay time: paras on cores make a block, the stalled one does not, and the broker sees the block', () => {
    const change = advanceRelayTime(base, 1_200, { stalled: [c.stalled.para] });
    const s = change.scenario;
    expectReadBack(s);
    const now = s.expected.anchor.relayBlock;
    expect(now).toBe(base.expected.anchor.relayBlock + 1_200);
    expect(ct(s).block.relayBlock).toBe(now);
    expect(ct(s).status!.lastTimeslice).toBe(Math.floor(now / 80));
    expect(para(s, c.stalled.para)).toEqual(para(base, c.stalled.para));
    const due = para(s, c.due.para);
    expect(due.head!.number).toBe(para(base, c.due.para).head!.number! + 1);
    expect(due.headRelayBlock).toBe(now - 1);
    expect(para(s, c.onDemand)).toEqual(para(base, c.onDemand));
    expect(change.items).toEqual(['ParachainSystem.LastRelayChainBlockNumber', 'Timestamp.Now']);
  });

  it('advances one para head on its own', () => {
    const s = advanceHead(base, c.stalled.para).scenario;
    expectReadBack(s);
    const p = para(s, c.stalled.para);
    expect(p.head!.number).toBe(para(base, c.stalled.para).head!.number! + 1);
    expect(p.head!.hash).not.toBe(para(base, c.stalled.para).head!.hash);
    expect(p.headRelayBlock).toBe(base.expected.anchor.relayBlock);
  });

  it('changes lifecycles and keeps Paras.Parachains to the Parachain ones', () => {
    const thread = c.lifecycles.Parathread[0]!;
    let s = setLifecycle(base, thread, 'UpgradingParathread').scenario;
    expect(para(s, thread)).toMatchObject({ lifecycle: 'UpgradingParathread', listed: false });
    s = setLifecycle(s, thread, 'Parachain').scenario;
    expect(para(s, thread)).toMatchObject({ lifecycle: 'Parachain', listed: true });
    s = setLifecycle(s, c.due.para, 'OffboardingParachain').scenario;
    expect(para(s, c.due.para)).toMatchObject({ lifecycle: 'OffboardingParachain', listed: false });
    s = setLifecycle(s, c.lifecycles.Onboarding[0]!, 'Parathread').scenario;
    expectReadBack(s);
    expect(() => setLifecycle(base, 9_999, 'Parachain')).toThrow(/not registered/);
  });

  it('rotates the sale at its end as rotate_sale does', () => {
    const old = ct(base).sale!;
    const change = startNextSale(base);
    const s = change.scenario;
    expectReadBack(s);
    const sale = ct(s).sale!;
    expect(s.expected.anchor.relayBlock).toBe(old.regionBegin * 80 - 10);
    expect(sale.regionBegin).toBe(old.regionEnd);
    expect(sale.saleStart).toBe(s.expected.anchor.relayBlock + 50_400);
    expect(salePhase(sale, ct(s).config!, 80, s.expected.anchor.relayBlock)).toBe('interlude');
    // The due renewal that was not made lapsed; the renewed ones are due now.
    expect(standingOf(s, c.due.core, old.regionBegin)?.state).toBe('lapsed');
    expect(standingOf(s, c.renewed.core, old.regionEnd)?.state).toBe('due');
    // The auto-renewal was made at the rotation, on the sale's first core.
    expect(ct(s).autoRenewals).toEqual([
      { core: sale.firstCore, para: c.autoRenewal.para, nextRenewal: sale.regionEnd },
    ]);
    expect(standingOf(s, sale.firstCore, sale.regionEnd)?.state).toBe('renewed');
    expect(sale.coresSold).toBe(1);
    // The lease ending in the new region left Leases and is renewable in the sale after.
    expect(ct(s).leases.some((l) => l.para === c.leased.para)).toBe(false);
    const leaseRenewal = ct(s).renewals.find(
      (r) =>
        r.when === sale.regionEnd &&
        r.completion.type === 'complete' &&
        r.completion.items[0]!.assignment.type === 'task' &&
        r.completion.items[0]!.assignment.para === c.leased.para,
    );
    expect(leaseRenewal).toBeDefined();
    expect(ct(s).workplan.every((w) => w.timeslice === sale.regionBegin)).toBe(true);
  });

  it('withdraws a withdrawable contribution, and refuses one not yet withdrawable', () => {
    const now = base.expected.anchor.relayBlock;
    const mine = base.expected.parachains.crowdloan!.contributions.filter(
      (x) => x.contributor === c.contributor,
    );
    const ready = mine.find((x) => isWithdrawable(x, now))!;
    const change = withdrawContribution(base, ready);
    expectReadBack(change.scenario);
    expect(change.items).toEqual(['AhOps.RcCrowdloanContribution']);
    expect(change.changes).toHaveLength(1);
    expect(change.scenario.expected.parachains.crowdloan!.contributions).not.toContainEqual(ready);
    expect(() => withdrawContribution(base, mine.find((x) => !isWithdrawable(x, now))!)).toThrow(
      /withdrawable from relay block/,
    );
  });

  it('makes a contribution withdrawable as relay time passes its block', () => {
    const now = base.expected.anchor.relayBlock;
    const pending = base.expected.parachains
      .crowdloan!.contributions.filter((x) => x.contributor === c.contributor && !isWithdrawable(x, now))
      .sort((a, b) => a.block - b.block)[0]!;
    expect(() => withdrawContribution(base, pending)).toThrow(/withdrawable from relay block/);
    const s = advanceRelayTo(base, pending.block).scenario;
    expect(isWithdrawable(pending, s.expected.anchor.relayBlock)).toBe(true);
    expect(
      withdrawContribution(s, pending).scenario.expected.parachains.crowdloan!.contributions,
    ).not.toContainEqual(pending);
  });
});
