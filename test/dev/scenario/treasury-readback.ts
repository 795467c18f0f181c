/**
 * An independent reader of the treasury and bounties for the tests: decodes the seeded pairs with
 * the @polkadot/types registry and rebuilds `TreasuryState` and `BountiesState` as the contract in
 * core/types/treasury.ts defines them, without the scenario's own encoders.
 */
import type { Metadata, TypeRegistry } from '@polkadot/types';
import { u8aToHex } from '@polkadot/util';
import { encodeAddress, xxhashAsHex } from '@polkadot/util-crypto';
import {
  type AssetRef,
  type BountiesState,
  type Bounty,
  bountyRef,
  type ChildBounty,
  type TreasuryHolding,
  type TreasuryState,
} from '../../../core/types/treasury.js';
import type { StoragePair } from '../../../dev/scenario/index.js';
import { type Decoded, decodeAll } from './readback.js';

// biome-ignore lint/suspicious/noExplicitAny: decoded codecs are walked dynamically
type C = any;

const PALLETS = [
  'Treasury',
  'Bounties',
  'ChildBounties',
  'MultiAssetBounties',
  'Assets',
  'ForeignAssets',
  'AssetRate',
];

const big = (c: C): bigint => BigInt(c.toString());
const num = (c: C): number => Number(c.toString());
const ss58 = (c: C): string => encodeAddress(c.toU8a(), 2);

/** Decodes only the treasury's pallets and the pot's System.Account entry. */
export function decodeTreasury(
  registry: TypeRegistry,
  metadata: Metadata,
  pairs: readonly StoragePair[],
  pot: string,
) {
  const prefixes: string[] = PALLETS.map((p) => xxhashAsHex(p, 128));
  const account = xxhashAsHex('System', 128) + xxhashAsHex('Account', 128).slice(2);
  const potHex = u8aToHex(registry.createType('AccountId32', pot).toU8a()).slice(2);
  const wanted = pairs.filter(
    ([k]) => prefixes.includes(k.slice(0, 34)) || (k.startsWith(account) && k.endsWith(potHex)),
  );
  const decoded = decodeAll(registry, metadata, wanted);
  return decoded;
}

function constant(registry: TypeRegistry, metadata: Metadata, pallet: string, name: string): C {
  const p = metadata.asLatest.pallets.find((x) => x.name.toString() === pallet)!;
  const c = p.constants.find((x) => x.name.toString() === name)!;
  return registry.createType(registry.createLookupType(c.type), c.value);
}

type Items = Map<string, Decoded[]>;
const all = (items: Items, name: string): Decoded[] => items.get(name) ?? [];

/** Where a `VersionedLocatableAsset` points: KSM, an Assets id (with its metadata) or something else. */
function placeAsset(items: Items, kind: C): AssetRef {
  const v = kind.isV4 ? kind.asV4 : kind.asV5;
  const id = v.assetId.toJSON() as { parents: number; interior: Record<string, unknown> };
  if (id.parents === 1 && 'here' in id.interior) return { key: 'native', symbol: 'KSM', decimals: 12 };
  const x2 = id.interior.x2 as Array<Record<string, number>>;
  const assetId = x2[1]!.generalIndex!;
  const meta = all(items, 'Assets.Metadata').find((d) => num(d.args[0]) === assetId)!.value;
  return { key: `assets:${assetId}`, symbol: meta.symbol.toUtf8(), decimals: num(meta.decimals) };
}

function placeAccount(v: C): string {
  const inner = v.isV4 ? v.asV4 : v.asV5;
  const junctions = inner.accountId.interior;
  if (inner.location.interior.isHere && junctions.isX1 && junctions.asX1[0].isAccountId32) {
    return ss58(junctions.asX1[0].asAccountId32.id);
  }
  return JSON.stringify(v.toJSON());
}

function text(bytes: C | undefined): string | null {
  if (!bytes) return null;
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes.toU8a(true));
  } catch {
    return null;
  }
}

