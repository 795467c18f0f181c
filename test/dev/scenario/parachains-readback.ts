/**
 * An independent reader of the parachains storage for the tests: decodes the seeded pairs of the
 * relay chain, the Coretime chain and Asset Hub's `AhOps` with the @polkadot/types registry and
 * rebuilds `ParachainsState` as core/types/parachains.ts defines it, without the scenario's encoders.
 */
import type { Metadata, TypeRegistry } from '@polkadot/types';
import { blake2AsHex, xxhashAsHex } from '@polkadot/util-crypto';
import { expect } from 'vitest';
import type {
  AhDeposit,
  CoreAssignment,
  CoretimeState,
  CrowdloanContribution,
  CrowdloanState,
  ParaRecord,
  RelayCore,
  RelayParachainsState,
  ScheduleItem,
} from '../../../core/types/parachains.js';
import { createAssetHubRegistry } from '../../../dev/chain/metadata.js';
import { CORETIME_RUNTIME, RELAY_RUNTIME, registryFor } from '../../../dev/chain/runtimes.js';
import type { Scenario, StoragePair } from '../../../dev/scenario/index.js';
import { addr, big, type Decoded, decodeAll, num } from './readback.js';

// biome-ignore lint/suspicious/noExplicitAny: decoded codecs are walked dynamically
type C = any;
type Items = Map<string, Decoded[]>;

export function decodeChain(registry: TypeRegistry, metadata: Metadata, pairs: readonly StoragePair[]) {
  return decodeAll(registry, metadata, pairs);
}

const all = (items: Items, name: string): Decoded[] => items.get(name) ?? [];
const one = (items: Items, name: string): C | null => all(items, name)[0]?.value ?? null;
const opt = <T>(c: C, f: (x: C) => T): T | null => (c.isSome ? f(c.unwrap()) : null);

function assignment(c: C): CoreAssignment {
  if (c.isTask) return { type: 'task', para: num(c.asTask) };
  return c.isPool ? { type: 'pool' } : { type: 'idle' };
}

/** A para header's number: after the 32-byte parent hash, a compact integer. */
function headNumber(bytes: Uint8Array, registry: TypeRegistry): number {
  return num(registry.createType('Compact<u32>', bytes.subarray(32)));
}

