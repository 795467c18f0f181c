/**
 * The treasury and its bounties as Kusama Asset Hub stores them (`Treasury`, `Bounties`,
 * `ChildBounties`, `MultiAssetBounties`, `AssetRate`, and the pot's balances in `System`, `Assets`
 * and `ForeignAssets`). Every block number here is a relay-chain block (6 s each): the treasury
 * reads time through the relay chain's block number on Asset Hub, and so do the bounty pallets.
 */
import type { Address } from './staking.js';

/**
 * An asset as Herald names it. `key` is stable across runs and runtimes: `native` for KSM,
 * `assets:<id>` for the Assets pallet (instance 50), `foreign:<location JSON>` for ForeignAssets,
 * `unknown:<hex>` for a kind Herald cannot place. `symbol` and `decimals` come from the chain's
 * asset metadata where it has some.
 */
export interface AssetRef {
  key: string;
  symbol: string;
  decimals: number;
}

/** What the treasury holds of one asset, and its rate to KSM where `AssetRate` has one. */
export interface TreasuryHolding {
  asset: AssetRef;
  /** Free balance of the treasury account (for KSM: `System.Account.data.free`). */
  balance: bigint;
  /**
   * `AssetRate.ConversionRateToNative` as the raw FixedU128 (1e18 = 1): native = amount × rate / 1e18,
   * both in smallest units. Null when the chain has no rate (always null for KSM itself).
   */
  rateToNative: bigint | null;
}

/** `PaymentState` of a spend (the treasury) or of a multi-asset bounty's payment. */
export type PaymentStatus = 'Pending' | 'Attempted' | 'Failed' | 'Succeeded';

/** One `Treasury.Spends` entry, exactly as stored, with the asset and beneficiary placed. */
export interface TreasurySpend {
  index: number;
  asset: AssetRef;
  amount: bigint;
  /** SS58 (prefix 2) when the beneficiary is an account on Asset Hub, else a short description. */
  beneficiary: string;
  validFrom: number;
  expireAt: number;
  /** `Pending`, `Attempted` (with `paymentId`) or `Failed`; a spend never stores `Succeeded`. */
  status: Exclude<PaymentStatus, 'Succeeded'>;
  paymentId: bigint | null;
  /** The referendum whose enactment created it, when Herald saw that referendum's call; else null. */
  approvedBy: number | null;
}

/** A legacy `Treasury.Proposals` entry (approved ones wait in `Approvals` for the next spend period). */
export interface TreasuryProposal {
  index: number;
  proposer: Address;
  value: bigint;
  beneficiary: Address;
  bond: bigint;
}

/** The treasury's constants, read from the pinned block's metadata. */
export interface TreasuryConstants {
  /** `pot_account`: the treasury's account. */
  account: Address;
  spendPeriod: number;
  /** `Burn` as a Permill (parts per million of the pot burnt each spend period). */
  burnPermill: number;
  payoutPeriod: number;
  maxApprovals: number;
  /** `Balances.ExistentialDeposit`: the part of the account's free balance that is not the pot. */
  existentialDeposit: bigint;
  /** Bounties' constants (null when the runtime has no Bounties pallet). */
  bountyDepositPayoutDelay: number | null;
  bountyUpdatePeriod: number | null;
  bountyValueMinimum: bigint | null;
}

export interface TreasuryState {
  constants: TreasuryConstants;
  /** KSM first, then the other assets by key. Only assets with a nonzero balance. */
  holdings: TreasuryHolding[];
  /** `Treasury.Deactivated`. */
  deactivated: bigint;
  /** `Treasury.LastSpendPeriod` (null when unset: the next period starts at a multiple of spendPeriod). */
  lastSpendPeriod: number | null;
  spendCount: number;
  /** Every `Treasury.Spends` entry, ascending by index. */
  spends: TreasurySpend[];
  proposalCount: number;
  proposals: TreasuryProposal[];
  /** `Treasury.Approvals`: legacy proposals funded at the next spend period. */
  approvals: number[];
}

export type BountyPallet = 'bounties' | 'multiAssetBounties';

/**
 * A bounty's status, as either pallet names it. `Bounties`: Proposed, Approved, Funded,
 * CuratorProposed, Active, PendingPayout, ApprovedWithCurator. `ChildBounties`: Added,
 * CuratorProposed, Active, PendingPayout. `MultiAssetBounties`: FundingAttempted, Funded,
 * CuratorUnassigned, Active, RefundAttempted, PayoutAttempted.
 */
export type BountyStatus =
  | 'Proposed'
  | 'Approved'
  | 'Funded'
  | 'CuratorProposed'
  | 'Active'
  | 'PendingPayout'
  | 'ApprovedWithCurator'
  | 'Added'
  | 'FundingAttempted'
  | 'CuratorUnassigned'
  | 'RefundAttempted'
  | 'PayoutAttempted';

/** The fields a bounty and a child bounty share; absent parts are null. */
export interface BountyCommon {
  id: number;
  asset: AssetRef;
  value: bigint;
  /** The curator's fee (legacy pallets only). */
  fee: bigint | null;
  curatorDeposit: bigint | null;
  status: BountyStatus;
  curator: Address | null;
  /** SS58 of the awarded beneficiary, or a short description when it is not a local account. */
  beneficiary: string | null;
  /** Active (legacy bounty): the relay block by which the curator must post an update. */
  updateDue: number | null;
  /** PendingPayout (legacy): the relay block from which the beneficiary can claim. */
  unlockAt: number | null;
  /** Multi-asset bounties: the state of the funding, refund or payout payment. */
  paymentStatus: PaymentStatus | null;
  paymentId: bigint | null;
  /** The description as text (legacy pallets store it on chain; null when absent or not UTF-8). */
  description: string | null;
  /** Multi-asset bounties: the preimage hash of their metadata. */
  metadataHash: string | null;
}

export interface ChildBounty extends BountyCommon {
  parent: number;
}

export interface Bounty extends BountyCommon {
  pallet: BountyPallet;
  /** What users type and the entity id: `12` for Bounties #12, `m3` for MultiAssetBounties #3. */
  ref: string;
  proposer: Address | null;
  bond: bigint | null;
  /** In `Bounties.BountyApprovals` (funded at the next spend period). */
  awaitingFunding: boolean;
  /** Live child bounties, ascending by id. */
  children: ChildBounty[];
  /** Children ever added (`ParentTotalChildBounties` / `TotalChildBountiesPerParent`). */
  childrenTotal: number;
  /** Legacy: `ChildrenCuratorFees`; multi-asset: `ChildBountiesValuePerParent`. */
  childrenValue: bigint | null;
}

export interface BountiesState {
  bountyCount: number;
  /** `MultiAssetBounties.BountyCount`, or null when the runtime lacks the pallet. */
  multiAssetBountyCount: number | null;
  childBountyCount: number;
  /**
   * `Bounties.BountyApprovals` in stored order: the approved bounties the next spend period funds,
   * in this order, while the pot covers each.
   */
  approvals: number[];
  /** Legacy bounties by id ascending, then multi-asset bounties by id ascending. */
  bounties: Bounty[];
}

/** `m3` for a multi-asset bounty, `12` for a legacy one. */
export function bountyRef(pallet: BountyPallet, id: number): string {
  return pallet === 'multiAssetBounties' ? `m${id}` : String(id);
}