function holdingsOf(items: Items, pot: string, rates: Map<string, bigint>): TreasuryHolding[] {
  const free = big(all(items, 'System.Account')[0]!.value.data.free);
  const others: TreasuryHolding[] = [];
  for (const d of all(items, 'Assets.Account')) {
    if (ss58(d.args[1]) !== pot || big(d.value.balance) === 0n) continue;
    const id = num(d.args[0]);
    const meta = all(items, 'Assets.Metadata').find((m) => num(m.args[0]) === id)!.value;
    const key = `assets:${id}`;
    const asset = { key, symbol: meta.symbol.toUtf8(), decimals: num(meta.decimals) };
    others.push({ asset, balance: big(d.value.balance), rateToNative: rates.get(key) ?? null });
  }
  for (const d of all(items, 'ForeignAssets.Account')) {
    if (ss58(d.args[1]) !== pot || big(d.value.balance) === 0n) continue;
    const loc = JSON.stringify(d.args[0].toJSON());
    const meta = all(items, 'ForeignAssets.Metadata').find(
      (m) => JSON.stringify(m.args[0].toJSON()) === loc,
    )!.value;
    const asset = { key: `foreign:${loc}`, symbol: meta.symbol.toUtf8(), decimals: num(meta.decimals) };
    others.push({ asset, balance: big(d.value.balance), rateToNative: null });
  }
  others.sort((a, b) => (a.asset.key < b.asset.key ? -1 : a.asset.key > b.asset.key ? 1 : 0));
  return [
    { asset: { key: 'native', symbol: 'KSM', decimals: 12 }, balance: free, rateToNative: null },
    ...others,
  ];
}

export function readTreasury(registry: TypeRegistry, metadata: Metadata, items: Items): TreasuryState {
  const k = (name: string) => constant(registry, metadata, 'Treasury', name);
  const b = (name: string) => constant(registry, metadata, 'Bounties', name);
  const pot = ss58(k('pot_account'));
  const rates = new Map(
    all(items, 'AssetRate.ConversionRateToNative').map((d) => [
      placeAsset(items, d.args[0]).key,
      big(d.value),
    ]),
  );
  const one = (name: string) => all(items, name)[0]?.value;
  return {
    constants: {
      account: pot,
      spendPeriod: num(k('SpendPeriod')),
      burnPermill: num(k('Burn')),
      payoutPeriod: num(k('PayoutPeriod')),
      maxApprovals: num(k('MaxApprovals')),
      existentialDeposit: big(constant(registry, metadata, 'Balances', 'ExistentialDeposit')),
      bountyDepositPayoutDelay: num(b('BountyDepositPayoutDelay')),
      bountyUpdatePeriod: num(b('BountyUpdatePeriod')),
      bountyValueMinimum: big(b('BountyValueMinimum')),
    },
    holdings: holdingsOf(items, pot, rates),
    deactivated: big(one('Treasury.Deactivated')),
    lastSpendPeriod: one('Treasury.LastSpendPeriod') ? num(one('Treasury.LastSpendPeriod')) : null,
    spendCount: num(one('Treasury.SpendCount')),
    spends: all(items, 'Treasury.Spends')
      .map((d) => {
        const v = d.value;
        return {
          index: num(d.args[0]),
          asset: placeAsset(items, v.assetKind),
          amount: big(v.amount),
          beneficiary: placeAccount(v.beneficiary),
          validFrom: num(v.validFrom),
          expireAt: num(v.expireAt),
          status: v.status.type,
          paymentId: v.status.isAttempted ? big(v.status.asAttempted.id) : null,
          approvedBy: null,
        };
      })
      .sort((a, z) => a.index - z.index),
    proposalCount: num(one('Treasury.ProposalCount')),
    proposals: all(items, 'Treasury.Proposals')
      .map((d) => ({
        index: num(d.args[0]),
        proposer: ss58(d.value.proposer),
        value: big(d.value.value),
        beneficiary: ss58(d.value.beneficiary),
        bond: big(d.value.bond),
      }))
      .sort((a, z) => a.index - z.index),
    approvals: one('Treasury.Approvals').map(num),
  };
}

/** The status fields both legacy pallets store (curator, beneficiary, update due, unlock at). */
function legacyFields(
  s: C,
): Pick<ChildBounty, 'status' | 'curator' | 'beneficiary' | 'updateDue' | 'unlockAt'> {
  const inner = s.value;
  const field = (name: string) => (inner && typeof inner.get === 'function' ? inner.get(name) : undefined);
  const curator = field('curator');
  const beneficiary = field('beneficiary');
  return {
    status: s.type,
    curator: curator ? ss58(curator) : null,
    beneficiary: beneficiary ? ss58(beneficiary) : null,
    updateDue: field('updateDue') ? num(field('updateDue')) : null,
    unlockAt: field('unlockAt') ? num(field('unlockAt')) : null,
  };
}

function multiFields(
  s: C,
): Pick<ChildBounty, 'status' | 'curator' | 'beneficiary' | 'paymentStatus' | 'paymentId'> {
  const inner = s.value;
  const field = (name: string) => (inner && typeof inner.get === 'function' ? inner.get(name) : undefined);
  const curator = field('curator');
  const payment = field('paymentStatus');
  const someCurator =
    curator && (curator.isSome !== undefined ? (curator.isSome ? curator.unwrap() : null) : curator);
  return {
    status: s.type,
    curator: someCurator ? ss58(someCurator) : null,
    beneficiary: field('beneficiary') ? placeAccount(field('beneficiary')) : null,
    paymentStatus: payment ? payment.type : null,
    paymentId: payment?.isAttempted ? big(payment.asAttempted.id) : null,
  };
}

