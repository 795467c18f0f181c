/**
 * The real runtimes the dev chains can carry: each one's metadata bytes and runtime version.
 * The dev Asset Hub runs statemine 2,003,000 (metadata v16) by default; statemine 1,009,003 (v15,
 * as `@polkadot/types-support` ships it) stays available for `--runtime 1009003` and its tests. The
 * dev relay chain carries kusama 2,003,000, the dev People chain people-kusama 2,003,000, the dev
 * Coretime chain coretime-kusama 1,006,001. See `metadata/README.md` for where the bytes come from.
 */
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Metadata, TypeRegistry } from '@polkadot/types';
import assetHubV15Hex from '@polkadot/types-support/metadata/v15/asset-hub-kusama-hex';
import assetHubV15Version from '@polkadot/types-support/metadata/v15/asset-hub-kusama-ver';
import { unwrapOpaqueMetadata } from './opaque-metadata.js';

export interface RuntimeVersionJson {
  specName: string;
  implName: string;
  authoringVersion: number;
  specVersion: number;
  implVersion: number;
  apis: Array<[string, number]>;
  transactionVersion: number;
  stateVersion?: number;
  systemVersion?: number;
}

export type DevChainKind = 'asset-hub' | 'relay' | 'people' | 'coretime';

export interface DevRuntime {
  chain: DevChainKind;
  specName: string;
  specVersion: number;
  /** Raw SCALE metadata, starting with the `meta` magic. */
  metadataBytes(): Uint8Array;
  version(): RuntimeVersionJson;
}

export const DEFAULT_ASSET_HUB_SPEC = 2_003_000;

const METADATA_DIR = join(dirname(fileURLToPath(import.meta.url)), 'metadata');

function once<T>(make: () => T): () => T {
  let value: T | undefined;
  return () => {
    value ??= make();
    return value;
  };
}

/** The runtime version a metadata blob carries as the System pallet's `Version` constant. */
export function versionFromMetadata(bytes: Uint8Array): RuntimeVersionJson {
  const registry = new TypeRegistry();
  const metadata = new Metadata(registry, bytes);
  registry.setMetadata(metadata);
  const system = metadata.asLatest.pallets.find((p) => p.name.eq('System'));
  const constant = system?.constants.find((c) => c.name.eq('Version'));
  if (!constant) throw new Error('metadata has no System.Version constant');
  return registry.createType('RuntimeVersion', constant.value).toJSON() as unknown as RuntimeVersionJson;
}

function fileRuntime(chain: DevChainKind, specName: string, specVersion: number, file: string): DevRuntime {
  const bytes = once(() => new Uint8Array(readFileSync(join(METADATA_DIR, file))));
  const version = once(() => {
    const v = versionFromMetadata(bytes());
    if (v.specName !== specName || v.specVersion !== specVersion) {
      throw new Error(`${file} carries ${v.specName} ${v.specVersion}, not ${specName} ${specVersion}`);
    }
    return v;
  });
  return { chain, specName, specVersion, metadataBytes: bytes, version };
}

const ASSET_HUB_RUNTIMES: Record<number, DevRuntime> = {
  2003000: fileRuntime('asset-hub', 'statemine', 2_003_000, 'asset_hub_kusama_metadata.scale'),
  1009003: {
    chain: 'asset-hub',
    specName: 'statemine',
    specVersion: 1_009_003,
    metadataBytes: once(() => unwrapOpaqueMetadata(assetHubV15Hex)),
    version: () => assetHubV15Version as unknown as RuntimeVersionJson,
  },
};

export const RELAY_RUNTIME = fileRuntime('relay', 'kusama', 2_003_000, 'kusama_metadata.scale');

/** The Kusama People chain (para 1004), where identities live since they left the relay chain. */
export const PEOPLE_RUNTIME = fileRuntime(
  'people',
  'people-kusama',
  2_003_000,
  'people_kusama_metadata.scale',
);

/** The Kusama Coretime chain (para 1005), where bulk coretime is sold (`Broker`). */
export const CORETIME_RUNTIME = fileRuntime(
  'coretime',
  'coretime-kusama',
  1_006_001,
  'coretime_kusama_metadata.scale',
);

export const ASSET_HUB_SPEC_VERSIONS = Object.keys(ASSET_HUB_RUNTIMES).map(Number);

/** The Asset Hub runtime with this spec version; an unknown one is refused with the known list. */
export function assetHubRuntime(specVersion: number = DEFAULT_ASSET_HUB_SPEC): DevRuntime {
  const runtime = ASSET_HUB_RUNTIMES[specVersion];
  if (!runtime) {
    throw new Error(
      `no dev Asset Hub runtime with spec version ${specVersion}; known: ${ASSET_HUB_SPEC_VERSIONS.join(', ')}`,
    );
  }
  return runtime;
}

/** Parses a `--runtime` value such as `2003000` or `2,003,000`. */
export function parseRuntimeOption(text: string): number {
  const spec = Number(text.replaceAll(/[,_]/g, ''));
  assetHubRuntime(spec);
  return spec;
}

const registries = new Map<DevRuntime, { registry: TypeRegistry; metadata: Metadata }>();

/** A registry decorated with the runtime's metadata, for encoding keys and values (cached). */
export function registryFor(runtime: DevRuntime): { registry: TypeRegistry; metadata: Metadata } {
  let entry = registries.get(runtime);
  if (!entry) {
    const registry = new TypeRegistry();
    const metadata = new Metadata(registry, runtime.metadataBytes());
    registry.setMetadata(metadata);
    registry.setChainProperties(
      registry.createType('ChainProperties', { ss58Format: 2, tokenDecimals: 12, tokenSymbol: 'KSM' }),
    );
    entry = { registry, metadata };
    registries.set(runtime, entry);
  }
  return entry;
}

/**
 * The same runtime under another spec version: what a runtime upgrade that changes no storage
 * layout looks like (new code, new version, the metadata it had).
 */
export function withSpecVersion(runtime: DevRuntime, specVersion: number): DevRuntime {
  return withMetadata(runtime, runtime.metadataBytes(), specVersion);
}

/** A runtime serving other metadata (for instance with a changed storage layout) and spec version. */
export function withMetadata(runtime: DevRuntime, bytes: Uint8Array, specVersion: number): DevRuntime {
  return {
    chain: runtime.chain,
    specName: runtime.specName,
    specVersion,
    metadataBytes: () => bytes,
    version: () => ({ ...runtime.version(), specVersion }),
  };
}
