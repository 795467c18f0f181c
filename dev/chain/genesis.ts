/**
 * A dev chain's raw chain spec: only `:code` (the stub runtime) and, for Asset Hub and People,
 * `ParachainInfo.ParachainId`. Everything else is seeded through `dev_setStorage`, because
 * Chopsticks' genesis provider serves genesis keys unsorted and key iteration would miss entries.
 */
import { createHash } from 'node:crypto';
import { mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { u8aToHex } from '@polkadot/util';
import { blake2AsU8a, xxhashAsHex } from '@polkadot/util-crypto';
import { ASSET_HUB_PARA_ID } from '../../core/kusama/constants.js';
import type { DevChainKind, DevRuntime } from './runtimes.js';
import { buildStubRuntime } from './stub-runtime.js';

/** The Kusama People chain's parachain id. */
export const PEOPLE_PARA_ID = 1004;
/** The Coretime chain's para id on Kusama. */
export const CORETIME_PARA_ID = 1005;

export const GENERATED_DIR = join(dirname(fileURLToPath(import.meta.url)), '..', '..', '.generated');

export const CODE_KEY = u8aToHex(new TextEncoder().encode(':code'));

export function storagePrefix(pallet: string, item: string): string {
  return xxhashAsHex(pallet, 128) + xxhashAsHex(item, 128).slice(2);
}

export interface RawChainSpec {
  name: string;
  id: string;
  properties: { ss58Format: number; tokenDecimals: number; tokenSymbol: string };
  genesis: { raw: { top: Record<string, string>; childrenDefault: Record<string, never> } };
}

const NAMES: Record<DevChainKind, { name: string; id: string }> = {
  'asset-hub': { name: 'Herald Kusama Asset Hub (dev)', id: 'asset-hub-kusama-dev' },
  relay: { name: 'Herald Kusama relay chain (dev)', id: 'kusama-dev' },
  people: { name: 'Herald Kusama People (dev)', id: 'people-kusama-dev' },
  coretime: { name: 'Herald Kusama Coretime (dev)', id: 'coretime-kusama-dev' },
};

const PARA_IDS: Partial<Record<DevChainKind, number>> = {
  'asset-hub': ASSET_HUB_PARA_ID,
  people: PEOPLE_PARA_ID,
  coretime: CORETIME_PARA_ID,
};

export function chainSpecFor(chain: DevChainKind, wasm: Uint8Array): RawChainSpec {
  const top: Record<string, string> = { [CODE_KEY]: u8aToHex(wasm) };
  const id = PARA_IDS[chain];
  if (id !== undefined) {
    const paraId = new Uint8Array(4);
    new DataView(paraId.buffer).setUint32(0, id, true);
    top[storagePrefix('ParachainInfo', 'ParachainId')] = u8aToHex(paraId);
  }
  return {
    ...NAMES[chain],
    properties: { ss58Format: 2, tokenDecimals: 12, tokenSymbol: 'KSM' },
    genesis: { raw: { top, childrenDefault: {} } },
  };
}

/**
 * The hash the dev chain gives its genesis block: a digest of its genesis storage. Chopsticks names
 * the genesis block of every chain started from a chain spec with one made-up hash (0x4545…), which
 * would make every dev chain look like the same chain to whatever is kept per genesis hash.
 */
export function genesisHashOf(spec: RawChainSpec): string {
  const top = Object.entries(spec.genesis.raw.top).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return u8aToHex(blake2AsU8a(new TextEncoder().encode(JSON.stringify(top)), 256));
}

/** The genesis key that names what a dev chain holds (a `:` key, like `:code`, that no pallet reads). */
export const IDENTITY_KEY = u8aToHex(new TextEncoder().encode(':herald:chain'));

/**
 * The chain spec with `identity` (e.g. the scenario and its seed) in its genesis storage: chains that
 * hold different things get different genesis hashes, as different real chains do, so whatever is
 * kept per chain (past eras, era starts) is never taken from one for the other.
 */
export function withIdentity(spec: RawChainSpec, identity: string): RawChainSpec {
  const top = { ...spec.genesis.raw.top, [IDENTITY_KEY]: u8aToHex(new TextEncoder().encode(identity)) };
  return { ...spec, genesis: { raw: { ...spec.genesis.raw, top } } };
}

/**
 * The cache file of a runtime's stub: named by spec name and version, plus a digest of the
 * metadata and version it serves, so a changed runtime never reuses another's stub.
 */
export function stubCacheName(runtime: DevRuntime): string {
  const version = runtime.version();
  const digest = createHash('sha256')
    .update(runtime.metadataBytes())
    .update(JSON.stringify(version))
    .digest('hex')
    .slice(0, 12);
  return `${runtime.chain}-${version.specName}-${version.specVersion}-${digest}.json`;
}

/** The stub runtime's wasm for a runtime, built once and then read from `.generated/`. */
export async function stubWasm(runtime: DevRuntime): Promise<Uint8Array> {
  const spec = await devChainSpec(runtime);
  const code = spec.genesis.raw.top[CODE_KEY]!;
  return Uint8Array.from(Buffer.from(code.slice(2), 'hex'));
}

/** Builds the stub runtime and chain spec once per runtime, then reuses the generated file. */
export async function devChainSpec(runtime: DevRuntime): Promise<RawChainSpec> {
  const path = join(GENERATED_DIR, stubCacheName(runtime));
  try {
    return JSON.parse(await readFile(path, 'utf8')) as RawChainSpec;
  } catch {
    const spec = chainSpecFor(runtime.chain, await buildStubRuntime(runtime));
    await mkdir(GENERATED_DIR, { recursive: true });
    // Parallel test workers may build the same stub: each writes its own file and renames it.
    const temp = `${path}.${process.pid}.${Math.random().toString(36).slice(2)}.tmp`;
    await writeFile(temp, JSON.stringify(spec));
    await rename(temp, path);
    return spec;
  }
}
