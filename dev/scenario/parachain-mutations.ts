/**
 * Parachain, coretime and crowdloan changes between two snapshot runs, each written as the chains
 * store them (Asset Hub in `changes`, the relay chain in `relayChanges`, the Coretime chain in
 * `coretimeChanges`) and returned with the expected state after it:
 * - relay time passing (`advanceRelayTime`, `advanceRelayTo`): Asset Hub's clock and relay block,
 *   the Coretime chain's `LastRelayChainBlockNumber` and `Status`, and the heads of the paras on
 *   cores (a new head built on the new relay block), except those said to stall;
 * - the sale: `priceLevelBlock` (when the lead-in price crosses a level), `renewalLeadBlocks` (7
 *   days, 1 day, 1 hour before renewals close), `renewCore` (`do_renew`), `startNextSale`
 *   (`rotate_sale`, at the block the sale ends);
 * - paras: `setLifecycle`, `advanceHead`;
 * - crowdloans: `withdrawContribution` (the `AhOps` entry removed).
 * After applying a change, move the relay dev chain to `expected.anchor.relayBlock` (`newBlockAt`).
 */

import { saleEndBlock } from '../../core/coretime/sale-phase.js';
import { salePriceAt } from '../../core/coretime/sale-price.js';
import { RELAY_BLOCK_MS } from '../../core/kusama/constants.js';
import type {
  CoretimeState,
  CrowdloanContribution,
  ParachainsState,
  ParaLifecycle,
  ParaRecord,
} from '../../core/types/parachains.js';
import { advanceClock } from './alert-mutations.js';
import { effectiveChanges, finishChange, mergeStorage } from './apply-changes.js';
import { compareContributions, contributionRemoval } from './crowdloan-model.js';
import { ScenarioError } from './errors.js';
import { headOf, paraHeader } from './relay-paras.js';
import { Rng } from './rng.js';
import { storageContext } from './storage-context.js';
import type { Scenario, ScenarioChange, StorageChange } from './types.js';
import {
  coretimeContext,
  lastRelayBlockPair,
  renewalPair,
  salePair,
  statusPair,
  workplanPair,
} from './write-coretime.js';
import { parachainsListPair, paraPairs, relayContext } from './write-relay.js';

export interface ChainWrites {
  assetHub?: StorageChange[];
  relay?: StorageChange[];
  coretime?: StorageChange[];
}

function parachainsOf(scenario: Scenario): ParachainsState {
  const p = scenario.expected.parachains;
  if (!p?.relay || !p.coretime) throw new ScenarioError('this scenario has no parachains');
  return structuredClone(p);
}

/** The scenario with `parachains` as the expected state and the writes on each chain. */
export function withParachains(
  base: Scenario,
  parachains: ParachainsState,
  writes: ChainWrites,
  before: Scenario['expected'] = base.expected,
): ScenarioChange {
  const expected = { ...before, parachains };
  const change = finishChange(
    base,
    { size: base.size, seed: base.seed, fixtures: base.fixtures, expected },
    writes.assetHub ?? [],
  );
  const relayChanges = effectiveChanges(base.relay.storage, writes.relay ?? []);
  const coretimeChanges = effectiveChanges(base.coretime.storage, writes.coretime ?? []);
  change.scenario.relay = { storage: mergeStorage(base.relay.storage, relayChanges) };
  change.scenario.coretime = { storage: mergeStorage(base.coretime.storage, coretimeChanges) };
  return { ...change, relayChanges, coretimeChanges };
}

/** Sequential parachain changes folded into one: the last scenario, every write on each chain in order. */
export function combineChanges(base: Scenario, steps: ScenarioChange[]): ScenarioChange {
  const last = steps.at(-1)?.scenario ?? base;
  return withParachains(
    base,
    last.expected.parachains,
    {
      assetHub: steps.flatMap((s) => s.changes),
      relay: steps.flatMap((s) => s.relayChanges ?? []),
      coretime: steps.flatMap((s) => s.coretimeChanges ?? []),
    },
    last.expected,
  );
}

function rngFor(scenario: Scenario, label: string): Rng {
  return new Rng(scenario.seed, `parachain-mutation/${scenario.generation}/${label}`);
}

