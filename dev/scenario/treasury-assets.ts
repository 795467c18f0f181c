/**
 * The assets the treasury holds on Kusama Asset Hub besides KSM, as the chain stores them: Assets
 * (instance 50: USDT 1984, USDC 1337, RMRK 8) with their `Asset` details, `Metadata` and the
 * treasury's `Account` entry; one ForeignAssets token of a sibling parachain (Moonriver's MOVR);
 * and `AssetRate.ConversionRateToNative` for USDT and USDC only, keyed by the same
 * `VersionedLocatableAsset` the spends name.
 */

import type { Address } from '../../core/types/index.js';
import type { AssetRef, TreasuryHolding } from '../../core/types/treasury.js';
import { deriveAccount } from './accounts.js';
import type { Rng } from './rng.js';
import type { StorageContext } from './storage-context.js';
import type { StoragePair } from './types.js';

export const NATIVE_ASSET: AssetRef = { key: 'native', symbol: 'KSM', decimals: 12 };

export type TreasuryAssetSymbol = 'KSM' | 'USDT' | 'USDC' | 'RMRK' | 'MOVR';

interface LocalAsset {
  id: number;
  name: string;
  symbol: TreasuryAssetSymbol;
  decimals: number;
  minBalance: bigint;
  sufficient: boolean;
}

export const LOCAL_ASSETS: readonly LocalAsset[] = [
  { id: 1984, name: 'Tether USD', symbol: 'USDT', decimals: 6, minBalance: 1_000n, sufficient: true },
  { id: 1337, name: 'USD Coin', symbol: 'USDC', decimals: 6, minBalance: 10_000n, sufficient: true },
  { id: 8, name: 'RMRK.app', symbol: 'RMRK', decimals: 10, minBalance: 100_000_000n, sufficient: true },
];

/** Moonriver's MOVR as Kusama Asset Hub's ForeignAssets names it (parachain 2023, pallet 10). */
export const FOREIGN_MOVR = {
  location: { parents: 1, interior: { X2: [{ Parachain: 2023 }, { PalletInstance: 10 }] } },
  name: 'Moonriver',
  symbol: 'MOVR' as const,
  decimals: 18,
  minBalance: 1_000_000_000_000n,
};

const HERE = { parents: 0, interior: 'Here' };

/** The XCM v4 `VersionedLocatableAsset` of a spendable asset (what spends and AssetRate key by). */
export function locatableAsset(symbol: 'KSM' | 'USDT' | 'USDC'): unknown {
  if (symbol === 'KSM') return { V4: { location: HERE, assetId: { parents: 1, interior: 'Here' } } };
  const id = symbol === 'USDT' ? 1984 : 1337;
  return {
    V4: {
      location: HERE,
      assetId: { parents: 0, interior: { X2: [{ PalletInstance: 50 }, { GeneralIndex: BigInt(id) }] } },
    },
  };
}

/** The stable key Herald names a ForeignAssets asset by: `foreign:` and its location as the metadata's JSON. */
export function foreignKey(ctx: StorageContext, location: unknown): string {
  const typeId = ctx.entry('ForeignAssets', 'Metadata').keyTypes[0]!;
  const name = ctx.registry.lookup.getTypeDef(typeId).lookupName ?? `Lookup${typeId}`;
  const json = ctx.registry.createType(name, ctx.codec.encode(typeId, location)).toJSON();
  return `foreign:${JSON.stringify(json)}`;
}

export function assetRef(symbol: 'KSM' | 'USDT' | 'USDC'): AssetRef {
  if (symbol === 'KSM') return NATIVE_ASSET;
  const a = LOCAL_ASSETS.find((x) => x.symbol === symbol)!;
  return { key: `assets:${a.id}`, symbol: a.symbol, decimals: a.decimals };
}

export interface TreasuryAssetsModel {
  /** Holdings as a correct reader returns them: KSM first, then by key. */
  holdings: TreasuryHolding[];
  /** FixedU128 rates by symbol (USDT, USDC). */
  rates: Record<string, bigint>;
  supplies: Record<string, bigint>;
  owner: Address;
}

