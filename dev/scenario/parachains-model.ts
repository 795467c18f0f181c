/**
 * The parachains part of the scenario: the relay chain's paras and cores, the Coretime chain's
 * broker, and Asset Hub's crowdloan refunds, all from one layout (parachains-layout.ts) at the
 * scenario's relay block; the storage of each chain and the `ParachainsState` a correct reader
 * returns from it. Both dev Asset Hub runtimes carry `AhOps` (statemine 1,009,003's metadata has
 * its three storage items too); a runtime without it would get no crowdloan storage and a null
 * `crowdloan`.
 *
 * `expected.coretime.block.hash` and `.number` are the dev Coretime chain's own (its head when
 * read); they are left empty here, and a reader test takes them from the chain.
 */
import type { ParachainsState, ParaLifecycle } from '../../core/types/parachains.js';
import { CORETIME_RUNTIME } from '../chain/runtimes.js';
import { buildBroker } from './broker-model.js';
import { buildCrowdloans, crowdloanPairs } from './crowdloan-model.js';
import { buildLayout, coreParas, type ParachainsLayout } from './parachains-layout.js';
import { buildRelay } from './relay-paras.js';
import { Rng } from './rng.js';
import type { StorageContext } from './storage-context.js';
import type { ScenarioSize, StoragePair } from './types.js';
import { coretimePairs } from './write-coretime.js';
import {
  activeConfigPair,
  corePairs,
  orderStatusPair,
  parachainsListPair,
  paraPairs,
  relayContext,
} from './write-relay.js';

/**
 * The named parachain cases tests look up (every scenario size has each one):
 * - `lifecycles`: para ids per lifecycle (`reserved`: an id registered with no lifecycle yet);
 * - `system`: a system para on a reserved core (Asset Hub, core 0);
 * - `due`: a para whose renewal is due in the sale on (`when` = regionBegin, Complete), its core;
 * - `renewed`: a para already renewed in this sale (`when` = regionEnd), its core in the next region;
 * - `autoRenewal`: the para with `AutoRenewals`, renewed at the sale's rotation;
 * - `leased`: a para with a legacy lease (`until`, a timeslice) ending in the region after the one on sale;
 * - `leaseEnded`: a para whose lease ended at the last rotation, renewable in the next sale;
 * - `partial`: a core whose renewal is Partial (not renewable), its para;
 * - `lapsed`: a para whose renewal was for the previous sale and was not made;
 * - `split`: a core split between two paras (half a core each), and those paras;
 * - `stalled`: a para on a core whose head has not advanced for hours (`headRelayBlock`);
 * - `onDemand`: a parathread with orders in the on-demand queue;
 * - `buyer`: a parathread that bought a core in this sale (Workplan for the next region);
 * - `contributor`: an address with crowdloan contributions withdrawable now and not yet (one of
 *   these within days, before the sale ends);
 * - `noContributions`: an address with none;
 * - `emptiedFund`: a crowdloan deposit whose fund has no contribution left (unreservable now or at its block).
 */
export interface ParachainCases {
  lifecycles: Record<ParaLifecycle | 'reserved', number[]>;
  system: { para: number; core: number };
  due: { para: number; core: number };
  renewed: { para: number; core: number };
  autoRenewal: { para: number; core: number };
  leased: { para: number; until: number };
  leaseEnded: { para: number; core: number };
  partial: { para: number; core: number };
  lapsed: { para: number; core: number };
  split: { core: number; paras: number[] };
  stalled: { para: number; headRelayBlock: number };
  onDemand: number;
  buyer: number;
  contributor: string;
  noContributions: string;
  emptiedFund: { block: number; para: number; depositor: string };
}

export interface ParachainsScenario {
  expected: ParachainsState;
  relayStorage: StoragePair[];
  coretimeStorage: StoragePair[];
  /** `AhOps` pairs for Asset Hub (none without the pallet). */
  assetHubPairs: StoragePair[];
  cases: ParachainCases;
  layout: ParachainsLayout;
  /** Addresses to give People-chain identities: the named contributor and the named paras' managers. */
  named: string[];
}

