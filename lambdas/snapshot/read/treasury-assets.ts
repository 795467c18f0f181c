/**
 * What the treasury account holds on Asset Hub and what each asset is called: KSM
 * (`System.Account`), every asset of `Assets` and `ForeignAssets` (the ids from the keys of `Asset`,
 * then the treasury's `Account` and each asset's `Metadata` by keys built from them, never all
 * accounts of all assets), and `AssetRate.ConversionRateToNative` (the whole map: a few entries).
 */
import { blake2AsHex } from '@polkadot/util-crypto';
import { type AssetMetadata, assetKeyOfLocation, placeAsset } from '../../../core/treasury/asset-ref.js';
import { decodeMapKey, storagePrefix } from '../rpc/keys.js';
import { ASSETS_ASSET } from '../scale/treasury-values.js';
import type { ReadContext } from './context.js';
import type { MetadataCodec } from './metadata-codec.js';

type Json = Record<string, unknown>;

/** `blake2_128(bytes) ++ bytes`, as hex without 0x. */
export function blake2Concat(hex: string): string {
  const bare = hex.replace(/^0x/, '');
  return blake2AsHex(`0x${bare}`, 128).slice(2) + bare;
}

const u32Hex = (n: number) => {
  const b = Buffer.alloc(4);
  b.writeUInt32LE(n);
  return b.toString('hex');
};

/** One asset of `Assets` (by id) or `ForeignAssets` (by its SCALE location), and its stable key. */
export interface HeldAsset {
  key: string;
  pallet: 'Assets' | 'ForeignAssets';
  /** The SCALE of the asset id, as it is hashed into the maps' keys (no 0x). */
  idHex: string;
}

export interface AssetIds {
  assets: HeldAsset[];
  /** `AssetRate.ConversionRateToNative` keys. */
  rateKeys: string[];
}

/** Phase one: the asset ids and the rate keys (three paged key reads, side by side). */
export async function readAssetIds(ctx: ReadContext, codec: MetadataCodec): Promise<AssetIds> {
  const keysOf = (pallet: string, item: string) =>
    ctx.has(pallet, item) ? ctx.storage.keys(storagePrefix(pallet, item)) : Promise.resolve([]);
  const [local, foreign, rateKeys] = await Promise.all([
    keysOf('Assets', 'Asset'),
    keysOf('ForeignAssets', 'Asset'),
    keysOf('AssetRate', 'ConversionRateToNative'),
  ]);
  const assets: HeldAsset[] = [];
  for (const k of local) {
    const id = decodeMapKey(k, ASSETS_ASSET.keys)[0] as number;
    assets.push({ key: `assets:${id}`, pallet: 'Assets', idHex: u32Hex(id) });
  }
  for (const k of foreign) {
    // Blake2_128Concat: 32 bytes of prefix, 16 of hash, then the location itself.
    const idHex = k.slice(2 + 96);
    try {
      const key = assetKeyOfLocation(codec.decodeKey('ForeignAssets', 'Asset', `0x${idHex}`).toJSON());
      if (key) assets.push({ key, pallet: 'ForeignAssets', idHex });
    } catch (error) {
      ctx.warn(`ForeignAssets.Asset: a key did not decode (${(error as Error).message})`);
    }
  }
  return { assets, rateKeys };
}

/** Phase two's keys: the treasury's KSM, its balance and the metadata of every asset, and the rates. */
export function assetValueKeys(ids: AssetIds, potHex: string): string[] {
  const out = [storagePrefix('System', 'Account') + blake2Concat(potHex)];
  for (const a of ids.assets) {
    out.push(storagePrefix(a.pallet, 'Account') + blake2Concat(a.idHex) + blake2Concat(potHex));
    out.push(storagePrefix(a.pallet, 'Metadata') + blake2Concat(a.idHex));
  }
  out.push(...ids.rateKeys);
  return out;
}

export interface AssetValues {
  nativeFree: bigint;
  /** Nonzero balances of the treasury account, by asset key. */
  balances: Map<string, bigint>;
  metadata: AssetMetadata;
  /** Raw FixedU128 rates by asset key. */
  rates: Map<string, bigint>;
}

const text = (hex: unknown) => {
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(Buffer.from(String(hex).slice(2), 'hex'));
  } catch {
    return '';
  }
};

export function decodeAssetValues(
  ctx: ReadContext,
  codec: MetadataCodec,
  ids: AssetIds,
  potHex: string,
  values: ReadonlyMap<string, string | null>,
): AssetValues {
  const keys = assetValueKeys(ids, potHex);
  const systemHex = values.get(keys[0]!);
  const free = systemHex
    ? BigInt(((codec.decode('System', 'Account', systemHex).toJSON() as Json).data as Json).free as string)
    : 0n;
  const balances = new Map<string, bigint>();
  const metadata = new Map<string, { symbol: string; decimals: number }>();
  ids.assets.forEach((a, i) => {
    const accountHex = values.get(keys[1 + 2 * i]!);
    const metaHex = values.get(keys[2 + 2 * i]!);
    try {
      if (metaHex) {
        const m = codec.decode(a.pallet, 'Metadata', metaHex).toJSON() as Json;
        metadata.set(a.key, { symbol: text(m.symbol), decimals: Number(m.decimals) });
      }
      if (accountHex) {
        const balance = BigInt(
          (codec.decode(a.pallet, 'Account', accountHex).toJSON() as Json).balance as string,
        );
        if (balance > 0n) balances.set(a.key, balance);
      }
    } catch (error) {
      ctx.warn(
        `${a.pallet} ${a.key}: the treasury's balance or metadata did not decode (${(error as Error).message})`,
      );
    }
  });
  const rates = new Map<string, bigint>();
  for (const k of ids.rateKeys) {
    const hex = values.get(k);
    if (!hex) continue;
    try {
      const kind = codec.decodeKey('AssetRate', 'ConversionRateToNative', `0x${k.slice(2 + 96)}`);
      const ref = placeAsset(kind.toJSON(), kind.toHex(), metadata);
      rates.set(ref.key, BigInt(codec.decode('AssetRate', 'ConversionRateToNative', hex).toString()));
    } catch (error) {
      ctx.warn(`AssetRate.ConversionRateToNative: an entry did not decode (${(error as Error).message})`);
    }
  }
  return { nativeFree: free, balances, metadata, rates };
}
