/** Names and amounts of the assets a treasury spend can pay out from Kusama Asset Hub. */
import { formatBalance } from '../../../core/format/balance.js';
import { KNOWN_ASSETS, NATIVE_ASSET, placeAsset } from '../../../core/treasury/asset-ref.js';

export interface KnownAsset {
  symbol: string;
  decimals: number;
}

/**
 * Identifies a `VersionedLocatableAsset` (as JSON) without the chain's asset metadata: KSM, a
 * known stablecoin, or null (the placement itself is `core/treasury/asset-ref.ts`).
 */
export function identifyAsset(assetKind: unknown): KnownAsset | null {
  const ref = placeAsset(assetKind, '0x');
  if (ref.key === NATIVE_ASSET.key) return { symbol: ref.symbol, decimals: ref.decimals };
  const known = KNOWN_ASSETS.get(ref.key);
  return known ? { symbol: known.symbol, decimals: known.decimals } : null;
}

export function formatAssetAmount(amount: bigint, asset: KnownAsset | null): string {
  if (!asset) return `${amount} units of an unrecognised asset`;
  return formatBalance(amount, { decimals: asset.decimals, symbol: asset.symbol });
}
