/**
 * The registry the scenario generator and the tests encode with: the dev Asset Hub's runtime
 * (statemine 2,003,000 unless another spec version is asked for).
 */
import type { Metadata, TypeRegistry } from '@polkadot/types';
import { assetHubRuntime, type RuntimeVersionJson, registryFor } from './runtimes.js';

export type { RuntimeVersionJson } from './runtimes.js';

export function assetHubMetadataBytes(specVersion?: number): Uint8Array {
  return assetHubRuntime(specVersion).metadataBytes();
}

export function assetHubRuntimeVersion(specVersion?: number): RuntimeVersionJson {
  return assetHubRuntime(specVersion).version();
}

/** A registry decorated with the Kusama Asset Hub metadata, for encoding keys and values. */
export function createAssetHubRegistry(specVersion?: number): { registry: TypeRegistry; metadata: Metadata } {
  return registryFor(assetHubRuntime(specVersion));
}
