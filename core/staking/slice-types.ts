/**
 * Slices: the compact, JSON-ready (after bigint → string) inputs of the staking views.
 * The builders cut them from one Snapshot; the store persists them per account, per validator and per era.
 */
import type { StakingConstants } from '../types/chain-constants.js';
import type {
  ActiveEra,
  Address,
  BondedPool,
  Nominations,
  PoolMember,
  RewardDestination,
  StakingLedger,
  ValidatorPrefs,
} from '../types/staking.js';

/** What one validator's payout in one era depends on. */
export interface ValidatorEraFigures {
  era: number;
  validator: Address;
  /** The validator's era reward points (0 when it earned none). */
  points: number;
  /** Commission applied to this era's payout (erasValidatorPrefs), Perbill parts. */
  commission: number;
  total: bigint;
  own: bigint;
  nominatorCount: number;
  pageCount: number;
  /** Nominator stake on each page, indexed by page. */
  pageTotals: bigint[];
  /** Pages already paid out (claimedRewards). */
  claimed: number[];
  /**
   * The validator's share of the era's self-stake incentive pot (weight / Σ weights × budget, rounded
   * down), paid out across its pages; left out when it has none.
   */
  incentive?: bigint;
}

export interface AccountExposure {
  era: number;
  validator: Address;
  page: number;
  value: bigint;
  /** True for a validator's own stake (paid with page 0), false for a nomination. */
  own: boolean;
}

export interface TargetSlice {
  validator: Address;
  /** Current prefs, or null when the target is no longer a validator candidate. */
  prefs: ValidatorPrefs | null;
  /** In the active era's elected set. */
  active: boolean;
  /** Commission applied in the active era, when elected. */
  activeEraCommission: number | null;
}

export interface PoolEraReward {
  era: number;
  /** Estimated reward of the pool's bonded account for the era, before pool commission. */
  reward: bigint;
}

/** One era's estimated reward of an account, with the commission part of it. */
export interface AccountEraReward extends PoolEraReward {
  /**
   * The commission a validator's own exposure brought in, included in `reward`; left out when 0.
   * Slices stored before the split have no `commission` at all (see `eraRewardsSplit`).
   */
  commission?: bigint;
}

export interface PoolMembershipSlice {
  member: PoolMember;
  /** Null when the member points at a pool missing from the snapshot. */
  pool: BondedPool | null;
  /** The pool bonded account's ledger (0 when missing). */
  bondedActive: bigint;
  bondedTotal: bigint;
  targetCount: number;
  activeTargetCount: number;
  /** The pool's stake in the active era's exposures. */
  exposedThisEra: bigint;
  eraRewards: PoolEraReward[];
  /** `NominationPools.GlobalMaxCommission`, which caps the pool's commission. */
  globalMaxCommission: number | null;
}

export interface AccountStakingSlice {
  /** The account in Kusama form. */
  address: Address;
  /** The stash whose ledger the account holds or controls. */
  stash: Address | null;
  /** The address is the controller, not the stash, of `stash`. */
  viaController: boolean;
  ledger: StakingLedger | null;
  /** Staking.LastValidatorEra of the stash; left out when it has none. */
  lastValidatorEra?: number;
  payee: RewardDestination | null;
  nominations: Nominations | null;
  /** Current prefs when the stash is a validator candidate. */
  validatorPrefs: ValidatorPrefs | null;
  targets: TargetSlice[];
  /**
   * The stash's exposures that a view still needs, oldest era first: every exposure of the active
   * era, and every exposure of a paid era whose page is not claimed yet. Claimed past pages are
   * summed into `eraRewards` instead, which keeps the slice small (it is stored per account).
   */
  exposures: AccountExposure[];
  /** Figures of each (era, validator) the exposures refer to. */
  validatorEras: ValidatorEraFigures[];
  /**
   * The stash's estimated reward in each of the last 28 paid eras it was exposed in (claimed or not),
   * for APY: the whole reward (own stake, commission, self-stake incentive), with its commission part.
   */
  eraRewards: AccountEraReward[];
  /**
   * True when `eraRewards` carry their commission part. Slices stored before the split lack it: their
   * rewards are whole, exact for a nominator (no commission) but not splittable for a validator.
   */
  eraRewardsSplit?: boolean;
  /** Paid eras of the window in which the stash was exposed at all. */
  exposedEras: number;
  /** Pages holding the stash in paid eras that were already paid out, and so left out of `exposures`. */
  claimedPages: number;
  pool: PoolMembershipSlice | null;
  /** Set when the address is a nomination pool's own bonded or reward account. */
  poolAccount: { poolId: number; kind: 'bonded' | 'reward' } | null;
}

export interface ValidatorSlice {
  address: Address;
  /** Current prefs, null when not a candidate any more. */
  prefs: ValidatorPrefs | null;
  ledger: StakingLedger | null;
  payee: RewardDestination | null;
  /** Nominators whose current targets include this validator. */
  nominatedBy: number;
  /** Every era of the window in which it was elected, oldest first. */
  eras: ValidatorEraFigures[];
}

/** Network figures of one era of the window. */
export interface EraFigures {
  era: number;
  validatorReward: bigint | null;
  totalStake: bigint;
  totalPoints: number;
  electedCount: number;
  /** Commission of the elected set weighted by era points (plain mean when no points), Perbill parts. */
  weightedCommission: number;
}

export interface EraStart {
  era: number;
  startMs: number;
}

export interface EraSlice {
  /** The runtime's staking rules; missing from era slices stored before they were read. */
  constants?: StakingConstants;
  /** `genesisHash` is missing from era slices stored before it was kept. */
  anchor: { blockNumber: number; relayBlock: number; timestampMs: number; genesisHash?: string };
  activeEra: ActiveEra;
  currentEra: number | null;
  offenceQueueEarliestEra: number | null;
  /**
   * The era before the active one when `Staking.UnappliedSlashes` holds a slash for it: the chain
   * refuses every withdrawal until it is applied. Missing from era slices stored before it was kept.
   */
  withdrawalsRefusedBySlashEra?: number | null;
  minNominatorBond: bigint;
  minimumActiveStake: bigint;
  candidateCount: number;
  electedCount: number;
  waitingCount: number;
  nominatorCount: number;
  poolCount: number;
  poolMemberCount: number;
  /** The window's eras, oldest first. */
  eras: EraFigures[];
  /** Known era starts (the active one from the snapshot, older ones carried over by the store). */
  eraStarts: EraStart[];
}
