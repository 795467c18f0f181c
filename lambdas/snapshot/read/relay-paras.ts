/**
 * Parachains and cores on the relay chain, at the pinned relay block, in two rounds: the keys of
 * `Paras.ParaLifecycles`, `Registrar.Paras` and `ParaScheduler.CoreSchedules` side by side, then
 * one batch of values for everything (every para's lifecycle, registration, head and head context,
 * `Paras.Parachains`, `CoreDescriptors`, `ActiveConfig`, `OrderStatus`, `NextFreeParaId` and the
 * schedules). Decoded through the relay block's own metadata. A runtime without `Paras` gives null.
 */

import type { Codec } from '@polkadot/types/types';
import type {
  OnDemandState,
  ParaRecord,
  RelayCore,
  RelayParachainsState,
} from '../../../core/types/parachains.js';
import { RawStorage, type Send } from '../rpc/raw-storage.js';
import { accountFromBytes } from '../scale/reader.js';
import { chainMetadataAt } from './chain-metadata.js';
import type { MetadataKeeper } from './kept-metadata.js';
import { assignmentsOf, coreDescriptorsOf, headOf, lifecycleOf } from './relay-paras-decode.js';

// biome-ignore lint/suspicious/noExplicitAny: decoded values are walked through their JSON shape
type Json = any;

export interface RelayParasRead {
  state: RelayParachainsState | null;
  requests: number;
}

const PLAIN = [
  ['Paras', 'Parachains'],
  ['ParaScheduler', 'CoreDescriptors'],
  ['Configuration', 'ActiveConfig'],
  ['OnDemandAssignmentProvider', 'OrderStatus'],
  ['Registrar', 'NextFreeParaId'],
] as const;

const PER_PARA = [
  ['Paras', 'ParaLifecycles'],
  ['Registrar', 'Paras'],
  ['Paras', 'Heads'],
  ['Paras', 'MostRecentContext'],
] as const;

