/**
 * Alerts as the engine detects them: a stable identity, who may receive it (its scope), and the
 * facts the message is built from. Everything is JSON-safe (planck amounts are decimal strings) so
 * an alert travels through the queue and the delivery records unchanged.
 */
import type { AlertSeverity } from '../ports/notifier.js';
import { ALERT_RULES, type RuleFacts } from './rules/index.js';

/** A relay block and its estimated wall-clock time (relay blocks are 6 s). */
export interface BlockAt {
  block: number;
  atMs: number;
}

export type EndedOutcome = 'rejected' | 'timedOut' | 'cancelled' | 'killed';
export type DeadlineKind = 'decision' | 'confirm';

/** The facts of an alert, by kind: the union of the fact types of the rules in ./rules. */
export type AlertFacts = RuleFacts;

export type AlertKind = AlertFacts['kind'];

/** Every kind, in the registry's order. */
export const ALERT_KINDS: readonly AlertKind[] = ALERT_RULES.map((r) => r.kind);

/** Who may receive an alert: the subscription kind that routes it, and what it is filtered by. */
export type AlertScope =
  /** Subscribers of referenda on all tracks or on `track`. */
  | { type: 'referendum'; referendum: number; track: number | null }
  /** Deadline subscribers whose scope covers the referendum and whose lead times include `leadMinutes`. */
  | { type: 'deadline'; referendum: number; track: number; leadMinutes: number; remainingMs: number }
  /** Subscribers watching `address`. */
  | { type: 'address'; address: string }
  /** The operators' targets from configuration. */
  | { type: 'operator' };

export interface Alert {
  /** Stable identity: the same change seen twice has the same id. */
  id: string;
  severity: AlertSeverity;
  scope: AlertScope;
  /** The store version and relay block the alert was detected at, and that data's chain time. */
  version: number;
  relayBlock: number;
  dataAtMs: number;
  facts: AlertFacts;
  /** The chain name of the referendum's track ("small_spender"), when the alert concerns one. */
  trackName?: string;
}

export function alertKind(alert: Alert): AlertKind {
  return alert.facts.kind;
}
