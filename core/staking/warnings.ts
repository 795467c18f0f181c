/** Conditions a `/stake` answer should point out. Data only: the bots word them. */
import type { PoolState } from '../types/staking.js';

/** Unclaimed rewards this close to expiry (in eras, ~6 h each) raise a warning. */
export const UNCLAIMED_WARNING_ERAS = 4;

export type AccountWarning =
  /** No ledger, nominations, exposure or pool membership: every figure is zero. */
  | { code: 'unknown-account' }
  /** Bonded, but neither nominating nor validating. */
  | { code: 'not-nominating' }
  /** Bonded, neither nominating nor validating now, but still exposed this era (chilled after the election). */
  | { code: 'stopped-staking' }
  /**
   * Nominating or validating, but none of the bond is in this era's exposures; `poolEarning`: the
   * account's pool stake earns this era all the same.
   */
  | { code: 'no-active-stake'; poolEarning: boolean }
  /** None of the nominated targets was elected this era. */
  | { code: 'no-active-targets' }
  /** Active bond under the smallest active nominator stake of the last election: its nominations may be left out. */
  | { code: 'below-minimum-active-stake'; active: bigint; minimum: bigint }
  | { code: 'below-min-nominator-bond'; active: bigint; minimum: bigint }
  /** Nominations changed in the active era: a later election applies them. */
  | { code: 'nominations-recent'; submittedIn: number }
  | { code: 'fully-unbonding' }
  | { code: 'withdrawable'; amount: bigint }
  | { code: 'withdrawal-held-by-offence-queue'; offenceEra: number }
  /** Chunks whose era has come, refused while slashes due in `slashEra` are not applied. */
  | { code: 'withdrawal-held-by-unapplied-slash'; slashEra: number; amount: bigint }
  | { code: 'unclaimed-expiring'; era: number; erasLeft: number }
  /** Reward destination None: payouts are not made. */
  | { code: 'payee-none' }
  | { code: 'pool-missing'; poolId: number }
  | { code: 'pool-not-open'; poolId: number; state: PoolState }
  | { code: 'pool-not-earning'; poolId: number };

export type ValidatorWarning =
  /** Not a candidate, not elected in the window (`historyDepth` eras), not bonded. */
  | { code: 'unknown-validator'; historyDepth: number }
  | { code: 'not-a-candidate' }
  | { code: 'blocked' }
  | { code: 'chilled-but-elected' }
  | { code: 'unclaimed-expiring'; era: number; erasLeft: number };
