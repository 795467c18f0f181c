/**
 * The treasury and the bounties at the pinned block, in two rounds of bulk requests: first the
 * keys of every map read whole (spends, proposals, asset ids, rates, bounties and child bounties;
 * one read per small pallet, `pallet-keys.ts`), side by side; then one batch of values for all of it (plain items, the treasury's balances,
 * asset metadata, descriptions and per-parent counters by keys built from the ids). A runtime
 * without `Treasury` gives null with a warning (and so do bounties without either bounty pallet).
 */

import { assetRefOfKey, NATIVE_ASSET } from '../../../core/treasury/asset-ref.js';
import type { BountiesState, TreasuryHolding, TreasuryState } from '../../../core/types/treasury.js';
import { storagePrefix } from '../rpc/keys.js';
import { decodeU32, decodeU32Vec } from '../scale/staking-codecs.js';
import { bountyValueKeys, decodeBounties, readBountyKeys } from './bounties.js';
import { decodeAll, type ReadContext } from './context.js';
import type { MetadataCodec } from './metadata-codec.js';
import { palletKeys } from './pallet-keys.js';
import { assetValueKeys, decodeAssetValues, readAssetIds } from './treasury-assets.js';
import { potAccountHex, proposalFrom, spendFrom, treasuryConstants } from './treasury-decode.js';

export interface TreasuryRead {
  treasury: TreasuryState | null;
  bounties: BountiesState | null;
}

const T = (item: string) => storagePrefix('Treasury', item);
const PLAIN = ['SpendCount', 'LastSpendPeriod', 'Deactivated', 'ProposalCount', 'Approvals'].map(T);

export async function readTreasury(ctx: ReadContext, codec: MetadataCodec): Promise<TreasuryRead> {
  const hasTreasury = ctx.has('Treasury', 'Spends');
  if (!hasTreasury) ctx.warn('Treasury is not in this runtime; no treasury read');
  const [treasuryKeys, ids, bountyKeys] = await Promise.all([
    hasTreasury ? palletKeys(ctx, 'Treasury', ['Spends', 'Proposals']) : { Spends: [], Proposals: [] },
    readAssetIds(ctx, codec),
    readBountyKeys(ctx),
  ]);
  const [spendKeys, proposalKeys] = [treasuryKeys.Spends ?? [], treasuryKeys.Proposals ?? []];
  const pot = potAccountHex(codec);
  const keys = [
    ...(hasTreasury ? [...PLAIN, ...spendKeys, ...proposalKeys] : []),
    ...assetValueKeys(ids, pot),
    ...(bountyKeys ? bountyValueKeys(bountyKeys) : []),
  ];
  const fetched = await ctx.storage.values(keys);
  const values = new Map(keys.map((k, i) => [k, fetched[i] ?? null]));
  const assets = decodeAssetValues(ctx, codec, ids, pot, values);
  const bounties = bountyKeys ? decodeBounties(ctx, codec, bountyKeys, values, assets.metadata) : null;
  if (!hasTreasury) return { treasury: null, bounties };

  const pairs = (list: string[]) =>
    list.flatMap((k): Array<[string, string]> => (values.get(k) ? [[k, values.get(k)!]] : []));
  const plain = (item: string) => values.get(T(item)) ?? null;
  const u32 = (item: string) => {
    const hex = plain(item);
    return hex ? decodeU32(hex, `treasury.${item}`) : null;
  };
  const spends = decodeAll(ctx, 'Treasury.Spends', pairs(spendKeys), (k, v) =>
    spendFrom(codec, k, v, assets.metadata),
  );
  const proposals = decodeAll(ctx, 'Treasury.Proposals', pairs(proposalKeys), (k, v) =>
    proposalFrom(codec, k, v),
  );
  const holdings: TreasuryHolding[] = [
    { asset: NATIVE_ASSET, balance: assets.nativeFree, rateToNative: null },
    ...[...assets.balances.entries()]
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
      .map(([key, balance]) => ({
        asset: assetRefOfKey(key, assets.metadata),
        balance,
        rateToNative: assets.rates.get(key) ?? null,
      })),
  ].filter((h) => h.balance > 0n);
  const deactivated = plain('Deactivated');
  const approvals = plain('Approvals');
  return {
    treasury: {
      constants: treasuryConstants(codec),
      holdings,
      deactivated: deactivated ? BigInt(codec.decode('Treasury', 'Deactivated', deactivated).toString()) : 0n,
      lastSpendPeriod: u32('LastSpendPeriod'),
      spendCount: u32('SpendCount') ?? 0,
      spends: spends.sort((a, b) => a.index - b.index),
      proposalCount: u32('ProposalCount') ?? 0,
      proposals: proposals.sort((a, b) => a.index - b.index),
      approvals: approvals ? decodeU32Vec(approvals, 'treasury.approvals') : [],
    },
    bounties,
  };
}
