/** Plain-language wording of staking warnings and of how return figures are computed, for every platform. */

import { formatKsm } from '../format/balance.js';
import { formatDuration } from '../format/duration.js';
import { APY_FORMULAS, type ApyEstimate } from './apy.js';
import type { EraTiming } from './context.js';
import type { UnbondTiming } from './unbond-timing.js';
import type { ValidatorView } from './validator-view.js';
import type { AccountWarning, ValidatorWarning } from './warnings.js';

function erasLeftText(erasLeft: number): string {
  if (erasLeft <= 0) return 'they expire at the next era change';
  return `${erasLeft} era${erasLeft === 1 ? '' : 's'} left to claim them`;
}

export function describeAccountWarning(w: AccountWarning): string {
  switch (w.code) {
    case 'unknown-account':
      return 'This account has no bond, nominations, pool membership or rewards on Kusama staking: everything is zero.';
    case 'not-nominating':
      return 'The stash is bonded but neither nominates nor validates, so it earns nothing.';
    case 'stopped-staking':
      return 'The stash no longer nominates or validates: it still earns this era from the last election, and nothing once the next election leaves it out.';
    case 'no-active-stake':
      return w.poolEarning
        ? 'Your own bond backs no active validator this era, so it earns nothing this era; only your pool stake earns.'
        : 'None of your stake backs an active validator this era, so it earns nothing this era.';
    case 'no-active-targets':
      return 'None of your nominated validators is in the active set this era.';
    case 'below-minimum-active-stake':
      return `Your active bond ${formatKsm(w.active)} is under the minimum active stake of ${formatKsm(w.minimum)}: your nominations may be left out of the election.`;
    case 'below-min-nominator-bond':
      return `Your active bond ${formatKsm(w.active)} is under the minimum nominator bond of ${formatKsm(w.minimum)}.`;
    case 'nominations-recent':
      return `Your nominations changed in era ${w.submittedIn}; they count from a later election.`;
    case 'fully-unbonding':
      return 'All of your bond is unbonding: nothing is staked.';
    case 'withdrawable':
      return `${formatKsm(w.amount)} has finished unbonding and can be withdrawn.`;
    case 'withdrawal-held-by-unapplied-slash':
      return `${formatKsm(w.amount)} has finished unbonding, but staking refuses every withdrawal until the slashes due in era ${w.slashEra} are applied (anyone may apply them).`;
    case 'withdrawal-held-by-offence-queue':
      return `An offence from era ${w.offenceEra} is still being processed: withdrawals wait until it is.`;
    case 'unclaimed-expiring':
      return `Rewards of era ${w.era} are still unclaimed: ${erasLeftText(w.erasLeft)}.`;
    case 'payee-none':
      return 'Rewards go to no one: the reward destination is None, so payouts to this stash are not made. Set a destination to be paid.';
    case 'pool-missing':
      return `Pool ${w.poolId} is not in the snapshot.`;
    case 'pool-not-open':
      return `Pool ${w.poolId} is ${w.state === 'Destroying' ? 'being destroyed' : 'blocked'}.`;
    case 'pool-not-earning':
      return `Pool ${w.poolId} backs no active validator this era, so it earns nothing this era.`;
  }
}

export function describeValidatorWarning(w: ValidatorWarning): string {
  switch (w.code) {
    case 'unknown-validator':
      return `This account is not a validator and was not elected in the last ${w.historyDepth} eras.`;
    case 'not-a-candidate':
      return 'No longer a validator candidate (chilled).';
    case 'blocked':
      return 'Blocks new nominations.';
    case 'chilled-but-elected':
      return 'Chilled, but still in the active set until the era ends.';
    case 'unclaimed-expiring':
      return `Era ${w.era} is not fully paid out: ${erasLeftText(w.erasLeft)}.`;
  }
}

/** "1.2 KSM over the last 8 paid eras (curve: optimum self-stake 2,000 KSM, cap 5,000 KSM)". */
export function describeIncentive(i: NonNullable<ValidatorView['incentive']>): string {
  const eras = `${i.recent.length} paid era${i.recent.length === 1 ? '' : 's'}`;
  const curve = i.curve
    ? ` (curve: optimum self-stake ${formatKsm(i.curve.optimum)}, cap ${formatKsm(i.curve.hardCap)})`
    : '';
  return `${formatKsm(i.total)} over the last ${eras}${curve}`;
}

/** Why an unbond started now takes its eras, e.g. "28 eras, the bonding duration". */
export function describeUnbondRule(t: UnbondTiming): string {
  const eras = `${t.eras} era${t.eras === 1 ? '' : 's'}`;
  switch (t.rule) {
    case 'bonding-duration':
      return `${eras}, the bonding duration`;
    case 'fast':
      return `${eras}, the nominators' unbonding duration (nominators are not slashable)`;
    case 'recent-validator':
      return `${eras}, the full bonding duration: elected as a validator in era ${t.lastValidatorEra}`;
  }
}

export function describeEraTiming(t: EraTiming): string {
  return t.source === 'measured'
    ? `era length ${formatDuration(t.eraLengthMs)}, measured over ${t.samples} recent era${t.samples === 1 ? '' : 's'}`
    : `era length ${formatDuration(t.eraLengthMs)} (nominal; no measured era lengths yet)`;
}

/**
 * How a return figure is computed, e.g. "APR over eras 9,772–9,799 (28 paid eras), era length 6h
 * (nominal…). Network APR = …". Shown by `/help apy`, not under every answer.
 */
export function apyFootnote(estimate: ApyEstimate, timing: EraTiming): string {
  const span =
    estimate.firstEra === null || estimate.lastEra === null
      ? 'no paid era in the snapshot yet'
      : `eras ${estimate.firstEra}–${estimate.lastEra} (${estimate.erasUsed} paid era${estimate.erasUsed === 1 ? '' : 's'})`;
  return `APR (simple, not compounded) over ${span}, ${describeEraTiming(timing)}. ${APY_FORMULAS[estimate.formula]}`;
}