const NONE = {
  fee: null,
  curatorDeposit: null,
  curator: null,
  beneficiary: null,
  updateDue: null,
  unlockAt: null,
  paymentStatus: null,
  paymentId: null,
  description: null,
  metadataHash: null,
};

export function readBounties(items: Items): BountiesState {
  const native: AssetRef = { key: 'native', symbol: 'KSM', decimals: 12 };
  const byId = (name: string, id: number) => all(items, name).find((d) => num(d.args[0]) === id)?.value;
  const approvals: number[] = (all(items, 'Bounties.BountyApprovals')[0]?.value ?? []).map(num);
  const legacy: Bounty[] = all(items, 'Bounties.Bounties').map((d) => {
    const id = num(d.args[0]);
    const v = d.value;
    const children: ChildBounty[] = all(items, 'ChildBounties.ChildBounties')
      .filter((c) => num(c.args[0]) === id)
      .map((c) => ({
        ...NONE,
        id: num(c.args[1]),
        parent: id,
        asset: native,
        value: big(c.value.value),
        fee: big(c.value.fee),
        curatorDeposit: big(c.value.curatorDeposit),
        ...legacyFields(c.value.status),
        description: text(
          all(items, 'ChildBounties.ChildBountyDescriptionsV1').find(
            (x) => num(x.args[0]) === id && num(x.args[1]) === num(c.args[1]),
          )?.value,
        ),
      }))
      .sort((a, z) => a.id - z.id);
    const total = byId('ChildBounties.ParentTotalChildBounties', id);
    const fees = byId('ChildBounties.ChildrenCuratorFees', id);
    return {
      ...NONE,
      id,
      pallet: 'bounties',
      ref: bountyRef('bounties', id),
      asset: native,
      value: big(v.value),
      fee: big(v.fee),
      curatorDeposit: big(v.curatorDeposit),
      ...legacyFields(v.status),
      description: text(byId('Bounties.BountyDescriptions', id)),
      proposer: ss58(v.proposer),
      bond: big(v.bond),
      awaitingFunding: approvals.includes(id),
      children,
      childrenTotal: total ? num(total) : 0,
      childrenValue: fees ? big(fees) : 0n,
    };
  });
  const deposit = (parent: number, child: number | null) =>
    all(items, 'MultiAssetBounties.CuratorDeposit').find(
      (d) =>
        num(d.args[0]) === parent &&
        (child === null ? d.args[1].isNone : d.args[1].isSome && num(d.args[1].unwrap()) === child),
    )?.value;
  const multi: Bounty[] = all(items, 'MultiAssetBounties.Bounties').map((d) => {
    const id = num(d.args[0]);
    const v = d.value;
    const asset = placeAsset(items, v.assetKind);
    const children: ChildBounty[] = all(items, 'MultiAssetBounties.ChildBounties')
      .filter((c) => num(c.args[0]) === id)
      .map((c) => {
        const cd = deposit(id, num(c.args[1]));
        return {
          ...NONE,
          id: num(c.args[1]),
          parent: id,
          asset,
          value: big(c.value.value),
          curatorDeposit: cd ? big(cd) : null,
          ...multiFields(c.value.status),
          metadataHash: c.value.metadata.toHex(),
        };
      })
      .sort((a, z) => a.id - z.id);
    const cd = deposit(id, null);
    const total = byId('MultiAssetBounties.TotalChildBountiesPerParent', id);
    const value = byId('MultiAssetBounties.ChildBountiesValuePerParent', id);
    return {
      ...NONE,
      id,
      pallet: 'multiAssetBounties',
      ref: bountyRef('multiAssetBounties', id),
      asset,
      value: big(v.value),
      curatorDeposit: cd ? big(cd) : null,
      ...multiFields(v.status),
      metadataHash: v.metadata.toHex(),
      proposer: null,
      bond: null,
      awaitingFunding: false,
      children,
      childrenTotal: total ? num(total) : 0,
      childrenValue: value ? big(value) : 0n,
    };
  });
  const count = (name: string) => all(items, name)[0]?.value;
  const multiCount = count('MultiAssetBounties.BountyCount');
  return {
    bountyCount: num(count('Bounties.BountyCount')),
    multiAssetBountyCount: multiCount === undefined ? null : num(multiCount),
    childBountyCount: num(count('ChildBounties.ChildBountyCount')),
    approvals,
    bounties: [...legacy.sort((a, z) => a.id - z.id), ...multi.sort((a, z) => a.id - z.id)],
  };
}
