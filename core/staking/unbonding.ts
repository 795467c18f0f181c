/**
 * Unlocking chunks. staking-async (`calculate_earliest_withdrawal_era`) lets a chunk go when
 * `chunk.era ≤ min(activeEra, offenceQueueEarliestEra − 1 + BondingDuration)`; pools use the active era too.
 */
import { BONDING_DURATION_ERAS } from '../kusama/constants.js';
import type { ViewContext } from './context.js';
import { type EraEta, eraStartEta } from './era-timing.js';

export type ChunkStatus = 'withdrawable' | 'unbonding' | 'held-by-offence-queue';

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
}

export function earliestWithdrawalEra(activeEra: number, offenceQueueEarliestEra: number | null): number {
  if (offenceQueueEarliestEra === null) return activeEra;
  const byOffences = Math.max(0, offenceQueueEarliestEra - 1) + BONDING_DURATION_ERAS;
  return Math.min(activeEra, byOffences);
}

export function unlockingView(
  chunks: ReadonlyArray<{ value: bigint; era: number }>,
  ctx: ViewContext,
): UnlockingSummary {
  const active = ctx.activeEra.index;
  const earliest = earliestWithdrawalEra(active, ctx.offenceQueueEarliestEra);
  const offenceBound =
    ctx.offenceQueueEarliestEra === null
      ? Number.POSITIVE_INFINITY
      : Math.max(0, ctx.offenceQueueEarliestEra - 1) + BONDING_DURATION_ERAS;
  let withdrawable = 0n;
  let unbonding = 0n;
  const views = [...chunks]
    .sort((a, b) => a.era - b.era)
    .map((chunk): UnlockingView => {
      let status: ChunkStatus = 'unbonding';
      if (chunk.era <= earliest) status = 'withdrawable';
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
  return { chunks: views, withdrawable, unbonding, earliestWithdrawalEra: earliest };
}
