/**
 * Where a treasury spend stands at a relay block, as `pallet_treasury` judges it: `payout` needs
 * `validFrom <= now < expireAt` and a Pending or Failed status; an Attempted payment waits for
 * `check_status`; once `now >= expireAt` an unpaid spend can no longer be claimed (and
 * `check_status` removes it).
 */
import type { TreasurySpend } from '../types/treasury.js';

export type SpendPhase =
  /** Pending, before `validFrom`: not claimable yet. */
  | 'upcoming'
  /** Pending and within its window: `treasury.payout(index)` claims it. */
  | 'claimable'
  /** Payout attempted: `treasury.checkStatus(index)` settles it (removed on success, Failed on failure). */
  | 'attempted'
  /** The payment failed and the window is still open: `treasury.payout(index)` retries it. */
  | 'failed'
  /** Never paid and past `expireAt`: lost. */
  | 'expired';

export const SPEND_PHASES: readonly SpendPhase[] = [
  'upcoming',
  'claimable',
  'attempted',
  'failed',
  'expired',
];

export function spendPhase(
  spend: Pick<TreasurySpend, 'status' | 'validFrom' | 'expireAt'>,
  relayBlock: number,
): SpendPhase {
  if (spend.status === 'Attempted') return 'attempted';
  if (relayBlock >= spend.expireAt) return 'expired';
  if (spend.status === 'Failed') return 'failed';
  return relayBlock < spend.validFrom ? 'upcoming' : 'claimable';
}

/** Relay blocks left to claim, or 0 once expired. */
export function blocksToExpiry(spend: Pick<TreasurySpend, 'expireAt'>, relayBlock: number): number {
  return Math.max(0, spend.expireAt - relayBlock);
}
