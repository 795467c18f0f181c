/**
 * The names of the addresses a snapshot shows, from the Kusama People chain at its finalized head
 * (one pinned block): `Identity.IdentityOf` and `Identity.SuperOf` of each address in bulk
 * (`state_queryStorageAt`, keys and values through that block's metadata), and the parent's
 * `IdentityOf` for a sub-identity. Names are sanitised (core/identity) before they leave here.
 *
 * Re-reads only what changed: an address not read before at once; a known one when an identity
 * event of the blocks since the last read names it or its parent; everything when the last read is
 * on another chain or runtime, more than MAX_EVENT_BLOCKS behind, or older than FULL_REFRESH_MS
 * (the safety net for anything the events did not say). A People chain that cannot be read leaves
 * the result null: the caller keeps the last names and says so.
 */
import type { ApiDecoration } from '@polkadot/api/types';
import type { AccountName } from '../../../core/identity/identity-types.js';
import { resolveName, type StoredIdentity, type StoredSub } from '../../../core/identity/resolve.js';
import type { Address } from '../../../core/types/staking.js';
import { connectFirst, DEFAULT_REQUEST_TIMEOUT_MS } from '../rpc/connect.js';
import { RawStorage } from '../rpc/raw-storage.js';
import type { IdentityCache, KnownIdentity } from './identities-cache.js';
import { decodeIdentity, decodeSuper } from './identities-decode.js';
import { changedSince } from './identities-events.js';
import { MetadataCodec } from './metadata-codec.js';

/** Blocks of events read to find changes; further behind, everything is read again (~1 h at 6 s). */
export const MAX_EVENT_BLOCKS = 600;
/** Every shown address is read again at least this often. */
export const FULL_REFRESH_MS = 6 * 3_600_000;

export interface IdentityReadOptions {
  cache: IdentityCache;
  /** Connecting, ms. */
  timeoutMs: number;
  /** Each request, ms (default `DEFAULT_REQUEST_TIMEOUT_MS`). */
  requestTimeoutMs?: number;
  nowMs: number;
  log: (message: string) => void;
}

export interface IdentityRead {
  names: Record<Address, AccountName>;
  /** The pinned People block. */
  block: number;
  endpoint: string;
  /** Addresses whose storage was read this run, and why. */
  read: number;
  reason: 'full' | 'changes';
  rpcRequests: number;
}

interface Pinned {
  at: ApiDecoration<'promise'>;
  codec: MetadataCodec;
  storage: RawStorage;
}

async function readStored(p: Pinned, accounts: readonly Address[]) {
  const q = p.at.query.identity!;
  const idKeys = accounts.map((a) => q.identityOf!.key(a));
  const subKeys = accounts.map((a) => q.superOf!.key(a));
  const values = await p.storage.values([...idKeys, ...subKeys]);
  const own = new Map<Address, StoredIdentity>();
  const subs = new Map<Address, StoredSub>();
  accounts.forEach((a, i) => {
    const id = values[i];
    const sub = values[accounts.length + i];
    if (id) own.set(a, decodeIdentity(p.codec, id));
    if (sub) subs.set(a, decodeSuper(p.codec, sub));
  });
  return { own, subs };
}

/** Reads and resolves these accounts (and the parents of those that are subs). */
async function readAccounts(p: Pinned, accounts: readonly Address[]): Promise<Map<Address, KnownIdentity>> {
  const { own, subs } = await readStored(p, accounts);
  const parents = [...new Set([...subs.values()].map((s) => s.parent))].filter((a) => !own.has(a));
  const parentIds = parents.length ? (await readStored(p, parents)).own : new Map<Address, StoredIdentity>();
  const out = new Map<Address, KnownIdentity>();
  for (const a of accounts) {
    const sub = subs.get(a) ?? null;
    const parent = sub ? (own.get(sub.parent) ?? parentIds.get(sub.parent) ?? null) : null;
    out.set(a, { name: resolveName(own.get(a) ?? null, sub, parent), parent: sub?.parent ?? null });
  }
  return out;
}

export async function readIdentities(
  endpoints: readonly string[],
  addresses: readonly Address[],
  options: IdentityReadOptions,
): Promise<IdentityRead> {
  const conn = await connectFirst(
    endpoints,
    { connectMs: options.timeoutMs, requestMs: options.requestTimeoutMs ?? DEFAULT_REQUEST_TIMEOUT_MS },
    options.log,
  );
  try {
    const send = (method: string, params: unknown[]) => conn.provider.send(method, params);
    const hash = (await send('chain_getFinalizedHead', [])) as string;
    const header = (await send('chain_getHeader', [hash])) as { number: string };
    const genesisHash = (await send('chain_getBlockHash', [0])) as string;
    const block = Number.parseInt(header.number, 16);
    const at = await conn.api.at(hash);
    const codec = new MetadataCodec(at);
    if (!codec.has('Identity', 'IdentityOf') || !codec.has('Identity', 'SuperOf'))
      throw new Error(`${conn.endpoint} has no Identity.IdentityOf and Identity.SuperOf`);
    const p: Pinned = { at, codec, storage: new RawStorage(send, hash) };

    const last = options.cache.state;
    const full =
      !last ||
      last.genesisHash !== genesisHash ||
      last.specVersion !== codec.specVersion ||
      block < last.block ||
      block - last.block > MAX_EVENT_BLOCKS ||
      options.nowMs - last.fullReadAtMs >= FULL_REFRESH_MS;
    let toRead: Address[] = [...addresses];
    let reason: IdentityRead['reason'] = 'full';
    if (!full) {
      let changed: Set<Address> | null = null;
      try {
        changed = await changedSince(p.storage, codec, last.block, block);
      } catch (error) {
        options.log(
          `People chain events since block ${last.block} not read, reading every name: ${(error as Error).message}`,
        );
      }
      if (changed) {
        reason = 'changes';
        toRead = addresses.filter((a) => {
          const known = last.known.get(a);
          return !known || changed.has(a) || (known.parent !== null && changed.has(known.parent));
        });
      }
    }
    const fresh = toRead.length ? await readAccounts(p, toRead) : new Map<Address, KnownIdentity>();
    const known = new Map<Address, KnownIdentity>();
    const names: Record<Address, AccountName> = {};
    for (const a of addresses) {
      const entry = fresh.get(a) ?? last?.known.get(a);
      if (!entry) continue;
      known.set(a, entry);
      if (entry.name) names[a] = entry.name;
    }
    options.cache.state = {
      genesisHash,
      specVersion: codec.specVersion,
      block,
      fullReadAtMs: reason === 'full' ? options.nowMs : last!.fullReadAtMs,
      known,
    };
    return {
      names,
      block,
      endpoint: conn.endpoint,
      read: toRead.length,
      reason,
      rpcRequests: conn.provider.requests,
    };
  } finally {
    await conn.close().catch(() => undefined);
  }
}
