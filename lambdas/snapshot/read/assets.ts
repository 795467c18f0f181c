/** Names and amounts of the assets a treasury spend can pay out from Kusama Asset Hub. */
import { formatBalance } from '../../../core/format/balance.js';

export interface KnownAsset {
  symbol: string;
  decimals: number;
}

const KSM: KnownAsset = { symbol: 'KSM', decimals: 12 };
/** Asset Hub's Assets pallet (instance 50) ids of the stablecoins the treasury pays in. */
const BY_ASSET_ID: Record<string, KnownAsset> = {
  '1984': { symbol: 'USDT', decimals: 6 },
  '1337': { symbol: 'USDC', decimals: 6 },
};

type Json = Record<string, unknown>;

/** Identifies a `VersionedLocatableAsset` (as JSON): KSM, a known stablecoin, or null. */
export function identifyAsset(assetKind: unknown): KnownAsset | null {
  const versioned = Object.values((assetKind ?? {}) as Json)[0] as Json | undefined;
  const assetId = (versioned?.assetId ?? versioned?.asset_id) as Json | undefined;
  if (!assetId) return null;
  const interior = assetId.interior as Json | string | undefined;
  const isHere =
    interior === 'Here' || (typeof interior === 'object' && interior !== null && 'here' in interior);
  if (Number(assetId.parents) === 1 && isHere) return KSM;
  const junctions =
    typeof interior === 'object' && interior !== null ? (Object.values(interior)[0] as unknown) : null;
  if (Number(assetId.parents) === 0 && Array.isArray(junctions) && junctions.length === 2) {
    const [pallet, index] = junctions as Json[];
    if (Number(pallet?.palletInstance) === 50 && index?.generalIndex !== undefined) {
      return BY_ASSET_ID[String(index.generalIndex)] ?? null;
    }
  }
  return null;
}

export function formatAssetAmount(amount: bigint, asset: KnownAsset | null): string {
  if (!asset) return `${amount} units of an unrecognised asset`;
  return formatBalance(amount, { decimals: asset.decimals, symbol: asset.symbol });
}
