/**
 * The bulk coretime sale on the Coretime chain (para 1005, `Broker`), at its finalized head, read
 * through that block's own metadata. Endpoints fail over in order. Two rounds: the keys of
 * `PotentialRenewals` and `Workplan` beside one batch of the plain items (configuration, status,
 * sale, leases, reservations, auto-renewals, the block number, the relay block it last saw, and
 * `System.LastRuntimeUpgrade`, which names the runtime whose metadata decodes the rest);
 * then one batch of the renewals, the plans and each core's `Workload` (cores 0..coreCount-1).
 * No endpoint, none answering, or a runtime without `Broker`: null with a warning.
 */
import type { Codec } from '@polkadot/types/types';
import type { CoretimeState } from '../../../core/types/parachains.js';
import {
  CountingWsProvider,
  type RpcTimeouts,
  readyOrFailed,
  rpcTimeouts,
  withTimeout,
} from '../rpc/connect.js';
import { storagePrefix } from '../rpc/keys.js';
import { RawStorage, type Send } from '../rpc/raw-storage.js';
import { chainMetadataAt, LAST_RUNTIME_UPGRADE_KEY } from './chain-metadata.js';
import {
  autoRenewalsOf,
  brokerConfigOf,
  brokerStatusOf,
  renewalOf,
  saleInfoOf,
  scheduleItems,
} from './coretime-decode.js';
import type { MetadataKeeper } from './kept-metadata.js';

// biome-ignore lint/suspicious/noExplicitAny: decoded values are walked through their JSON shape
type Json = any;

export interface CoretimeRead {
  state: CoretimeState | null;
  requests: number;
}

const PLAIN = [
  ['Broker', 'Configuration'],
  ['Broker', 'Status'],
  ['Broker', 'SaleInfo'],
  ['Broker', 'Leases'],
  ['Broker', 'Reservations'],
  ['Broker', 'AutoRenewals'],
  ['System', 'Number'],
  ['ParachainSystem', 'LastRelayChainBlockNumber'],
] as const;

