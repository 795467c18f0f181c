/** `/stake`: the complete staking position of one account, as a pure function of its slice. */
import type { Address, RewardDestination } from '../types/staking.js';
import { accountWarnings } from './account-warnings.js';
import { type ApyEstimate, accountApy, type CommissionIncome, commissionIncome, networkApy } from './apy.js';
import type { EraTiming, ViewContext } from './context.js';
import { type PoolView, poolView } from './pool-view.js';
import type { AccountStakingSlice, ValidatorEraFigures } from './slice-types.js';
import { type TargetView, targetViews } from './targets.js';
import { type UnbondTiming, unbondTiming } from './unbond-timing.js';
import { type UnlockingSummary, unlockingView } from './unbonding.js';
import { type UnclaimedSummary, unclaimedRewards } from './unclaimed.js';
import type { AccountWarning } from './warnings.js';

export type AccountRole =
  | 'stash'
  | 'controller'
  | 'validator'
  | 'nominator'
  | 'pool-member'
  | 'pool-account'
  /** No bond any more, but exposures (and maybe rewards) remain in the window. */
  | 'past-staker';

export interface AccountView {
  address: Address;
  stash: Address | null;
  controller: Address | null;
  known: boolean;
  roles: AccountRole[];
  era: { active: number; current: number | null; timing: EraTiming };
  bond: {
    total: bigint;
    active: bigint;
    unlocking: UnlockingSummary;
    /** When an unbond started now could be withdrawn; null with nothing active to unbond. */
    unbondNow: UnbondTiming | null;
  };
  payee: RewardDestination | null;
  nominations: {
    submittedIn: number;
    targets: TargetView[];
    backing: number;
    activeNotBacking: number;
    /** Candidates not elected this era (blocked ones are counted apart). */
    waiting: number;
    /** Candidates that block new nominations and were not elected this era. */
    blocked: number;
    inactive: number;
  } | null;
  validator: {
    commission: number;
    blocked: boolean;
    elected: boolean;
    ownThisEra: bigint;
    totalThisEra: bigint;
    pointsThisEra: number;
  } | null;
  earning: { thisEra: boolean; exposedThisEra: bigint; viaPool: boolean };
  pool: PoolView | null;
  unclaimed: UnclaimedSummary;
  /** `account`: the return on the active bond, commission left out (see `commissionIncome`). */
  apy: { account: ApyEstimate | null; pool: ApyEstimate | null; network: ApyEstimate };
  /**
   * What the account earned as a validator's commission over the recent paid eras; null for an
   * account that never validated in the window, and for a validator's slice stored before the split.
   */
  commissionIncome: CommissionIncome | null;
  warnings: AccountWarning[];
}

export function figuresLookup(
  list: readonly ValidatorEraFigures[],
): (era: number, validator: string) => ValidatorEraFigures | undefined {
  const map = new Map<string, ValidatorEraFigures>();
  for (const f of list) map.set(`${f.era}:${f.validator}`, f);
  return (era, validator) => map.get(`${era}:${validator}`);
}

function rolesOf(slice: AccountStakingSlice): AccountRole[] {
  const roles: AccountRole[] = [];
  if (slice.ledger && !slice.viaController) roles.push('stash');
  if (slice.viaController) roles.push('controller');
  if (slice.validatorPrefs) roles.push('validator');
  if (slice.nominations) roles.push('nominator');
  if (slice.pool) roles.push('pool-member');
  if (slice.poolAccount) roles.push('pool-account');
  if (!slice.ledger && (slice.exposures.length > 0 || slice.exposedEras > 0)) roles.push('past-staker');
  return roles;
}

/** The account validated in the window: its stored rewards may hold commission. */
function validated(slice: AccountStakingSlice): boolean {
  return (
    slice.validatorPrefs !== null ||
    slice.lastValidatorEra !== undefined ||
    slice.exposures.some((e) => e.own) ||
    slice.eraRewards.some((r) => (r.commission ?? 0n) > 0n)
  );
}

export function accountView(slice: AccountStakingSlice, ctx: ViewContext): AccountView {
  const active = ctx.activeEra.index;
  const figuresOf = figuresLookup(slice.validatorEras);
  const ledger = slice.ledger;
  const unlocking = unlockingView(ledger?.unlocking ?? [], ctx);

  const targets = slice.nominations ? targetViews(slice, active, figuresOf) : [];
  const count = (s: TargetView['status'][]) => targets.filter((t) => s.includes(t.status)).length;

  let exposedThisEra = 0n;
  let ownThisEra = 0n;
  for (const e of slice.exposures) {
    if (e.era !== active) continue;
    exposedThisEra += e.value;
    if (e.own) ownThisEra += e.value;
  }
  const stash = slice.stash;
  const ownFigures = stash ? figuresOf(active, stash) : undefined;
  const pool = slice.pool ? poolView(slice.pool, ctx) : null;
  const earningViaPool = pool?.earningThisEra ?? false;
  const validator = validated(slice);
  // A slice stored before the split has whole rewards: exact for a nominator, not for a validator.
  const split = slice.eraRewardsSplit === true || !validator;

  const view: AccountView = {
    address: slice.address,
    stash,
    controller: ledger?.controller ?? null,
    known: false,
    roles: rolesOf(slice),
    era: { active, current: ctx.currentEra, timing: ctx.timing },
    bond: {
      total: ledger?.total ?? 0n,
      active: ledger?.active ?? 0n,
      unlocking,
      unbondNow: ledger && ledger.active > 0n ? unbondTiming(ctx, slice.lastValidatorEra ?? null) : null,
    },
    payee: slice.payee,
    nominations: slice.nominations
      ? {
          submittedIn: slice.nominations.submittedIn,
          targets,
          backing: count(['active-backing']),
          activeNotBacking: count(['active-not-backing']),
          waiting: count(['waiting']),
          blocked: count(['blocked']),
          inactive: count(['not-validator']),
        }
      : null,
    validator: slice.validatorPrefs
      ? {
          commission: slice.validatorPrefs.commission,
          blocked: slice.validatorPrefs.blocked,
          elected: ownFigures !== undefined,
          ownThisEra,
          totalThisEra: ownFigures?.total ?? 0n,
          pointsThisEra: ownFigures?.points ?? 0,
        }
      : null,
    earning: { thisEra: exposedThisEra > 0n || earningViaPool, exposedThisEra, viaPool: earningViaPool },
    pool,
    unclaimed: unclaimedRewards(slice.exposures, ctx, figuresOf, slice.claimedPages),
    apy: {
      account:
        ledger && (slice.nominations || slice.validatorPrefs)
          ? accountApy(slice.eraRewards, ledger.active, ctx, split)
          : null,
      pool: pool?.apy ?? null,
      network: networkApy(ctx),
    },
    commissionIncome: validator && split ? commissionIncome(slice.eraRewards, ctx) : null,
    warnings: [],
  };
  view.known = view.roles.length > 0;
  view.warnings = accountWarnings(slice, view, ctx);
  return view;
}