/** Draws what the treasury holds of each asset and the rates of the stablecoins (1 KSM ≈ $12–30). */
export function buildTreasuryAssets(
  ctx: StorageContext,
  rng: Rng,
  seed: number,
  nativeFree: bigint,
): TreasuryAssetsModel {
  const price = rng.int(1_200, 3_000); // cents per KSM
  // FixedU128: native planck per asset unit × 1e18 = 1e12 / (price/100 × 1e6) × 1e18.
  const stableRate = (10n ** 24n * 100n) / BigInt(price);
  const rates = {
    USDT: stableRate + rng.bigint(0n, 10n ** 18n),
    USDC: stableRate - rng.bigint(0n, 10n ** 18n),
  };
  const balances: Record<string, bigint> = {
    USDT: rng.bigint(400_000n, 2_500_000n) * 1_000_000n,
    USDC: rng.bigint(100_000n, 900_000n) * 1_000_000n,
    RMRK: rng.bigint(10_000n, 80_000n) * 10_000_000_000n,
    MOVR: rng.bigint(50n, 2_000n) * 10n ** 18n,
  };
  const supplies: Record<string, bigint> = {};
  for (const [s, b] of Object.entries(balances)) supplies[s] = b * BigInt(rng.int(20, 200));
  const others: TreasuryHolding[] = [
    ...LOCAL_ASSETS.map((a) => ({
      asset: { key: `assets:${a.id}`, symbol: a.symbol, decimals: a.decimals },
      balance: balances[a.symbol]!,
      rateToNative: (rates as Record<string, bigint>)[a.symbol] ?? null,
    })),
    {
      asset: { key: foreignKey(ctx, FOREIGN_MOVR.location), symbol: 'MOVR', decimals: FOREIGN_MOVR.decimals },
      balance: balances.MOVR!,
      rateToNative: null,
    },
  ].sort((a, b) => (a.asset.key < b.asset.key ? -1 : a.asset.key > b.asset.key ? 1 : 0));
  return {
    holdings: [{ asset: NATIVE_ASSET, balance: nativeFree, rateToNative: null }, ...others],
    rates,
    supplies,
    owner: deriveAccount(seed, 'asset-owner', 0).address,
  };
}

const text = (s: string) => new TextEncoder().encode(s);

function details(owner: Address, supply: bigint, minBalance: bigint, sufficient: boolean): unknown {
  return {
    owner,
    issuer: owner,
    admin: owner,
    freezer: owner,
    supply,
    deposit: 0n,
    minBalance,
    isSufficient: sufficient,
    accounts: 1_000,
    sufficients: sufficient ? 900 : 0,
    approvals: 0,
    status: 'Live',
  };
}

function assetMetadata(name: string, symbol: string, decimals: number): unknown {
  return { deposit: 0n, name: text(name), symbol: text(symbol), decimals, isFrozen: false };
}

function balanceOf(m: TreasuryAssetsModel, symbol: string): bigint {
  return m.holdings.find((h) => h.asset.symbol === symbol)?.balance ?? 0n;
}

/** Assets, ForeignAssets and AssetRate storage for the treasury account `pot`. */
export function treasuryAssetPairs(ctx: StorageContext, m: TreasuryAssetsModel, pot: Address): StoragePair[] {
  const out: StoragePair[] = [];
  const account = (balance: bigint) => ({ balance, status: 'Liquid', reason: 'Consumer', extra: null });
  for (const a of LOCAL_ASSETS) {
    out.push(
      ctx.pair(
        'Assets',
        'Asset',
        [a.id],
        details(m.owner, m.supplies[a.symbol]!, a.minBalance, a.sufficient),
      ),
      ctx.pair('Assets', 'Metadata', [a.id], assetMetadata(a.name, a.symbol, a.decimals)),
      ctx.pair('Assets', 'Account', [a.id, pot], account(balanceOf(m, a.symbol))),
    );
  }
  const f = FOREIGN_MOVR;
  out.push(
    ctx.pair('ForeignAssets', 'Asset', [f.location], details(m.owner, m.supplies.MOVR!, f.minBalance, false)),
    ctx.pair('ForeignAssets', 'Metadata', [f.location], assetMetadata(f.name, f.symbol, f.decimals)),
    ctx.pair('ForeignAssets', 'Account', [f.location, pot], account(balanceOf(m, 'MOVR'))),
  );
  for (const s of ['USDT', 'USDC'] as const) {
    out.push(ctx.pair('AssetRate', 'ConversionRateToNative', [locatableAsset(s)], m.rates[s]!));
  }
  return out;
}
