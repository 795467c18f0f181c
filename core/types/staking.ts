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

/** A pool's commission (`Commission` of the pallet); rates are Perbill parts, blocks are relay blocks. */
export interface PoolCommission {
  current: { rate: number; payee: Address } | null;
  max: number | null;
  /** At most `maxIncrease` more every `minDelay` blocks; null when none is set. */
  changeRate: { maxIncrease: number; minDelay: number } | null;
  /** The block the change rate counts from (the last commission update). */
  throttleFrom: number | null;
}

/** `RewardPools` of the pool: the counters its members' pending rewards are computed from. */
export interface RewardPoolRecord {
  /** FixedU128 inner value (10^18 is 1 planck per point). */
  lastRecordedRewardCounter: bigint;
  lastRecordedTotalPayouts: bigint;
  totalRewardsClaimed: bigint;
  totalCommissionPending: bigint;
  totalCommissionClaimed: bigint;
}

/** One unbonding pool: its points and what they are worth (less than the points once slashed). */
export interface UnbondPoolRecord {
  points: bigint;
  balance: bigint;
}

/** `SubPoolsStorage` of the pool: one unbond pool per unlock era, older eras merged into `noEra`. */
export interface SubPoolsRecord {
  noEra: UnbondPoolRecord;
  /** Oldest era first. */
  withEra: Array<{ era: number } & UnbondPoolRecord>;
}

export interface BondedPool {
  id: number;
  state: PoolState;
  points: bigint;
  memberCounter: number;
  roles: { depositor: Address; root: Address | null; nominator: Address | null; bouncer: Address | null };
  commission: PoolCommission;
  /** The pool's bonded stash account (derived from the pool id). */
  bondedAccount: Address;
  /** `Metadata` as a name fit to show (see core/identity/sanitize.ts), or null when it has none. */
  name: string | null;
  /** Null when the chain has no reward pool for it (never so for a consistent pool). */
  rewardPool: RewardPoolRecord | null;
  /** What the reward account can pay out: its free balance less the frozen existential deposit. */
  rewardBalance: bigint;
  /** Null when no member ever unbonded. */
  subPools: SubPoolsRecord | null;
}

/** Chain-wide pool settings that the member figures depend on. */
export interface PoolRules {
  /** `GlobalMaxCommission`: a pool's commission is capped at it when rewards are split. */
  globalMaxCommission: number | null;
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
