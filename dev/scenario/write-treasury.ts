/** Treasury, Bounties, ChildBounties and MultiAssetBounties storage pairs (the pot's assets: treasury-assets.ts). */
import type {
  Bounty,
  ChildBounty,
  PaymentStatus,
  TreasurySpend,
  TreasuryState,
} from '../../core/types/treasury.js';
import type { BountyModel } from './bounty-model.js';
import { beneficiaryLocation } from './proposals.js';
import type { StorageContext } from './storage-context.js';
import { locatableAsset } from './treasury-assets.js';
import type { RemoteBeneficiary, TreasuryModel } from './treasury-model.js';
import type { StorageChange, StoragePair } from './types.js';

function spendStatus(s: TreasurySpend): unknown {
  return s.status === 'Attempted' ? { Attempted: { id: s.paymentId ?? 0n } } : s.status;
}

/** The `VersionedLocatableAccount` of a beneficiary: an Asset Hub account, or a remote one. */
export function beneficiaryValue(who: string, remote?: RemoteBeneficiary): unknown {
  return { V4: remote ?? beneficiaryLocation(who) };
}

export function spendValue(
  s: TreasurySpend,
  symbol: 'KSM' | 'USDT' | 'USDC',
  remote?: RemoteBeneficiary,
): unknown {
  return {
    assetKind: locatableAsset(symbol),
    amount: s.amount,
    beneficiary: beneficiaryValue(s.beneficiary, remote),
    validFrom: s.validFrom,
    expireAt: s.expireAt,
    status: spendStatus(s),
  };
}

/**
 * How Herald describes a beneficiary that is not an Asset Hub account: the `VersionedLocatableAccount`
 * as the metadata's JSON (what `toJSON()` of the decoded value gives).
 */
export function remoteDescription(ctx: StorageContext, remote: RemoteBeneficiary): string {
  const typeId = ctx.registry.lookup
    .getSiType(ctx.entry('Treasury', 'Spends').valueType)
    .def.asComposite.fields.find((f) => f.name.unwrap().toString() === 'beneficiary')!.type;
  const name = ctx.registry.lookup.getTypeDef(typeId).lookupName ?? `Lookup${typeId.toNumber()}`;
  const json = ctx.registry.createType(name, ctx.codec.encode(typeId.toNumber(), { V4: remote })).toJSON();
  return JSON.stringify(json);
}

export function spendPair(
  ctx: StorageContext,
  s: TreasurySpend,
  t: Pick<TreasuryModel, 'symbols' | 'remote'>,
): StoragePair {
  return ctx.pair('Treasury', 'Spends', [s.index], spendValue(s, t.symbols[s.index]!, t.remote[s.index]));
}

export function treasuryPairs(ctx: StorageContext, state: TreasuryState, t: TreasuryModel): StoragePair[] {
  const out: StoragePair[] = [
    ctx.pair('Treasury', 'SpendCount', [], state.spendCount),
    ctx.pair('Treasury', 'ProposalCount', [], state.proposalCount),
    ctx.pair('Treasury', 'Approvals', [], state.approvals),
    ctx.pair('Treasury', 'Deactivated', [], state.deactivated),
  ];
  if (state.lastSpendPeriod !== null)
    out.push(ctx.pair('Treasury', 'LastSpendPeriod', [], state.lastSpendPeriod));
  for (const s of state.spends) out.push(spendPair(ctx, s, t));
  for (const p of state.proposals) out.push(ctx.pair('Treasury', 'Proposals', [p.index], p));
  return out;
}

/** `pallet_bounties::BountyStatus` of a legacy bounty. */
function legacyStatus(b: Bounty): unknown {
  switch (b.status) {
    case 'CuratorProposed':
    case 'ApprovedWithCurator':
      return { [b.status]: { curator: b.curator } };
    case 'Active':
      return { Active: { curator: b.curator, updateDue: b.updateDue } };
    case 'PendingPayout':
      return { PendingPayout: { curator: b.curator, beneficiary: b.beneficiary, unlockAt: b.unlockAt } };
    default:
      return b.status;
  }
}

function childStatus(c: ChildBounty): unknown {
  if (c.status === 'CuratorProposed' || c.status === 'Active') return { [c.status]: { curator: c.curator } };
  if (c.status === 'PendingPayout')
    return { PendingPayout: { curator: c.curator, beneficiary: c.beneficiary, unlockAt: c.unlockAt } };
  return c.status;
}

export function legacyBountyValue(b: Bounty): unknown {
  return {
    proposer: b.proposer,
    value: b.value,
    fee: b.fee ?? 0n,
    curatorDeposit: b.curatorDeposit ?? 0n,
    bond: b.bond ?? 0n,
    status: legacyStatus(b),
  };
}

export function childBountyValue(c: ChildBounty): unknown {
  return {
    parentBounty: c.parent,
    value: c.value,
    fee: c.fee ?? 0n,
    curatorDeposit: c.curatorDeposit ?? 0n,
    status: childStatus(c),
  };
}

