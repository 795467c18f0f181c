/**
 * Alerts as the engine detects them: a stable identity, who may receive it (its scope), and the
 * facts the message is built from. Everything is JSON-safe (planck amounts are decimal strings) so
 * an alert travels through the queue and the delivery records unchanged.
 */
import type { AlertSeverity } from '../ports/notifier.js';
import type { PoolState } from '../types/staking.js';

/** A relay block and its estimated wall-clock time (relay blocks are 6 s). */
export interface BlockAt {
  block: number;
  atMs: number;
}

export type EndedOutcome = 'rejected' | 'timedOut' | 'cancelled' | 'killed';
export type DeadlineKind = 'decision' | 'confirm';

export type AlertFacts =
  | { kind: 'ref-submitted'; referendum: number; track: number; proposal: string | null }
  | { kind: 'ref-decision-started'; referendum: number; track: number; decisionEnd: BlockAt | null }
  | { kind: 'ref-confirm-started'; referendum: number; track: number; confirmEnd: BlockAt }
  | { kind: 'ref-confirm-aborted'; referendum: number; track: number; decisionEnd: BlockAt | null }
  | {
      kind: 'ref-approved';
      referendum: number;
      track: number | null;
      approved: BlockAt;
      enactment: BlockAt | null;
    }
  | { kind: 'ref-ended'; referendum: number; track: number | null; outcome: EndedOutcome; ended: BlockAt }
  | {
      kind: 'ref-deadline';
      referendum: number;
      track: number;
      deadline: DeadlineKind;
      end: BlockAt;
      leadMinutes: number;
      remainingMs: number;
    }
  | {
      kind: 'ref-not-voted';
      referendum: number;
      track: number;
      address: string;
      end: BlockAt;
      leadMinutes: number;
      remainingMs: number;
      /** Set when the address delegates its votes on the track. */
      delegate: { address: string; voted: boolean } | null;
    }
  | { kind: 'era-paid'; address: string; era: number; estimate: string }
  | { kind: 'target-left-active'; address: string; validator: string; era: number }
  | { kind: 'target-chilled'; address: string; validator: string }
  | { kind: 'target-blocked'; address: string; validator: string }
  | { kind: 'commission-raised'; address: string; validator: string; from: number; to: number }
  | {
      kind: 'validator-slashed';
      address: string;
      validator: string;
      era: number;
      fraction: number | null;
      amount: string;
    }
  | { kind: 'unapplied-slash'; address: string; validator: string; era: number; amount: string }
  | { kind: 'no-active-nomination'; address: string; era: number; targets: number }
  | { kind: 'unbond-withdrawable'; address: string; era: number; value: string; via: 'ledger' | 'pool' }
  | {
      kind: 'rewards-expiring';
      address: string;
      era: number;
      erasLeft: number;
      estimate: string;
      pages: number;
    }
  | { kind: 'pool-state'; address: string; poolId: number; from: PoolState | null; to: PoolState }
  | { kind: 'snapshot-stale'; version: number; relayBlock: number; ageMs: number; staleAfterMs: number }
  | { kind: 'endpoint-failover'; version: number; from: string | null; to: string };

export type AlertKind = AlertFacts['kind'];

export const ALERT_KINDS: readonly AlertKind[] = [
  'ref-submitted',
  'ref-decision-started',
  'ref-confirm-started',
  'ref-confirm-aborted',
  'ref-approved',
  'ref-ended',
  'ref-deadline',
  'ref-not-voted',
  'era-paid',
  'target-left-active',
  'target-chilled',
  'target-blocked',
  'commission-raised',
  'validator-slashed',
  'unapplied-slash',
  'no-active-nomination',
  'unbond-withdrawable',
  'rewards-expiring',
  'pool-state',
  'snapshot-stale',
  'endpoint-failover',
];

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