export function readRelay(registry: TypeRegistry, items: Items, block: number): RelayParachainsState {
  const listed = new Set<number>((one(items, 'Paras.Parachains') ?? []).map(num));
  const ids = new Set<number>();
  const lifecycles = new Map<number, string>();
  for (const d of all(items, 'Paras.ParaLifecycles')) {
    ids.add(num(d.args[0]));
    lifecycles.set(num(d.args[0]), d.value.type);
  }
  const registrations = new Map<number, C>();
  for (const d of all(items, 'Registrar.Paras')) {
    ids.add(num(d.args[0]));
    registrations.set(num(d.args[0]), d.value);
  }
  const heads = new Map(all(items, 'Paras.Heads').map((d) => [num(d.args[0]), d.value.toU8a(true)]));
  const contexts = new Map(all(items, 'Paras.MostRecentContext').map((d) => [num(d.args[0]), num(d.value)]));
  const paras: ParaRecord[] = [...ids]
    .sort((a, b) => a - b)
    .map((id) => {
      const reg = registrations.get(id);
      const head = heads.get(id);
      return {
        id,
        lifecycle: (lifecycles.get(id) ?? null) as ParaRecord['lifecycle'],
        listed: listed.has(id),
        manager: reg ? addr(reg.manager) : null,
        deposit: reg ? big(reg.deposit) : null,
        locked: reg ? opt(reg.locked, (x) => x.isTrue) : null,
        head: head ? { hash: blake2AsHex(head, 256), number: headNumber(head, registry) } : null,
        headRelayBlock: contexts.get(id) ?? null,
      };
    });
  const config = one(items, 'Configuration.ActiveConfig');
  const coreCount = num(config.schedulerParams.numCores);
  const descriptors = new Map<number, C>();
  for (const [core, d] of one(items, 'ParaScheduler.CoreDescriptors').entries())
    descriptors.set(num(core), d);
  const schedules = all(items, 'ParaScheduler.CoreSchedules').map((d) => ({
    block: num(d.args[0][0]),
    core: num(d.args[0][1]),
    value: d.value,
  }));
  const cores: RelayCore[] = Array.from({ length: coreCount }, (_, core) => {
    const d = descriptors.get(core);
    const work = d?.currentWork.isSome ? d.currentWork.unwrap() : null;
    return {
      core,
      assignments: work
        ? work.assignments.map(([a, s]: [C, C]) => ({ assignment: assignment(a), parts: num(s.ratio) }))
        : [],
      endHint: work ? opt(work.endHint, num) : null,
      upcoming: schedules
        .filter((s) => s.core === core)
        .sort((a, b) => a.block - b.block)
        .map((s) => ({
          block: s.block,
          assignments: s.value.assignments.map(([a, p]: [C, C]) => ({
            assignment: assignment(a),
            parts: num(p),
          })),
          endHint: opt(s.value.endHint, num),
        })),
    };
  });
  const order = one(items, 'OnDemandAssignmentProvider.OrderStatus');
  const next = one(items, 'Registrar.NextFreeParaId');
  return {
    block,
    paras,
    cores,
    coreCount,
    onDemand: {
      traffic: big(order.traffic),
      baseFee: big(config.schedulerParams.onDemandBaseFee),
      queued: order.queue.queue.map((o: C) => num(o.paraId)),
      maxQueueSize: num(config.schedulerParams.onDemandQueueMaxSize),
    },
    nextFreeParaId: next === null ? null : num(next),
  };
}

function schedule(v: C): ScheduleItem[] {
  return v.map((i: C) => ({ mask: i.mask.toHex(), assignment: assignment(i.assignment) }));
}

export function readCoretime(
  items: Items,
  timeslicePeriod: number,
): Omit<CoretimeState, 'block'> & { relayBlock: number } {
  const c = one(items, 'Broker.Configuration');
  const s = one(items, 'Broker.Status');
  const sale = one(items, 'Broker.SaleInfo');
  return {
    relayBlock: num(one(items, 'ParachainSystem.LastRelayChainBlockNumber')),
    timeslicePeriod,
    config: {
      advanceNotice: num(c.advanceNotice),
      interludeLength: num(c.interludeLength),
      leadinLength: num(c.leadinLength),
      regionLength: num(c.regionLength),
      idealBulkProportion: num(c.idealBulkProportion),
      limitCoresOffered: opt(c.limitCoresOffered, num),
      renewalBump: num(c.renewalBump),
      contributionTimeout: num(c.contributionTimeout),
    },
    status: {
      coreCount: num(s.coreCount),
      privatePoolSize: num(s.privatePoolSize),
      systemPoolSize: num(s.systemPoolSize),
      lastCommittedTimeslice: num(s.lastCommittedTimeslice),
      lastTimeslice: num(s.lastTimeslice),
    },
    sale: {
      saleStart: num(sale.saleStart),
      leadinLength: num(sale.leadinLength),
      endPrice: big(sale.endPrice),
      regionBegin: num(sale.regionBegin),
      regionEnd: num(sale.regionEnd),
      idealCoresSold: num(sale.idealCoresSold),
      coresOffered: num(sale.coresOffered),
      firstCore: num(sale.firstCore),
      selloutPrice: opt(sale.selloutPrice, big),
      coresSold: num(sale.coresSold),
    },
    leases: (one(items, 'Broker.Leases') ?? []).map((l: C) => ({ para: num(l.task), until: num(l.until) })),
    reservations: (one(items, 'Broker.Reservations') ?? []).map(schedule),
    renewals: all(items, 'Broker.PotentialRenewals')
      .map((d) => ({
        core: num(d.args[0].core),
        when: num(d.args[0].when),
        price: big(d.value.price),
        completion: d.value.completion.isComplete
          ? { type: 'complete' as const, items: schedule(d.value.completion.asComplete) }
          : { type: 'partial' as const, mask: d.value.completion.asPartial.toHex() },
      }))
      .sort((a, b) => a.when - b.when || a.core - b.core),
    autoRenewals: (one(items, 'Broker.AutoRenewals') ?? []).map((a: C) => ({
      core: num(a.core),
      para: num(a.task),
      nextRenewal: num(a.nextRenewal),
    })),
    workplan: all(items, 'Broker.Workplan')
      .map((d) => ({ timeslice: num(d.args[0][0]), core: num(d.args[0][1]), items: schedule(d.value) }))
      .sort((a, b) => a.timeslice - b.timeslice || a.core - b.core),
    workload: all(items, 'Broker.Workload')
      .map((d) => ({ core: num(d.args[0]), items: schedule(d.value) }))
      .sort((a, b) => a.core - b.core),
  };
}

