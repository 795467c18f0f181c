/**
 * The Coretime chain's `Broker` storage for a `CoretimeState`, encoded with the coretime-kusama
 * 1,006,001 metadata, and `ParachainSystem.LastRelayChainBlockNumber` (the relay block it saw last).
 */
import type { CoretimeState, PotentialRenewal, ScheduleItem } from '../../core/types/parachains.js';
import { CORETIME_RUNTIME, registryFor } from '../chain/runtimes.js';
import { StorageContext } from './storage-context.js';
import type { StoragePair } from './types.js';
import { coreAssignmentValue } from './write-relay.js';

let coretime: StorageContext | undefined;

export function coretimeContext(): StorageContext {
  if (!coretime) {
    const { registry, metadata } = registryFor(CORETIME_RUNTIME);
    coretime = new StorageContext(registry, metadata);
  }
  return coretime;
}

export function scheduleValue(items: ScheduleItem[]): unknown[] {
  return items.map((i) => ({ mask: i.mask, assignment: coreAssignmentValue(i.assignment) }));
}

export function renewalPair(r: PotentialRenewal, ctx = coretimeContext()): StoragePair {
  const completion =
    r.completion.type === 'complete'
      ? { Complete: scheduleValue(r.completion.items) }
      : { Partial: r.completion.mask };
  return ctx.pair('Broker', 'PotentialRenewals', [{ core: r.core, when: r.when }], {
    price: r.price,
    completion,
  });
}

export function salePair(sale: NonNullable<CoretimeState['sale']>, ctx = coretimeContext()): StoragePair {
  return ctx.pair('Broker', 'SaleInfo', [], sale);
}

export function statusPair(
  status: NonNullable<CoretimeState['status']>,
  ctx = coretimeContext(),
): StoragePair {
  return ctx.pair('Broker', 'Status', [], status);
}

export function workplanPair(w: CoretimeState['workplan'][number], ctx = coretimeContext()): StoragePair {
  return ctx.pair('Broker', 'Workplan', [[w.timeslice, w.core]], scheduleValue(w.items));
}

export function autoRenewalsPair(list: CoretimeState['autoRenewals'], ctx = coretimeContext()): StoragePair {
  return ctx.pair(
    'Broker',
    'AutoRenewals',
    [],
    list.map((a) => ({ core: a.core, task: a.para, nextRenewal: a.nextRenewal })),
  );
}

export function leasesPair(leases: CoretimeState['leases'], ctx = coretimeContext()): StoragePair {
  return ctx.pair(
    'Broker',
    'Leases',
    [],
    leases.map((l) => ({ until: l.until, task: l.para })),
  );
}

export function lastRelayBlockPair(relayBlock: number, ctx = coretimeContext()): StoragePair {
  return ctx.pair('ParachainSystem', 'LastRelayChainBlockNumber', [], relayBlock);
}

export function coretimePairs(state: CoretimeState, ctx = coretimeContext()): StoragePair[] {
  const pairs: StoragePair[] = [];
  if (state.config) pairs.push(ctx.pair('Broker', 'Configuration', [], state.config));
  if (state.status) pairs.push(statusPair(state.status, ctx));
  if (state.sale) pairs.push(salePair(state.sale, ctx));
  pairs.push(leasesPair(state.leases, ctx));
  pairs.push(ctx.pair('Broker', 'Reservations', [], state.reservations.map(scheduleValue)));
  for (const r of state.renewals) pairs.push(renewalPair(r, ctx));
  pairs.push(autoRenewalsPair(state.autoRenewals, ctx));
  for (const w of state.workplan) pairs.push(workplanPair(w, ctx));
  for (const w of state.workload)
    pairs.push(ctx.pair('Broker', 'Workload', [w.core], scheduleValue(w.items)));
  if (state.block.relayBlock !== null) pairs.push(lastRelayBlockPair(state.block.relayBlock, ctx));
  pairs.push(...systemPairs(ctx));
  return pairs;
}

/**
 * What `frame_system` stores on every real Coretime chain block and the stub runtime cannot write:
 * the block's number (0, the dev chain's genesis block, where the scenario is seeded) and the
 * runtime that wrote the state (`LastRuntimeUpgrade`), which readers use to pick the metadata.
 */
export function systemPairs(ctx = coretimeContext()): StoragePair[] {
  return [
    ctx.pair('System', 'Number', [], 0),
    ctx.pair('System', 'LastRuntimeUpgrade', [], {
      specVersion: CORETIME_RUNTIME.specVersion,
      specName: CORETIME_RUNTIME.specName,
    }),
  ];
}
