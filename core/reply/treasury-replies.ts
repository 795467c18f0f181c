/**
 * The treasury and bounty answers: `/treasury`, `/spends`, `/spend <index>`, `/bounties` and
 * `/bounty <ref>`. Raw values stay raw (amounts as bigint in the asset's smallest unit, relay
 * blocks as numbers with their estimated time, asset keys, SS58 addresses, statuses and phases), so
 * the wording layer words them and a test can compare them with the chain.
 */
import type { BlockTime } from '../opengov/time.js';
import type { BountySummary } from '../snapshot/entities.js';
import type { BountyClaim } from '../treasury/bounty-claim.js';
import type { SpendPhase } from '../treasury/spend-phase.js';
import type { SpendTodo } from '../treasury/spend-todo.js';
import type { Address } from '../types/staking.js';
import type { AssetRef, Bounty, ChildBounty, TreasurySpend } from '../types/treasury.js';
import type { AccountEcho, ReferendumTitle, ReplyBase } from './reply-types.js';

export type { BountyClaim, SpendTodo };

/** One spend as the answers show it, with where it stands at the snapshot's relay block. */
export interface SpendRow {
  index: number;
  asset: AssetRef;
  amount: bigint;
  /** KSM value in planck: the amount itself for KSM, via `rateToNative` for an asset with a rate; else null. */
  nativeValue: bigint | null;
  /** SS58 (prefix 2) or the chain's description of a non-local beneficiary. */
  beneficiary: string;
  validFrom: BlockTime;
  expireAt: BlockTime;
  status: TreasurySpend['status'];
  paymentId: bigint | null;
  phase: SpendPhase;
  /** Relay blocks left to claim (0 once expired). */
  blocksToExpiry: number;
  approvedBy: number | null;
  todo: SpendTodo;
}

export interface HoldingRow {
  asset: AssetRef;
  balance: bigint;
  /** Raw FixedU128 (1e18 = 1), null without a rate (and for KSM). */
  rateToNative: bigint | null;
  /** Its value in KSM planck (the balance for KSM), null without a rate. */
  nativeValue: bigint | null;
}

/** One thing the next spend period pays, in the order `spend_funds` tries them. */
export interface FundingItem {
  kind: 'proposal' | 'bounty';
  /** Proposal index, or the bounty's id (legacy Bounties). */
  id: number;
  value: bigint;
  /** The proposal's beneficiary; null for a bounty. */
  beneficiary: Address | null;
  /** Whether the pot (less what comes before it) covers it; otherwise it waits and nothing is burnt. */
  funded: boolean;
}

/** The next spend period as `pallet_treasury`'s `on_initialize` will reach it, and what it does. */
export interface SpendPeriodView {
  spendPeriod: number;
  /** `LastSpendPeriod` as stored (null when unset). */
  lastSpendPeriod: number | null;
  /** The relay block the next period starts at (the first block at or after it runs `spend_funds`). */
  next: BlockTime;
  /** The period's block has passed at the snapshot's relay block: it runs at the next Asset Hub block. */
  overdue: boolean;
  /** Free KSM of the treasury account less the existential deposit. */
  pot: bigint;
  /** The existential deposit the pot subtracts (`Balances.ExistentialDeposit` of the snapshot's runtime). */
  existentialDeposit: bigint;
  funding: FundingItem[];
  /** Sum of `funding` that the pot covers. */
  fundedTotal: bigint;
  /** Sum of everything waiting. */
  requestedTotal: bigint;
  burnPermill: number;
  /** What `Burn` takes of the pot as it stands now. */
  burnOfPotNow: bigint;
  /** What the period would burn: `Burn` of what is left after funding, or 0 when something waiting was not funded. */
  burnAtPeriod: bigint;
}

/** Spends of one asset in one phase. */
export interface PhaseSum {
  phase: SpendPhase;
  count: number;
  amount: bigint;
}

/** The unpaid, unexpired spends of one asset. */
export interface AssetSpendSum {
  asset: AssetRef;
  count: number;
  amount: bigint;
  nativeValue: bigint | null;
  byPhase: PhaseSum[];
}

export interface TreasuryReply extends ReplyBase {
  type: 'treasury';
  account: Address;
  holdings: HoldingRow[];
  /** Sum of `nativeValue` over the holdings that have one, in KSM planck. */
  totalNative: bigint;
  /** Holdings without a rate (left out of the total). */
  unpriced: AssetRef[];
  period: SpendPeriodView;
  spendCount: number;
  /** Spends not paid and not expired, per asset (KSM first, then by key). */
  pending: AssetSpendSum[];
  /** Unpaid spends expiring within `expiringWithinBlocks`, soonest first. */
  expiringSoon: SpendRow[];
  expiringWithinBlocks: number;
  /** How many more expire in that window than `expiringSoon` shows. */
  expiringOmitted: number;
}

/** `/spends` filter words. */
export const SPENDS_FILTERS = ['pending', 'claimable', 'expiring', 'failed'] as const;
export type SpendsFilter = (typeof SPENDS_FILTERS)[number];

export interface SpendsReply extends ReplyBase {
  type: 'spends';
  filter: SpendsFilter;
  beneficiary: AccountEcho | null;
  /** Matching spends in all. */
  total: number;
  /** Sorted by expiry (soonest first), then index; cut to what the platforms fit. */
  rows: SpendRow[];
  omitted: number;
  /** The window of `expiring`, in relay blocks. */
  expiringWithinBlocks: number;
}

export interface SpendReply extends ReplyBase {
  type: 'spend';
  index: number;
  spend: SpendRow | null;
  /** The approving referendum's title, when known. */
  approvedByTitle?: ReferendumTitle;
  /** When absent: `removed` (index < SpendCount: paid, voided or expired and cleared) or `never`. */
  absent: 'removed' | 'never' | null;
  spendCount: number;
}

export interface ChildBountyRow {
  child: ChildBounty;
  updateDue: BlockTime | null;
  claim: BountyClaim;
}

export interface BountyRow {
  bounty: BountySummary;
  updateDue: BlockTime | null;
  claim: BountyClaim;
}

/** `/bounties` status words. */
export const BOUNTIES_FILTERS = [
  'live',
  'proposed',
  'funded',
  'active',
  'curator',
  'claimable',
  'all',
] as const;
export type BountiesFilter = (typeof BOUNTIES_FILTERS)[number];

export interface BountiesReply extends ReplyBase {
  type: 'bounties';
  filter: BountiesFilter;
  bountyCount: number;
  multiAssetBountyCount: number | null;
  childBountyCount: number;
  total: number;
  rows: BountyRow[];
  omitted: number;
}

export interface BountyReply extends ReplyBase {
  type: 'bounty';
  ref: string;
  /** As stored, without its children (rows below); block numbers raw. */
  bounty: Omit<Bounty, 'children'> | null;
  /** `bounty.updateDue` as a time. */
  updateDue: BlockTime | null;
  claim: BountyClaim;
  children: ChildBountyRow[];
  /** Why there is no bounty: `removed` (below the pallet's count: paid out, closed or rejected) or `never`. */
  absent: 'removed' | 'never' | null;
  /** Whether the runtime has the multi-asset bounties pallet (statemine 1,009,003 has not). */
  multiAssetPallet: boolean;
}
