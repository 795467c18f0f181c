/**
 * Where an asset the treasury holds or pays lives, as one stable `AssetRef`: the single placement
 * shared by spends, holdings and multi-asset bounties (and the proposal summaries). Input is a
 * `VersionedLocatableAsset` (or a bare asset location) as the metadata decoder renders it to JSON.
 */
import type { AssetRef } from '../types/treasury.js';

type Json = Record<string, unknown>;

/** Symbol and decimals of an asset, keyed by `AssetRef.key`. */
export type AssetMetadata = ReadonlyMap<string, { symbol: string; decimals: number }>;

export const NATIVE_ASSET: AssetRef = { key: 'native', symbol: 'KSM', decimals: 12 };

/** The stablecoins the treasury pays in, for when the chain's asset metadata is not at hand. */
export const KNOWN_ASSETS: AssetMetadata = new Map([
  ['assets:1984', { symbol: 'USDT', decimals: 6 }],
  ['assets:1337', { symbol: 'USDC', decimals: 6 }],
]);

const lowerFirst = (s: string) => s.charAt(0).toLowerCase() + s.slice(1);

/**
 * One spelling of a location across XCM versions: keys lower-camel, `X1` always a list, numbers
 * as decimal numbers or strings. `foreign:` keys are built from it, so a V4 spend and the V5 key
 * of `ForeignAssets` name the same asset the same way.
 */
export function canonicalLocation(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(canonicalLocation);
  if (typeof value === 'bigint') return value.toString();
  if (value === null || typeof value !== 'object') return value;
  const out: Json = {};
  for (const [k, v] of Object.entries(value as Json)) {
    const key = lowerFirst(k);
    out[key] = key === 'x1' && !Array.isArray(v) ? [canonicalLocation(v)] : canonicalLocation(v);
  }
  return out;
}

const isHere = (interior: unknown) =>
  interior === 'Here' ||
  interior === 'here' ||
  (typeof interior === 'object' && interior !== null && 'here' in (interior as Json));

/** The asset's place: `native`, `assets:<id>`, `foreign:<location JSON>`, or null. */
export function assetKeyOfLocation(location: unknown): string | null {
  const loc = canonicalLocation(location) as Json | null;
  if (!loc || typeof loc !== 'object' || loc.parents === undefined) return null;
  const parents = Number(loc.parents);
  if (parents === 1 && isHere(loc.interior)) return 'native';
  const interior = loc.interior as Json | undefined;
  const junctions = interior && typeof interior === 'object' ? Object.values(interior)[0] : null;
  if (parents === 0 && Array.isArray(junctions) && junctions.length === 2) {
    const [pallet, index] = junctions as Json[];
    if (Number(pallet?.palletInstance) === 50 && index?.generalIndex !== undefined)
      return `assets:${BigInt(index.generalIndex as string | number)}`;
  }
  if (parents === 0 && isHere(loc.interior)) return null;
  return `foreign:${JSON.stringify(loc)}`;
}

/** The asset id's location out of a versioned locatable asset, when it lives on this chain. */
function localAssetId(assetKind: unknown): unknown {
  const versioned = Object.values((assetKind ?? {}) as Json)[0] as Json | undefined;
  if (!versioned || typeof versioned !== 'object') return null;
  const where = versioned.location as Json | undefined;
  // A location other than Here is an asset paid on another chain: Herald does not place those.
  if (where && !(Number(where.parents) === 0 && isHere(where.interior))) return null;
  const id = (versioned.assetId ?? versioned.asset_id) as Json | undefined;
  if (!id) return null;
  return (id.concrete ?? id.Concrete ?? id) as unknown;
}

/** An `AssetRef` for a key, with the chain's metadata (then the known stablecoins) for its name. */
export function assetRefOfKey(key: string, metadata: AssetMetadata = KNOWN_ASSETS): AssetRef {
  if (key === 'native') return NATIVE_ASSET;
  const meta = metadata.get(key) ?? KNOWN_ASSETS.get(key);
  if (meta && meta.symbol !== '') return { key, symbol: meta.symbol, decimals: meta.decimals };
  const label = key.startsWith('assets:')
    ? `#${key.slice('assets:'.length)}`
    : key.startsWith('foreign:')
      ? 'foreign asset'
      : 'unknown asset';
  return { key, symbol: label, decimals: meta?.decimals ?? 0 };
}

/**
 * Places a `VersionedLocatableAsset` (as JSON). `hex` is its SCALE encoding, for the `unknown:`
 * key of a kind Herald cannot place.
 */
export function placeAsset(
  assetKind: unknown,
  hex: string,
  metadata: AssetMetadata = KNOWN_ASSETS,
): AssetRef {
  const key = assetKeyOfLocation(localAssetId(assetKind));
  if (key === null) return { key: `unknown:${hex}`, symbol: 'unknown asset', decimals: 0 };
  return assetRefOfKey(key, metadata);
}