/** A new head for `para` built in the context of relay block `relayBlock` (the next para block). */
function nextHead(
  scenario: Scenario,
  p: ParaRecord,
  relayBlock: number,
): { record: ParaRecord; head: Uint8Array } {
  const number = (p.head?.number ?? 0) + 1;
  const head = paraHeader(rngFor(scenario, `head/${p.id}`), number, BigInt(relayBlock) / 4n);
  return { record: { ...p, head: headOf(head, number), headRelayBlock: relayBlock }, head };
}

/** `para`'s head advances one block, built on the current relay block. */
export function advanceHead(scenario: Scenario, para: number): ScenarioChange {
  const state = parachainsOf(scenario);
  const relay = state.relay!;
  const i = relay.paras.findIndex((p) => p.id === para);
  if (i < 0 || !relay.paras[i]!.lifecycle)
    throw new ScenarioError(`para ${para} has no lifecycle on the relay chain`);
  const { record, head } = nextHead(scenario, relay.paras[i]!, relay.block);
  relay.paras[i] = record;
  return withParachains(scenario, state, { relay: paraPairs(record, head) });
}

function paraIdsOnCores(state: ParachainsState): Set<number> {
  const ids = new Set<number>();
  for (const c of state.relay!.cores)
    for (const a of c.assignments) if (a.assignment.type === 'task') ids.add(a.assignment.para);
  return ids;
}

/**
 * Relay time passes by `blocks`: Asset Hub's clock, the Coretime chain's view of the relay chain,
 * and every para on a core makes a block in it, except `stalled` ones (their head stays).
 * Refused past the block at which the sale rotates (use `startNextSale`).
 */
export function advanceRelayTime(
  scenario: Scenario,
  blocks: number,
  options: { stalled?: number[]; rotating?: boolean } = {},
): ScenarioChange {
  if (!Number.isInteger(blocks) || blocks < 0)
    throw new ScenarioError('advanceRelayTime needs a whole number of blocks');
  const clock = advanceClock(scenario, blocks * RELAY_BLOCK_MS);
  const state = parachainsOf(scenario);
  const ct = state.coretime!;
  const to = clock.scenario.expected.anchor.relayBlock;
  const end = ct.sale && ct.config ? saleEndBlock(ct.sale, ct.config, ct.timeslicePeriod) : null;
  if (end !== null && (to > end || (to === end && !options.rotating))) {
    throw new ScenarioError(`relay block ${to} is past the sale's end; use startNextSale`);
  }
  const relayWrites: StorageChange[] = [];
  const stalled = new Set(options.stalled ?? []);
  const running = paraIdsOnCores(state);
  const relay = state.relay!;
  relay.block = to;
  relay.paras = relay.paras.map((p) => {
    if (!running.has(p.id) || stalled.has(p.id) || !p.head || blocks === 0) return p;
    const { record, head } = nextHead(clock.scenario, p, to - 1);
    relayWrites.push(...paraPairs(record, head));
    return record;
  });
  const coretimeWrites = tickBroker(ct, to);
  return withParachains(
    scenario,
    state,
    { assetHub: clock.changes, relay: relayWrites, coretime: coretimeWrites },
    clock.scenario.expected,
  );
}

/** Moves relay time forward to `block`. */
export function advanceRelayTo(
  scenario: Scenario,
  block: number,
  options: { stalled?: number[]; rotating?: boolean } = {},
): ScenarioChange {
  const now = scenario.expected.anchor.relayBlock;
  if (block < now) throw new ScenarioError(`relay block ${block} is before the scenario's ${now}`);
  return advanceRelayTime(scenario, block - now, options);
}

/** The broker's view of relay time after its tick at relay block `to` (no rotation). */
function tickBroker(ct: CoretimeState, to: number): StorageChange[] {
  ct.block = { ...ct.block, relayBlock: to };
  const writes: StorageChange[] = [lastRelayBlockPair(to)];
  if (ct.status && ct.config) {
    ct.status = {
      ...ct.status,
      lastTimeslice: Math.floor(to / ct.timeslicePeriod),
      lastCommittedTimeslice: Math.floor((to + ct.config.advanceNotice) / ct.timeslicePeriod),
    };
    writes.push(statusPair(ct.status));
  }
  return writes;
}

