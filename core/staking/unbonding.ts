/**
 * Unlocking chunks, by staking-async's `withdraw_unbonded`: it is refused whole while
 * `Staking.UnappliedSlashes` holds a slash for the era before the active one
 * (`UnappliedSlashesInPreviousEra`); otherwise it lets a chunk go when
 * `chunk.era ≤ min(activeEra, offenceQueueEarliestEra − 1 + BondingDuration)`
 * (`calculate_earliest_withdrawal_era`). A pool member's withdrawal calls the pool's, so the same holds.
 */
import type { ViewContext } from './context.js';
import { type EraEta, eraStartEta } from './era-timing.js';

export type ChunkStatus =
  | 'withdrawable'
  | 'unbonding'
  | 'held-by-offence-queue'
  /** Its era has come, but withdrawals are refused until the previous era's slashes are applied. */
  | 'held-by-unapplied-slash';

export interface UnlockingView {
  value: bigint;
  /** The era from which the chunk can be withdrawn. */
  era: number;
  status: ChunkStatus;
  /** Eras until `era` becomes active (0 once reached). */
  erasLeft: number;
  /** Estimated start of `era`; null once reached. */
  eta: EraEta | null;
  /** A queued offence will hold the chunk even after its era arrives, until the offence is processed. */
  offenceQueueMayDelay: boolean;
}

export interface UnlockingSummary {
  chunks: UnlockingView[];
  withdrawable: bigint;
  unbonding: bigint;
  /** Earliest era the chain lets withdrawals reach right now. */
  earliestWithdrawalEra: number;
  /** The era whose unapplied slashes make the chain refuse every withdrawal now, or null. */
  withdrawalsRefusedBySlashEra: number | null;
}

/** `bondingDuration`: the runtime's Staking.BondingDuration (the chain uses it for nominators too). */
export function earliestWithdrawalEra(
  activeEra: number,
  offenceQueueEarliestEra: number | null,
  bondingDuration: number,
): number {
  if (offenceQueueEarliestEra === null) return activeEra;
  const byOffences = Math.max(0, offenceQueueEarliestEra - 1) + bondingDuration;
  return Math.min(activeEra, byOffences);
}

/**
 * The era whose unapplied slashes make `withdraw_unbonded` fail now: the one before the active era,
 * when `Staking.UnappliedSlashes` holds any slash keyed by it (the chain checks from active era 2 on).
 */
export function slashEraRefusingWithdrawals(
  activeEra: number,
  slashes: ReadonlyArray<{ era: number; kind: 'applied' | 'unapplied' }>,
): number | null {
  if (activeEra <= 1) return null;
  const previous = activeEra - 1;
  return slashes.some((s) => s.kind === 'unapplied' && s.era === previous) ? previous : null;
}

export function unlockingView(
  chunks: ReadonlyArray<{ value: bigint; era: number }>,
  ctx: ViewContext,
): UnlockingSummary {
  const active = ctx.activeEra.index;
  const { bondingDuration } = ctx.constants;
  const earliest = earliestWithdrawalEra(active, ctx.offenceQueueEarliestEra, bondingDuration);
  const refusedBy = ctx.withdrawalsRefusedBySlashEra;
  const offenceBound =
    ctx.offenceQueueEarliestEra === null
      ? Number.POSITIVE_INFINITY
      : Math.max(0, ctx.offenceQueueEarliestEra - 1) + bondingDuration;
  let withdrawable = 0n;
  let unbonding = 0n;
  const views = [...chunks]
    .sort((a, b) => a.era - b.era)
    .map((chunk): UnlockingView => {
      let status: ChunkStatus = 'unbonding';
      if (chunk.era <= earliest) status = refusedBy === null ? 'withdrawable' : 'held-by-unapplied-slash';
      else if (chunk.era <= active) status = 'held-by-offence-queue';
      if (status === 'withdrawable') withdrawable += chunk.value;
      else unbonding += chunk.value;
      return {
        value: chunk.value,
        era: chunk.era,
        status,
        erasLeft: Math.max(0, chunk.era - active),
        eta: chunk.era > active ? eraStartEta(ctx, chunk.era) : null,
        offenceQueueMayDelay: status !== 'withdrawable' && chunk.era > offenceBound,
      };
    });
  return {
    chunks: views,
    withdrawable,
    unbonding,
    earliestWithdrawalEra: earliest,
    withdrawalsRefusedBySlashEra: refusedBy,
  };
}
