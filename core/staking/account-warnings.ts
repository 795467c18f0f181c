/** Which warnings an account view carries. */
import type { AccountView } from './account-view.js';
import type { ViewContext } from './context.js';
import type { AccountStakingSlice } from './slice-types.js';
import { type AccountWarning, UNCLAIMED_WARNING_ERAS } from './warnings.js';

export function accountWarnings(
  slice: AccountStakingSlice,
  view: AccountView,
  ctx: ViewContext,
): AccountWarning[] {
  if (!view.known) return [{ code: 'unknown-account' }];
  const out: AccountWarning[] = [];
  const ledger = slice.ledger;
  const staking = slice.nominations !== null || slice.validatorPrefs !== null;

  if (ledger) {
    if (ledger.active === 0n && ledger.unlocking.length > 0) out.push({ code: 'fully-unbonding' });
    else if (!staking)
      out.push({ code: view.earning.exposedThisEra > 0n ? 'stopped-staking' : 'not-nominating' });
  }
  if (staking && view.earning.exposedThisEra === 0n)
    out.push({ code: 'no-active-stake', poolEarning: view.earning.viaPool });
  if (view.nominations && view.nominations.targets.length > 0) {
    const anyActive = view.nominations.targets.some((t) => t.status.startsWith('active'));
    if (!anyActive) out.push({ code: 'no-active-targets' });
  }
  if (slice.nominations && ledger) {
    if (ledger.active < ctx.minimumActiveStake) {
      out.push({
        code: 'below-minimum-active-stake',
        active: ledger.active,
        minimum: ctx.minimumActiveStake,
      });
    }
    if (ledger.active < ctx.minNominatorBond) {
      out.push({ code: 'below-min-nominator-bond', active: ledger.active, minimum: ctx.minNominatorBond });
    }
    if (slice.nominations.submittedIn >= ctx.activeEra.index) {
      out.push({ code: 'nominations-recent', submittedIn: slice.nominations.submittedIn });
    }
  }
  const unbonding = [view.bond.unlocking, view.pool?.unbonding].filter((u) => u !== undefined);
  const withdrawable = unbonding.reduce((sum, u) => sum + u.withdrawable, 0n);
  if (withdrawable > 0n) out.push({ code: 'withdrawable', amount: withdrawable });
  const refused = unbonding
    .flatMap((u) => u.chunks)
    .filter((c) => c.status === 'held-by-unapplied-slash')
    .reduce((sum, c) => sum + c.value, 0n);
  if (refused > 0n && ctx.withdrawalsRefusedBySlashEra !== null) {
    out.push({
      code: 'withdrawal-held-by-unapplied-slash',
      slashEra: ctx.withdrawalsRefusedBySlashEra,
      amount: refused,
    });
  }
  const held = unbonding.some((u) => u.chunks.some((c) => c.status === 'held-by-offence-queue'));
  if (held && ctx.offenceQueueEarliestEra !== null) {
    out.push({ code: 'withdrawal-held-by-offence-queue', offenceEra: ctx.offenceQueueEarliestEra });
  }
  const soonest = view.unclaimed.soonest;
  if (soonest && soonest.erasLeft <= UNCLAIMED_WARNING_ERAS) {
    out.push({ code: 'unclaimed-expiring', era: soonest.era, erasLeft: soonest.erasLeft });
  }
  if (slice.payee?.kind === 'None') out.push({ code: 'payee-none' });
  if (view.pool) {
    const poolId = view.pool.poolId;
    if (view.pool.state === null) out.push({ code: 'pool-missing', poolId });
    else if (view.pool.state !== 'Open') out.push({ code: 'pool-not-open', poolId, state: view.pool.state });
    if (view.pool.state !== null && view.pool.memberPoints > 0n && !view.pool.earningThisEra)
      out.push({ code: 'pool-not-earning', poolId });
  }
  return out;
}
