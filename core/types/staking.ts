/**
 * Staking state as the chain holds it on Kusama Asset Hub (pallet_staking_async, nomination pools).
 * Accounts are SS58 strings with prefix 2; balances are planck as bigint; commission is Perbill parts.
 */
export type Address = string;

export interface ActiveEra {
  index: number;
  /** Era start in ms since the epoch, or null while the era has not started yet. */
  startMs: number | null;
}

export interface ValidatorPrefs {
  stash: Address;
  /** Perbill parts, 0..1e9. */
  commission: number;
  blocked: boolean;
}

export interface ExposureOverview {
  validator: Address;
  total: bigint;
  own: bigint;
  nominatorCount: number;
  pageCount: number;
}

export interface IndividualExposure {
  who: Address;
  value: bigint;
}

export interface ExposurePage {
  validator: Address;
  page: number;
  pageTotal: bigint;
  others: IndividualExposure[];
}

export interface Nominations {
  stash: Address;
  targets: Address[];
  submittedIn: number;
  suppressed: boolean;
}

export interface UnlockChunk {
  value: bigint;
  /** Era at which the chunk becomes withdrawable. */
  era: number;
}

export interface StakingLedger {
  stash: Address;
  /** The account the ledger is stored under (staking.ledger key). */
  controller: Address;
  total: bigint;
  active: bigint;
  unlocking: UnlockChunk[];
}

export type RewardDestination =
  | { kind: 'Staked' }
  | { kind: 'Stash' }
  | { kind: 'Controller' }
  | { kind: 'Account'; account: Address }
  | { kind: 'None' };

export interface EraRewardPoints {
  total: number;
  individual: Record<Address, number>;
}

/**
 * The validator self-stake incentive of one era (statemine 2,003,000 on): a pot shared by elected
 * validators by the weight their own stake gave them at the election, paid with their payout pages.
 */
export interface EraIncentive {
  /** Staking.ErasValidatorIncentiveBudget: the era's pot, set when the era ends. */
  budget: bigint;
  /** Staking.ErasSumValidatorIncentiveWeight. */
  totalWeight: bigint;
  /** Staking.ErasValidatorIncentiveWeight of each validator that has one. */
  weights: Record<Address, bigint>;
}

/** One era of the history window. Exposures of a written era never change. */
export interface EraHistory {
  era: number;
  /** Null when the era has not been paid yet (the active era) or was pruned. */
  validatorReward: bigint | null;
  totalStake: bigint;
  rewardPoints: EraRewardPoints;
  /** staking.erasValidatorPrefs for the era: commission applied to that era's payout. */
  prefs: Record<Address, ValidatorPrefs>;
  overviews: Record<Address, ExposureOverview>;
  pages: ExposurePage[];
  /** staking.claimedRewards(era, validator): pages already paid out. */
  claimed: Record<Address, number[]>;
  /** The era's self-stake incentive; left out when its budget is zero (always so before it is paid). */
  incentive?: EraIncentive;
}

export type PoolState = 'Open' | 'Blocked' | 'Destroying';

export interface BondedPool {
  id: number;
  state: PoolState;
  points: bigint;
  memberCounter: number;
  roles: { depositor: Address; root: Address | null; nominator: Address | null; bouncer: Address | null };
  commission: { current: { rate: number; payee: Address } | null; max: number | null };
  /** The pool's bonded stash account (derived from the pool id). */
  bondedAccount: Address;
}

export interface PoolMember {
  who: Address;
  poolId: number;
  points: bigint;
  lastRecordedRewardCounter: bigint;
  /** Unbonding points keyed by the era they unlock in. */
  unbondingEras: Array<{ era: number; points: bigint }>;
}

/**
 * A validator's slash: applied (`staking.validatorSlashInEra`, keyed by the offence era) or still
 * waiting (`staking.unappliedSlashes`, keyed by the era it will be applied in).
 */
export interface SlashRecord {
  validator: Address;
  era: number;
  kind: 'applied' | 'unapplied';
  /** Slashed fraction in Perbill parts, when known. */
  fraction: number | null;
  /** Planck slashed (applied) or to be slashed (unapplied: own plus others). */
  amount: bigint;
}