/** Reads `CoretimeState` at the chain's finalized head over `send`; null when it has no `Broker`. */
export async function readCoretimeAt(
  send: Send,
  warn: (m: string) => void,
  keeper?: MetadataKeeper,
): Promise<CoretimeRead> {
  let requests = 1;
  const hash = (await send('chain_getFinalizedHead', [])) as string;
  const storage = new RawStorage(send, hash);
  // One round before the metadata is known: prefixes are the pallet's and item's names hashed, and
  // `System.LastRuntimeUpgrade` in the same batch says which runtime wrote this state.
  const plainKeys = PLAIN.map(([p, i]) => [p, i, storagePrefix(p, i)] as const);
  const [renewalKeys, workplanKeys, [upgradeHex, ...plainValues]] = await Promise.all([
    storage.keys(storagePrefix('Broker', 'PotentialRenewals')),
    storage.keys(storagePrefix('Broker', 'Workplan')),
    storage.values([LAST_RUNTIME_UPGRADE_KEY, ...plainKeys.map(([, , k]) => k)]),
  ]);
  const { metadata: meta, requests: metaRequests } = await chainMetadataAt(send, hash, upgradeHex, keeper);
  requests += metaRequests;
  if (!meta.has('Broker', 'SaleInfo')) {
    warn(
      `the Coretime chain's runtime (${meta.specName} ${meta.specVersion}) has no Broker pallet; no coretime read`,
    );
    return { state: null, requests: requests + storage.requests };
  }
  const plain = new Map<string, Json>();
  plainKeys.forEach(([p, i], n) => {
    const hex = plainValues[n];
    if (hex && meta.has(p, i)) plain.set(`${p}.${i}`, meta.decode(p, i, hex).toJSON());
  });
  const status = plain.get('Broker.Status');
  const coreCount = status ? Number(status.coreCount) : 0;
  const workloadKeys = Array.from({ length: coreCount }, (_, core) => meta.key('Broker', 'Workload', [core]));
  const mapKeys = [...renewalKeys, ...workplanKeys, ...workloadKeys];
  const fetched = await storage.values(mapKeys);
  const values = new Map(mapKeys.map((k, i) => [k, fetched[i] ?? null]));
  const decoded = (item: string, key: string): Codec | null => {
    const hex = values.get(key);
    return hex ? meta.decode('Broker', item, hex) : null;
  };
  const keyJson = (item: string, key: string) => meta.decodeKey('Broker', item, key)[0]!.toJSON() as Json;

  const renewals = renewalKeys
    .flatMap((key) => {
      const v = decoded('PotentialRenewals', key);
      return v ? [renewalOf(keyJson('PotentialRenewals', key), v.toJSON())] : [];
    })
    .sort((a, b) => a.when - b.when || a.core - b.core);
  const workplan = workplanKeys
    .flatMap((key) => {
      const v = decoded('Workplan', key);
      const [timeslice, core] = keyJson('Workplan', key) as [number, number];
      return v
        ? [{ timeslice: Number(timeslice), core: Number(core), items: scheduleItems(v.toJSON() as Json[]) }]
        : [];
    })
    .sort((a, b) => a.timeslice - b.timeslice || a.core - b.core);
  const workload = workloadKeys.flatMap((key, core) => {
    const v = decoded('Workload', key);
    return v ? [{ core, items: scheduleItems(v.toJSON() as Json[]) }] : [];
  });
  const config = plain.get('Broker.Configuration');
  const sale = plain.get('Broker.SaleInfo');
  const period = meta.constant('Broker', 'TimeslicePeriod');
  const relayBlock = plain.get('ParachainSystem.LastRelayChainBlockNumber');
  // `System.Number` is the block's own number; a chain that does not store it has it in the header.
  let number = plain.get('System.Number') as number | undefined;
  if (number === undefined) {
    requests++;
    number = Number.parseInt(((await send('chain_getHeader', [hash])) as { number: string }).number, 16);
  }
  return {
    requests: requests + storage.requests,
    state: {
      block: {
        hash,
        number: Number(number),
        specVersion: meta.specVersion,
        relayBlock: relayBlock === undefined ? null : Number(relayBlock),
      },
      timeslicePeriod: period ? Number(period.toString()) : 80,
      config: config ? brokerConfigOf(config) : null,
      status: status ? brokerStatusOf(status) : null,
      sale: sale ? saleInfoOf(sale) : null,
      // In stored order, as the pallet keeps them.
      leases: ((plain.get('Broker.Leases') ?? []) as Json[]).map((l) => ({
        para: Number(l.task),
        until: Number(l.until),
      })),
      reservations: ((plain.get('Broker.Reservations') ?? []) as Json[][]).map(scheduleItems),
      renewals,
      autoRenewals: autoRenewalsOf(plain.get('Broker.AutoRenewals') ?? []),
      workplan,
      workload,
    },
  };
}

/** Tries each Coretime endpoint in order; null with a warning when none is set or none answers. */
export async function readCoretime(
  endpoints: readonly string[] | undefined,
  timeouts: number | RpcTimeouts,
  warn: (m: string) => void,
  log: (m: string) => void,
  keeper?: MetadataKeeper,
): Promise<CoretimeRead> {
  let requests = 0;
  const { connectMs: timeoutMs, requestMs } = rpcTimeouts(timeouts);
  if (!endpoints?.length) {
    warn('no Coretime chain endpoint is set; coretime not read');
    return { state: null, requests };
  }
  for (const endpoint of endpoints) {
    const provider = CountingWsProvider.withRequestTimeout(endpoint, requestMs);
    let sent = 0;
    try {
      await provider.connect();
      await withTimeout(readyOrFailed(provider, endpoint), timeoutMs, `connecting to ${endpoint}`);
      const send: Send = (method, params) => {
        sent++;
        return provider.send(method, params);
      };
      const read = await withTimeout(
        readCoretimeAt(send, warn, keeper),
        timeoutMs * 4,
        `reading ${endpoint}`,
      );
      return { state: read.state, requests: requests + sent };
    } catch (error) {
      requests += sent;
      log(`Coretime endpoint ${endpoint} failed: ${(error as Error).message}`);
    } finally {
      await provider.disconnect().catch(() => undefined);
    }
  }
  warn(`no Coretime chain endpoint answered (${endpoints.join(', ')}); coretime not read`);
  return { state: null, requests };
}
