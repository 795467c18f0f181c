/**
 * What anyone can do about a treasury spend in each phase (`pallet_treasury` calls, any signed
 * origin): `payout(index)` claims a claimable spend and retries a failed one; `check_status(index)`
 * settles an attempted payment (removing the spend once paid, marking it Failed otherwise) and
 * removes a spend that expired unpaid; a spend not valid yet waits for `validFrom`.
 */
import type { BlockTime } from '../opengov/time.js';
import type { SpendPhase } from './spend-phase.js';

export type SpendTodo =
  | { action: 'payout'; call: string }
  | { action: 'check-status'; call: string }
  | { action: 'wait'; from: BlockTime };

export const payoutCall = (index: number): string => `treasury.payout(${index})`;
export const checkStatusCall = (index: number): string => `treasury.checkStatus(${index})`;

export function spendTodo(index: number, phase: SpendPhase, validFrom: BlockTime): SpendTodo {
  switch (phase) {
    case 'claimable':
    case 'failed':
      return { action: 'payout', call: payoutCall(index) };
    case 'attempted':
    case 'expired':
      return { action: 'check-status', call: checkStatusCall(index) };
    case 'upcoming':
      return { action: 'wait', from: validFrom };
  }
}