const byString = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

export function readCrowdloan(items: Items): CrowdloanState {
  const contributions: CrowdloanContribution[] = all(items, 'AhOps.RcCrowdloanContribution')
    .map((d) => ({
      block: num(d.args[0]),
      para: num(d.args[1]),
      contributor: addr(d.args[2]),
      fundAccount: addr(d.value[0]),
      amount: big(d.value[1]),
    }))
    .sort((a, b) => a.block - b.block || a.para - b.para || byString(a.contributor, b.contributor));
  const deposit = (kind: AhDeposit['kind']) => (d: Decoded) => ({
    kind,
    block: num(d.args[0]),
    para: num(d.args[1]),
    account: addr(d.args[2]),
    amount: big(d.value),
  });
  const deposits: AhDeposit[] = [
    ...all(items, 'AhOps.RcLeaseReserve').map(deposit('lease')),
    ...all(items, 'AhOps.RcCrowdloanReserve').map(deposit('crowdloan')),
  ].sort(
    (a, b) =>
      a.block - b.block || a.para - b.para || byString(a.account, b.account) || byString(a.kind, b.kind),
  );
  return { contributions, deposits };
}

export function readParachains(scenario: Scenario) {
  const r = registryFor(RELAY_RUNTIME);
  const relayDecoded = decodeChain(r.registry, r.metadata, scenario.relay.storage);
  const c = registryFor(CORETIME_RUNTIME);
  const coretimeDecoded = decodeChain(c.registry, c.metadata, scenario.coretime.storage);
  const ah = createAssetHubRegistry(scenario.runtime === 2_003_000 ? undefined : scenario.runtime);
  const prefix = xxhashAsHex('AhOps', 128);
  const ahOps = scenario.storage.filter(([k]) => k.startsWith(prefix));
  const ahDecoded = decodeChain(ah.registry, ah.metadata, ahOps);
  for (const d of [relayDecoded, coretimeDecoded, ahDecoded]) {
    expect(d.unknown).toEqual([]);
    expect(d.lengthMismatch).toEqual([]);
  }
  const { relayBlock, ...coretime } = readCoretime(coretimeDecoded.items, 80);
  return {
    relay: readRelay(r.registry, relayDecoded.items, scenario.expected.parachains.relay!.block),
    coretime,
    coretimeRelayBlock: relayBlock,
    crowdloan: ahOps.length ? readCrowdloan(ahDecoded.items) : null,
  };
}

export function expectReadBack(scenario: Scenario): void {
  const read = readParachains(scenario);
  const e = scenario.expected.parachains;
  expect(read.relay).toEqual(e.relay);
  const { block, ...coretime } = e.coretime!;
  expect(read.coretime).toEqual(coretime);
  expect(read.coretimeRelayBlock).toBe(block.relayBlock);
  expect(read.crowdloan).toEqual(e.crowdloan);
}