export function buildParachains(
  seed: number,
  size: ScenarioSize,
  relayBlock: number,
  assetHub: StorageContext,
): ParachainsScenario {
  const rng = new Rng(seed, 'parachains');
  const layout = buildLayout(seed, size);
  const coretime = buildBroker(rng, layout, relayBlock);
  coretime.block.specVersion = CORETIME_RUNTIME.specVersion;
  const regionEndBlock = coretime.sale!.regionBegin * coretime.timeslicePeriod;
  const relay = buildRelay(rng, seed, layout, relayBlock, regionEndBlock);
  const manager = (para: number) => relay.state.paras.find((p) => p.id === para)!.manager!;
  const fundParas = layout.paras.filter((p) => p.role !== 'system').map((p) => p.id);
  const crowdloan = buildCrowdloans(rng, seed, size, fundParas, relayBlock, manager);
  const hasAhOps = assetHub.has('AhOps', 'RcCrowdloanContribution');

  const rctx = relayContext();
  const relayStorage: StoragePair[] = [
    parachainsListPair(relay.state.paras, rctx),
    rctx.pair('Registrar', 'NextFreeParaId', [], relay.state.nextFreeParaId),
    ...relay.state.paras.flatMap((p) => paraPairs(p, relay.heads.get(p.id), rctx)),
    ...corePairs(relay.state.cores, rctx),
    orderStatusPair(relay.state.onDemand!.traffic, relay.orders),
    activeConfigPair(layout.coreCount, relay.state.onDemand!),
  ];

  const paraOf = (core: number) => coreParas(layout.cores[core]!)[0]!;
  const lifecycles = {} as ParachainCases['lifecycles'];
  for (const l of [
    'Onboarding',
    'Parathread',
    'Parachain',
    'UpgradingParathread',
    'DowngradingParachain',
    'OffboardingParathread',
    'OffboardingParachain',
  ] as const) {
    lifecycles[l] = layout.paras.filter((p) => p.lifecycle === l).map((p) => p.id);
  }
  lifecycles.reserved = [layout.reservedId];
  const splitCore = layout.dueCores[1]!;
  const emptied = crowdloan.state.deposits.find(
    (d) =>
      d.kind === 'crowdloan' &&
      !crowdloan.state.contributions.some((c) => c.block === d.block && c.para === d.para),
  )!;
  const stalledRecord = relay.state.paras.find((p) => p.id === relay.stalled)!;
  const cases: ParachainCases = {
    lifecycles,
    system: { para: 1000, core: 0 },
    due: { para: paraOf(layout.dueCores[0]!), core: layout.dueCores[0]! },
    renewed: { para: paraOf(layout.renewedCores.at(-1)!), core: layout.renewedCores.at(-1)! },
    autoRenewal: { para: paraOf(layout.autoRenewCore), core: layout.autoRenewCore },
    leased: coretime.leases[0]!,
    leaseEnded: { para: paraOf(layout.leaseEndedCore), core: layout.leaseEndedCore },
    partial: { para: paraOf(layout.partialCore), core: layout.partialCore },
    lapsed: layout.lapsed,
    split: { core: splitCore, paras: coreParas(layout.cores[splitCore]!) },
    stalled: { para: relay.stalled, headRelayBlock: stalledRecord.headRelayBlock! },
    onDemand: relay.orders[0]!.para,
    buyer: layout.buyers[0]!,
    contributor: crowdloan.contributor,
    noContributions: crowdloan.noContributions,
    emptiedFund: { block: emptied.block, para: emptied.para, depositor: emptied.account },
  };
  return {
    expected: { relay: relay.state, coretime, crowdloan: hasAhOps ? crowdloan.state : null },
    relayStorage,
    coretimeStorage: coretimePairs(coretime),
    assetHubPairs: hasAhOps ? crowdloanPairs(assetHub, crowdloan.state) : [],
    cases,
    layout,
    named: [
      cases.contributor,
      ...[cases.due.para, cases.renewed.para, cases.leased.para, cases.stalled.para].map(manager),
    ],
  };
}
