/**
 * The dev chain's raw chain spec: only `:code` (the stub runtime) and `ParachainInfo.ParachainId`.
 * Everything else is seeded through `dev_setStorage`, because Chopsticks' genesis provider serves
 * genesis keys unsorted and key iteration would miss entries.
 */
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { u8aToHex } from '@polkadot/util';
import { xxhashAsHex } from '@polkadot/util-crypto';
import { ASSET_HUB_PARA_ID } from '../../core/kusama/constants.js';
import { buildStubRuntime } from './stub-runtime.js';

export const GENERATED_DIR = join(dirname(fileURLToPath(import.meta.url)), '..', '..', '.generated');

const CODE_KEY = u8aToHex(new TextEncoder().encode(':code'));

export function storagePrefix(pallet: string, item: string): string {
  return xxhashAsHex(pallet, 128) + xxhashAsHex(item, 128).slice(2);
}

export interface RawChainSpec {
  name: string;
  id: string;
  properties: { ss58Format: number; tokenDecimals: number; tokenSymbol: string };
  genesis: { raw: { top: Record<string, string>; childrenDefault: Record<string, never> } };
}

export function chainSpecFor(wasm: Uint8Array): RawChainSpec {
  const paraId = new Uint8Array(4);
  new DataView(paraId.buffer).setUint32(0, ASSET_HUB_PARA_ID, true);
  return {
    name: 'Herald Kusama Asset Hub (dev)',
    id: 'asset-hub-kusama-dev',
    properties: { ss58Format: 2, tokenDecimals: 12, tokenSymbol: 'KSM' },
    genesis: {
      raw: {
        top: {
          [CODE_KEY]: u8aToHex(wasm),
          [storagePrefix('ParachainInfo', 'ParachainId')]: u8aToHex(paraId),
        },
        childrenDefault: {},
      },
    },
  };
}

/** Builds the stub runtime and chain spec once, then reuses the generated file. */
export async function devChainSpec(): Promise<RawChainSpec> {
  const path = join(GENERATED_DIR, 'asset-hub-kusama-dev.json');
  try {
    return JSON.parse(await readFile(path, 'utf8')) as RawChainSpec;
  } catch {
    const spec = chainSpecFor(await buildStubRuntime());
    await mkdir(GENERATED_DIR, { recursive: true });
    await writeFile(path, JSON.stringify(spec));
    return spec;
  }
}