function payment(p: PaymentStatus | null, id: bigint | null): unknown {
  return p === 'Attempted' ? { Attempted: { id: id ?? 0n } } : (p ?? 'Pending');
}

/** `pallet_multi_asset_bounties::BountyStatus` of a multi-asset bounty or child. */
export function multiStatus(b: ChildBounty | Bounty): unknown {
  const paymentStatus = payment(b.paymentStatus, b.paymentId);
  switch (b.status) {
    case 'FundingAttempted':
      return { FundingAttempted: { curator: b.curator, paymentStatus } };
    case 'Funded':
    case 'Active':
      return { [b.status]: { curator: b.curator } };
    case 'RefundAttempted':
      return { RefundAttempted: { curator: b.curator, paymentStatus } };
    case 'PayoutAttempted':
      return {
        PayoutAttempted: { curator: b.curator, beneficiary: beneficiaryValue(b.beneficiary!), paymentStatus },
      };
    default:
      return b.status;
  }
}

function assetSymbol(b: Bounty): 'KSM' | 'USDT' | 'USDC' {
  return b.asset.key === 'native' ? 'KSM' : b.asset.symbol === 'USDT' ? 'USDT' : 'USDC';
}

export function multiBountyValue(b: Bounty): unknown {
  return {
    assetKind: locatableAsset(assetSymbol(b)),
    value: b.value,
    metadata: b.metadataHash,
    status: multiStatus(b),
  };
}

export function multiChildValue(c: ChildBounty): unknown {
  return { parentBounty: c.parent, value: c.value, metadata: c.metadataHash, status: multiStatus(c) };
}

export function multiBountyPairs(ctx: StorageContext, b: Bounty): StoragePair[] {
  const out: StoragePair[] = [ctx.pair('MultiAssetBounties', 'Bounties', [b.id], multiBountyValue(b))];
  if (b.curatorDeposit !== null)
    out.push(ctx.pair('MultiAssetBounties', 'CuratorDeposit', [b.id, null], b.curatorDeposit));
  if (b.childrenTotal > 0) {
    out.push(
      ctx.pair('MultiAssetBounties', 'ChildBountiesPerParent', [b.id], b.children.length),
      ctx.pair('MultiAssetBounties', 'TotalChildBountiesPerParent', [b.id], b.childrenTotal),
      ctx.pair('MultiAssetBounties', 'ChildBountiesValuePerParent', [b.id], b.childrenValue ?? 0n),
    );
  }
  for (const c of b.children) {
    out.push(ctx.pair('MultiAssetBounties', 'ChildBounties', [b.id, c.id], multiChildValue(c)));
    if (c.curatorDeposit !== null)
      out.push(ctx.pair('MultiAssetBounties', 'CuratorDeposit', [b.id, c.id], c.curatorDeposit));
  }
  return out;
}

export function legacyBountyPairs(
  ctx: StorageContext,
  b: Bounty,
  descriptions: BountyModel['descriptions'],
): StoragePair[] {
  const out: StoragePair[] = [ctx.pair('Bounties', 'Bounties', [b.id], legacyBountyValue(b))];
  const d = descriptions[b.ref];
  if (d) out.push(ctx.pair('Bounties', 'BountyDescriptions', [b.id], d));
  if (b.childrenTotal > 0) {
    out.push(
      ctx.pair('ChildBounties', 'ParentChildBounties', [b.id], b.children.length),
      ctx.pair('ChildBounties', 'ParentTotalChildBounties', [b.id], b.childrenTotal),
      ctx.pair('ChildBounties', 'ChildrenCuratorFees', [b.id], b.childrenValue ?? 0n),
    );
  }
  for (const c of b.children) {
    out.push(ctx.pair('ChildBounties', 'ChildBounties', [b.id, c.id], childBountyValue(c)));
    const cd = descriptions[`${b.id}/${c.id}`];
    if (cd) out.push(ctx.pair('ChildBounties', 'ChildBountyDescriptionsV1', [b.id, c.id], cd));
  }
  return out;
}

export function bountyPairs(ctx: StorageContext, m: BountyModel): StoragePair[] {
  const s = m.state;
  const out: StoragePair[] = [
    ctx.pair('Bounties', 'BountyCount', [], s.bountyCount),
    ctx.pair('Bounties', 'BountyApprovals', [], m.bountyApprovals),
    ctx.pair('ChildBounties', 'ChildBountyCount', [], s.childBountyCount),
  ];
  if (s.multiAssetBountyCount !== null)
    out.push(ctx.pair('MultiAssetBounties', 'BountyCount', [], s.multiAssetBountyCount));
  for (const b of s.bounties) {
    out.push(
      ...(b.pallet === 'bounties' ? legacyBountyPairs(ctx, b, m.descriptions) : multiBountyPairs(ctx, b)),
    );
  }
  return out;
}

export type { StorageChange };
