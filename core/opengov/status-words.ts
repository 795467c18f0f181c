/**
 * The words a referendum's state is told in, the same in the text replies and on the chart: the
 * verdict ("passing", "failing"), the reason a referendum is still preparing, and the phase.
 */
import type { PreparingReason, ReferendumView } from './view.js';

/** The verdict on a tally; null when the pallet does not judge it yet (still preparing). */
export function verdictWord(passing: boolean | null): string {
  return passing === null ? 'not deciding yet' : passing ? 'passing' : 'failing';
}

export const PREPARING_WORDS: Readonly<Record<PreparingReason, string>> = {
  preparePeriod: 'preparing',
  decisionDeposit: 'waiting for the decision deposit',
  trackQueue: 'queued for a deciding slot',
  decisionSlot: 'ready to start deciding',
};

const PHASE_WORDS: Readonly<Record<Exclude<ReferendumView['phase'], 'preparing' | 'unavailable'>, string>> = {
  deciding: 'deciding',
  confirming: 'confirming',
  approved: 'approved',
  rejected: 'rejected',
  cancelled: 'cancelled',
  timedOut: 'timed out',
  killed: 'killed',
};

/** How a referendum ended, in words ("timed out", not the pallet's `TimedOut`). */
export function endedWord(
  status: Exclude<ReferendumView['phase'], 'preparing' | 'unavailable' | 'deciding' | 'confirming'>,
): string {
  return PHASE_WORDS[status];
}

/** The phase in lower case, as a reply's "Phase:" line says it ("waiting for the decision deposit", "deciding"). */
export function phaseWord(view: ReferendumView): string {
  if (view.phase === 'preparing') return PREPARING_WORDS[view.reason];
  if (view.phase === 'unavailable') return `unavailable: ${view.message}`;
  return PHASE_WORDS[view.phase];
}

/** The same words at the start of a sentence or a title ("Deciding", "Waiting for the decision deposit"). */
export function capitalised(words: string): string {
  return words.length === 0 ? words : words[0]!.toUpperCase() + words.slice(1);
}
