/**
 * The real Kusama Asset Hub metadata (v15, statemine 1009003) and runtime version that
 * @polkadot/types-support ships. The dev chain's stub runtime serves them, and the scenario
 * generator encodes every value with a registry built from the same bytes.
 */
import { Metadata, TypeRegistry } from '@polkadot/types';
import assetHubHex from '@polkadot/types-support/metadata/v15/asset-hub-kusama-hex';
import assetHubVersion from '@polkadot/types-support/metadata/v15/asset-hub-kusama-ver';
import { hexToU8a } from '@polkadot/util';

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

/** The hex is an `Option<OpaqueMetadata>`: 0x01, a compact length, then the metadata bytes. */
export function unwrapOpaqueMetadata(optionHex: string): Uint8Array {
  const bytes = hexToU8a(optionHex);
  if (bytes[0] !== 1) throw new Error('metadata blob is not Some(OpaqueMetadata)');
  const mode = bytes[1]! & 0b11;
  let offset: number;
  let length: number;
  if (mode === 0) {
    length = bytes[1]! >> 2;
    offset = 2;
  } else if (mode === 1) {
    length = (bytes[1]! | (bytes[2]! << 8)) >> 2;
    offset = 3;
  } else if (mode === 2) {
    length = (bytes[1]! | (bytes[2]! << 8) | (bytes[3]! << 16) | (bytes[4]! << 24)) >>> 2;
    offset = 5;
  } else {
    throw new Error('metadata length prefix uses the big-integer compact mode, which is not expected');
  }
  if (offset + length !== bytes.length) {
    throw new Error(`metadata length prefix says ${length} bytes, blob has ${bytes.length - offset}`);
  }
  return bytes.subarray(offset);
}

let cachedRaw: Uint8Array | undefined;

/** Raw SCALE metadata bytes (starting with the `meta` magic). */
export function assetHubMetadataBytes(): Uint8Array {
  cachedRaw ??= unwrapOpaqueMetadata(assetHubHex);
  return cachedRaw;
}

export function assetHubRuntimeVersion(): RuntimeVersionJson {
  return assetHubVersion as unknown as RuntimeVersionJson;
}

/** A registry decorated with the Kusama Asset Hub metadata, for encoding keys and values. */
export function createAssetHubRegistry(): { registry: TypeRegistry; metadata: Metadata } {
  const registry = new TypeRegistry();
  const metadata = new Metadata(registry, assetHubMetadataBytes());
  registry.setMetadata(metadata);
  registry.setChainProperties(
    registry.createType('ChainProperties', { ss58Format: 2, tokenDecimals: 12, tokenSymbol: 'KSM' }),
  );
  return { registry, metadata };
}
