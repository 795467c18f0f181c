/**
 * Dev chains whose runtime changed a storage layout: real statemine 2,003,000 metadata with drifts
 * applied (dev/chain/metadata-drift.ts) under its own spec version, seeded with a scenario whose
 * pairs for the drifted items are rewritten to match, as a chain after that upgrade would hold them.
 */
import { blake2AsHex } from '@polkadot/util-crypto';
import { type DevChain, startDevChain } from '../../../dev/chain/devchain.js';
import { driftMetadata, type MetadataDrift } from '../../../dev/chain/metadata-drift.js';
import { assetHubRuntime, withMetadata } from '../../../dev/chain/runtimes.js';
import { type StoragePair, seedStorage } from '../../../dev/scenario/index.js';
import { storagePrefix } from '../../../lambdas/snapshot/rpc/keys.js';

/** The pairs stored under `Pallet.Item`. */
export function pairsOf(pairs: readonly StoragePair[], pallet: string, item: string): StoragePair[] {
  const prefix = storagePrefix(pallet, item);
  return pairs.filter(([key]) => key.startsWith(prefix));
}

/** Rewrites every pair stored under `Pallet.Item`; the rest pass unchanged. */
export function rewriteItem(
  pairs: readonly StoragePair[],
  pallet: string,
  item: string,
  rewrite: (pair: StoragePair) => StoragePair,
): StoragePair[] {
  const prefix = storagePrefix(pallet, item);
  return pairs.map((pair) => (pair[0].startsWith(prefix) ? rewrite(pair) : pair));
}

/** `value` with `hex` (no 0x) appended. */
export const appendBytes =
  (hex: string) =>
  ([key, value]: StoragePair): StoragePair => [key, value + hex];

/** The key moved to the prefix of `Pallet.To` (a renamed item). */
export const movePrefix =
  (pallet: string, to: string) =>
  ([key, value]: StoragePair): StoragePair => [storagePrefix(pallet, to) + key.slice(66), value];

/** A single-key map's `Twox64Concat` key part rehashed as `Blake2_128Concat`. */
export const rehashBlake2 = ([key, value]: StoragePair): StoragePair => {
  const part = `0x${key.slice(66 + 16)}`;
  return [key.slice(0, 66) + blake2AsHex(part, 128).slice(2) + part.slice(2), value];
};

/**
 * A dev chain running statemine 2,003,000 with `drifts` applied to its metadata, as spec version
 * `specVersion` (each distinct drift needs its own: layouts are checked once per spec version).
 */
export async function driftedChain(
  specVersion: number,
  drifts: MetadataDrift[],
  storage: readonly StoragePair[],
): Promise<DevChain> {
  const base = assetHubRuntime();
  const bytes = drifts.length > 0 ? driftMetadata(base.metadataBytes(), ...drifts) : base.metadataBytes();
  const chain = await startDevChain({ runtime: withMetadata(base, bytes, specVersion) });
  try {
    await seedStorage(chain.endpoint, storage);
  } catch (error) {
    await chain.close();
    throw error;
  }
  return chain;
}
