/**
 * The staking rules of the runtime a snapshot was read with: the `Staking` pallet's constants from
 * that runtime's metadata, and the storage value that switches which of them applies to nominators.
 */
export interface StakingConstants {
  /** Staking.HistoryDepth: eras whose rewards can still be paid out (`currentEra − depth ..= currentEra`). */
  historyDepth: number;
  /** Staking.BondingDuration: eras an unbond takes for validators, and for nominators while slashable. */
  bondingDuration: number;
  /**
   * Staking.NominatorFastUnbondDuration: eras a nominator's unbond takes while nominators are not
   * slashable; null in runtimes without it (statemine 1,009,003).
   */
  nominatorFastUnbondDuration: number | null;
  /** Staking.AreNominatorsSlashable (storage, set by governance); true in runtimes without it. */
  nominatorsSlashable: boolean;
  /** Staking.SessionsPerEra: relay sessions in an era. */
  sessionsPerEra: number;
  /** Staking.MaxExposurePageSize: nominators on one exposure page. */
  maxExposurePageSize: number;
  /** The self-stake incentive curve governance set (storage); null where none is set or the runtime has none. */
  selfStakeIncentive: SelfStakeIncentive | null;
}

/**
 * Staking.OptimumSelfStake, HardCapSelfStake and SelfStakeSlopeFactor: a validator's incentive weight
 * grows as √(own stake) up to the optimum, more slowly (by the slope factor) up to the cap, then not.
 */
export interface SelfStakeIncentive {
  optimum: bigint;
  hardCap: bigint;
  /** Perbill parts. */
  slopeParts: number;
}
