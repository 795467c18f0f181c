/**
 * The words alert rules speak in: who may receive an alert (its scope), and the relay blocks and
 * outcomes their facts carry. Apart from alert-types.ts, which builds the union of every rule's
 * facts from the registry, so a rule never imports what is built from it.
 */
import type { TreasuryAmount } from '../subscriptions/treasury-filter.js';

/** A relay block and its estimated wall-clock time (relay blocks are 6 s). */
export interface BlockAt {
  block: number;
  atMs: number;
}

export type EndedOutcome = 'rejected' | 'timedOut' | 'cancelled' | 'killed';
export type DeadlineKind = 'decision' | 'confirm';

/** Who may receive an alert: the subscription kind that routes it, and what it is filtered by. */
export type AlertScope =
  /** Subscribers of referenda on all tracks or on `track`. */
  | { type: 'referendum'; referendum: number; track: number | null }
  /** Deadline subscribers whose scope covers the referendum and whose lead times include `leadMinutes`. */
  | { type: 'deadline'; referendum: number; track: number; leadMinutes: number; remainingMs: number }
  /** Subscribers watching `address`. */
  | { type: 'address'; address: string }
  /**
   * Treasury subscribers whose asset and minimum the amount passes, and the subscribers of any of
   * `addresses` (a spend's beneficiary, a bounty's curator or beneficiary), unfiltered.
   */
  | ({ type: 'treasury'; addresses: string[] } & TreasuryAmount)
  /**
   * Coretime subscribers: all of them (`below` null, a new sale), or those whose price level is
   * `below` (the price reached it).
   */
  | { type: 'coretime'; below: string | null }
  /** Subscribers of `para`; with `stallMinutes`, only those whose stall time it is. */
  | { type: 'para'; para: number; stallMinutes?: number }
  /** The operators' targets from configuration. */
  | { type: 'operator' };
