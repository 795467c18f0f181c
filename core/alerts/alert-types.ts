/**
 * Alerts as the engine detects them: a stable identity, who may receive it (its scope), and the
 * facts the message is built from. Everything is JSON-safe (planck amounts are decimal strings) so
 * an alert travels through the queue and the delivery records unchanged.
 */
import type { AccountNames } from '../identity/identity-types.js';
import type { AlertSeverity } from '../ports/notifier.js';
import { ALERT_RULES, type RuleFacts } from './rules/index.js';
import type { AlertScope } from './scope.js';

/** The facts of an alert, by kind: the union of the fact types of the rules in ./rules. */
export type AlertFacts = RuleFacts;

export type AlertKind = AlertFacts['kind'];

/** Every kind, in the registry's order. */
export const ALERT_KINDS: readonly AlertKind[] = ALERT_RULES.map((r) => r.kind);

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
  /**
   * The on-chain names of the addresses the message shows, as of the version it was detected at
   * (absent: none known). They travel with the alert, so every delivery and /missed word it alike.
   */
  names?: AccountNames;
}

export function alertKind(alert: Alert): AlertKind {
  return alert.facts.kind;
}
