/**
 * Multi-asset bounties (`MultiAssetBounties`, runtimes that have it): bounties paid in any asset, in
 * every status with each payment state, and an Active one with a child in each status. They keep
 * no block numbers; their metadata is a preimage hash; a curator's deposit is in `CuratorDeposit`
 * from acceptance on.
 */
import type { Address } from '../../core/types/index.js';
import {
  type AssetRef,
  type Bounty,
  type BountyStatus,
  bountyRef,
  type ChildBounty,
  type PaymentStatus,
} from '../../core/types/treasury.js';
import { KSM } from './amounts.js';
import type { BountyModel } from './bounty-model.js';
import type { Rng } from './rng.js';
import { assetRef } from './treasury-assets.js';

export interface MultiAssetCases {
  fundingPending: string;
  fundingAttempted: string;
  fundingFailed: string;
  fundingSucceeded: string;
  funded: string;
  curatorUnassigned: string;
  active: string;
  refundAttempted: string;
  payoutAttempted: string;
  /** A USDT bounty and a KSM bounty. */
  usdt: string;
  ksm: string;
  withChildren: string;
  children: Record<
    'fundingAttempted' | 'funded' | 'active' | 'payoutAttempted',
    { parent: number; id: number }
  >;
}

/** A bounty or child with nothing set beyond id, asset and value. */
export function common(id: number, asset: AssetRef, value: bigint): Omit<ChildBounty, 'parent'> {
  return {
    id,
    asset,
    value,
    fee: null,
    curatorDeposit: null,
    status: 'Proposed',
    curator: null,
    beneficiary: null,
    updateDue: null,
    unlockAt: null,
    paymentStatus: null,
    paymentId: null,
    description: null,
    metadataHash: null,
  };
}

const MULTI: Array<[keyof MultiAssetCases, BountyStatus, PaymentStatus | null]> = [
  ['fundingPending', 'FundingAttempted', 'Pending'],
  ['fundingAttempted', 'FundingAttempted', 'Attempted'],
  ['fundingFailed', 'FundingAttempted', 'Failed'],
  ['fundingSucceeded', 'FundingAttempted', 'Succeeded'],
  ['funded', 'Funded', null],
  ['curatorUnassigned', 'CuratorUnassigned', null],
  ['active', 'Active', null],
  ['refundAttempted', 'RefundAttempted', 'Attempted'],
  ['payoutAttempted', 'PayoutAttempted', 'Attempted'],
  ['withChildren', 'Active', null],
];

function hash(rng: Rng): string {
  return `0x${Array.from(rng.bytes(32), (b) => b.toString(16).padStart(2, '0')).join('')}`;
}

function multiCommon(
  rng: Rng,
  m: Omit<ChildBounty, 'parent'>,
  status: BountyStatus,
  payment: PaymentStatus | null,
  curator: Address,
  people: Address[],
  deposit: bigint,
): void {
  m.status = status;
  m.metadataHash = hash(rng);
  m.paymentStatus = payment;
  m.paymentId = payment === 'Attempted' ? BigInt(rng.int(1, 90_000)) : null;
  m.curator =
    status === 'CuratorUnassigned' || (status === 'RefundAttempted' && rng.chance(0.5)) ? null : curator;
  if (status === 'Active' || status === 'PayoutAttempted') m.curatorDeposit = deposit;
  if (status === 'PayoutAttempted') m.beneficiary = rng.pick(people);
}

/** A multi-asset bounty as `fund_bounty` stores it, before its status and curator are set. */
export function newMultiAssetBounty(id: number, asset: AssetRef, value: bigint): Bounty {
  return {
    ...common(id, asset, value),
    pallet: 'multiAssetBounties',
    ref: bountyRef('multiAssetBounties', id),
    proposer: null,
    bond: null,
    awaitingFunding: false,
    children: [],
    childrenTotal: 0,
    childrenValue: 0n,
  };
}

export function addMultiAsset(rng: Rng, m: BountyModel, curators: Address[], people: Address[]): void {
  const cases = {} as MultiAssetCases;
  MULTI.forEach(([name, status, payment], id) => {
    const usdt = id % 2 === 0;
    const asset = usdt ? assetRef('USDT') : assetRef('KSM');
    const value = usdt ? rng.bigint(5_000n, 200_000n) * 1_000_000n : rng.bigint(100n * KSM, 10_000n * KSM);
    const b = newMultiAssetBounty(id, asset, value);
    multiCommon(
      rng,
      b,
      status,
      payment,
      curators[id % curators.length]!,
      people,
      rng.bigint(KSM / 10n, 10n * KSM),
    );
    (cases as unknown as Record<string, string>)[name] = b.ref;
    m.state.bounties.push(b);
  });
  cases.usdt = cases.fundingPending;
  cases.ksm = cases.fundingAttempted;
  const parent = m.state.bounties.find((b) => b.ref === cases.withChildren)!;
  cases.children = {} as MultiAssetCases['children'];
  const kinds: Array<[keyof MultiAssetCases['children'], BountyStatus, PaymentStatus | null]> = [
    ['fundingAttempted', 'FundingAttempted', 'Attempted'],
    ['funded', 'Funded', null],
    ['active', 'Active', null],
    ['payoutAttempted', 'PayoutAttempted', 'Attempted'],
  ];
  let paid = parent.value / BigInt(rng.int(10, 20));
  kinds.forEach(([name, status, payment], k) => {
    const id = k + 1;
    const child: ChildBounty = {
      ...common(id, parent.asset, parent.value / BigInt(rng.int(8, 16))),
      parent: parent.id,
    };
    multiCommon(
      rng,
      child,
      status,
      payment,
      curators[(k + 1) % curators.length]!,
      people,
      rng.bigint(KSM / 10n, KSM),
    );
    paid += child.value;
    parent.children.push(child);
    cases.children[name] = { parent: parent.id, id };
  });
  parent.childrenTotal = kinds.length + 1;
  parent.childrenValue = paid;
  m.state.multiAssetBountyCount = MULTI.length;
  m.cases.multiAsset = cases;
}