/**
 * `broker.renew(core)` at the current relay block, as `do_renew` does it: the entry for the sale's
 * `regionBegin` goes, the workload takes the sale's next core (firstCore + coresSold) in the next
 * region (`Workplan`), and a new entry for `regionEnd` on that core holds the price the next
 * renewal pays: the current sale price, capped at the old price plus `renewalBump`.
 */
export function renewCore(scenario: Scenario, core: number): ScenarioChange {
  const state = parachainsOf(scenario);
  const ct = state.coretime!;
  const sale = ct.sale;
  if (!sale || !ct.config) throw new ScenarioError('this scenario has no sale');
  const at = ct.renewals.findIndex((r) => r.core === core && r.when === sale.regionBegin);
  const old = ct.renewals[at];
  if (!old) throw new ScenarioError(`core ${core} has no renewal for the sale on`);
  if (old.completion.type !== 'complete') throw new ScenarioError(`core ${core}'s renewal is partial`);
  if (sale.coresSold >= sale.coresOffered) throw new ScenarioError('the sale has no core left');
  const now = state.relay!.block;
  const newCore = sale.firstCore + sale.coresSold;
  const cap = old.price + (old.price * BigInt(ct.config.renewalBump)) / 1_000_000_000n;
  const current = salePriceAt(sale, now);
  const renewal = {
    core: newCore,
    when: sale.regionEnd,
    price: current < cap ? current : cap,
    completion: old.completion,
  };
  ct.renewals.splice(at, 1);
  ct.renewals.push(renewal);
  ct.renewals.sort((a, b) => a.when - b.when || a.core - b.core);
  const plan = { timeslice: sale.regionBegin, core: newCore, items: old.completion.items };
  ct.workplan.push(plan);
  ct.workplan.sort((a, b) => a.timeslice - b.timeslice || a.core - b.core);
  ct.sale = { ...sale, coresSold: sale.coresSold + 1 };
  const ctx = coretimeContext();
  return withParachains(scenario, state, {
    coretime: [
      ctx.removal('Broker', 'PotentialRenewals', [{ core, when: sale.regionBegin }]),
      renewalPair(renewal),
      workplanPair(plan),
      salePair(ct.sale),
    ],
  });
}

/** A para's lifecycle changes (it stays registered); `Paras.Parachains` follows. */
export function setLifecycle(scenario: Scenario, para: number, lifecycle: ParaLifecycle): ScenarioChange {
  const state = parachainsOf(scenario);
  const relay = state.relay!;
  const i = relay.paras.findIndex((p) => p.id === para);
  if (i < 0) throw new ScenarioError(`para ${para} is not registered`);
  const record = { ...relay.paras[i]!, lifecycle, listed: lifecycle === 'Parachain' };
  relay.paras[i] = record;
  return withParachains(scenario, state, {
    relay: [
      relayContext().pair('Paras', 'ParaLifecycles', [para], lifecycle),
      parachainsListPair(relay.paras),
    ],
  });
}

/** `ahOps.withdrawCrowdloanContribution`: the entry is gone (refused before its block). */
export function withdrawContribution(
  scenario: Scenario,
  entry: Pick<CrowdloanContribution, 'block' | 'para' | 'contributor'>,
): ScenarioChange {
  const state = parachainsOf(scenario);
  const cl = state.crowdloan;
  if (!cl) throw new ScenarioError('this Asset Hub runtime has no AhOps');
  const i = cl.contributions.findIndex(
    (c) => c.block === entry.block && c.para === entry.para && c.contributor === entry.contributor,
  );
  if (i < 0) throw new ScenarioError('no such crowdloan contribution');
  if (entry.block > scenario.expected.anchor.relayBlock)
    throw new ScenarioError(`the contribution is withdrawable from relay block ${entry.block} only`);
  const [gone] = cl.contributions.splice(i, 1);
  cl.contributions.sort(compareContributions);
  return withParachains(scenario, state, {
    assetHub: [contributionRemoval(storageContext(scenario.runtime), gone!)],
  });
}