/** Everything `RelayParachainsState` holds, read at relay block `block` (hash `hash`). */
export async function readRelayParas(
  send: Send,
  block: { number: number; hash: string },
  warn: (m: string) => void,
  keeper?: MetadataKeeper,
): Promise<RelayParasRead> {
  const { metadata: meta, requests: metaRequests } = await chainMetadataAt(send, block.hash, null, keeper);
  const storage = new RawStorage(send, block.hash);
  const done = (state: RelayParachainsState | null) => ({ state, requests: metaRequests + storage.requests });
  if (!meta.has('Paras', 'ParaLifecycles')) {
    warn(`the relay runtime (${meta.specName} ${meta.specVersion}) has no Paras pallet; no parachains read`);
    return done(null);
  }
  const listed = (pallet: string, item: string) =>
    meta.has(pallet, item) ? storage.keys(meta.prefix(pallet, item)) : Promise.resolve([]);
  const [lifecycleKeys, registrarKeys, scheduleKeys] = await Promise.all([
    listed('Paras', 'ParaLifecycles'),
    listed('Registrar', 'Paras'),
    listed('ParaScheduler', 'CoreSchedules'),
  ]);
  const idOf = (pallet: string, item: string) => (key: string) =>
    Number(meta.decodeKey(pallet, item, key)[0]!.toString());
  const ids = [
    ...new Set([
      ...lifecycleKeys.map(idOf('Paras', 'ParaLifecycles')),
      ...registrarKeys.map(idOf('Registrar', 'Paras')),
    ]),
  ];
  const plain = PLAIN.filter(([p, i]) => meta.has(p, i));
  const perPara = PER_PARA.filter(([p, i]) => meta.has(p, i));
  const keys = [
    ...plain.map(([p, i]) => meta.prefix(p, i)),
    ...ids.flatMap((id) => perPara.map(([p, i]) => meta.key(p, i, [id]))),
    ...scheduleKeys,
  ];
  const fetched = await storage.values(keys);
  const values = new Map(keys.map((k, i) => [k, fetched[i] ?? null]));
  const value = (pallet: string, item: string, key: string): Codec | null => {
    const hex = values.get(key);
    return hex ? meta.decode(pallet, item, hex) : null;
  };
  const plainValue = (pallet: string, item: string) =>
    meta.has(pallet, item) ? value(pallet, item, meta.prefix(pallet, item)) : null;
  const paraValue = (pallet: string, item: string, id: number) =>
    meta.has(pallet, item) ? value(pallet, item, meta.key(pallet, item, [id])) : null;

  const parachains = new Set(((plainValue('Paras', 'Parachains')?.toJSON() as number[]) ?? []).map(Number));
  for (const id of parachains) if (!ids.includes(id)) ids.push(id);
  const paras: ParaRecord[] = ids
    .sort((a, b) => a - b)
    .map((id) => {
      const lifecycle = paraValue('Paras', 'ParaLifecycles', id);
      const reg = paraValue('Registrar', 'Paras', id) as Json;
      const head = paraValue('Paras', 'Heads', id);
      const context = paraValue('Paras', 'MostRecentContext', id);
      const locked = reg?.locked;
      return {
        id,
        lifecycle: lifecycle ? lifecycleOf(lifecycle) : null,
        listed: parachains.has(id),
        manager: reg ? accountFromBytes(reg.manager.toU8a()) : null,
        deposit: reg ? BigInt(reg.deposit.toString()) : null,
        locked: locked?.isSome ? locked.unwrap().isTrue : null,
        head: head ? headOf(head) : null,
        headRelayBlock: context ? Number(context.toString()) : null,
      };
    });

  const config = plainValue('Configuration', 'ActiveConfig')?.toJSON() as Json;
  const scheduler = config?.schedulerParams ?? {};
  const coreCount = Number(scheduler.numCores ?? 0);
  const descriptors = (() => {
    const v = plainValue('ParaScheduler', 'CoreDescriptors');
    return v ? coreDescriptorsOf(v) : new Map();
  })();
  const upcoming = new Map<number, RelayCore['upcoming']>();
  for (const key of scheduleKeys) {
    const [blockPart, corePart] =
      (meta.decodeKey('ParaScheduler', 'CoreSchedules', key)[0]!.toJSON() as number[]) ?? [];
    const schedule = value('ParaScheduler', 'CoreSchedules', key)?.toJSON() as Json;
    if (!schedule || blockPart === undefined || corePart === undefined) continue;
    const list = upcoming.get(corePart) ?? [];
    list.push({
      block: blockPart,
      assignments: assignmentsOf(schedule.assignments),
      endHint: schedule.endHint ?? null,
    });
    upcoming.set(corePart, list);
  }
  const coreIds = new Set<number>([...Array(coreCount).keys(), ...descriptors.keys(), ...upcoming.keys()]);
  const cores: RelayCore[] = [...coreIds]
    .sort((a, b) => a - b)
    .map((core) => ({
      core,
      assignments: descriptors.get(core)?.assignments ?? [],
      endHint: descriptors.get(core)?.endHint ?? null,
      upcoming: (upcoming.get(core) ?? []).sort((a, b) => a.block - b.block),
    }));
  const order = plainValue('OnDemandAssignmentProvider', 'OrderStatus')?.toJSON() as Json;
  const onDemand: OnDemandState | null =
    order && config
      ? {
          traffic: BigInt(order.traffic),
          baseFee: BigInt(scheduler.onDemandBaseFee ?? 0),
          queued: ((order.queue?.queue ?? []) as Json[]).map((o) => Number(o.paraId)),
          maxQueueSize: Number(scheduler.onDemandQueueMaxSize ?? 0),
        }
      : null;
  const next = plainValue('Registrar', 'NextFreeParaId');
  return done({
    block: block.number,
    paras,
    cores,
    coreCount,
    onDemand,
    nextFreeParaId: next ? Number(next.toString()) : null,
  });
}
