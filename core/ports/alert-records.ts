/** The public contract of the alert records: delivery idempotency, subscriber settings, the detector's cursor. */
import type { Alert } from '../../core/alerts/alert-types.js';
import type { DeliveryTarget } from '../../core/ports/notifier.js';
import type { AlertSettings } from '../../core/subscriptions/settings.js';

/**
 * pending: a dispatcher holds it (until `leaseUntilMs`) and may be sending it right now.
 * retry / deferred: waiting until `nextAtMs` (a failed attempt, or quiet hours).
 * sent, failed, gone: final.
 */
export type DeliveryState = 'pending' | 'retry' | 'deferred' | 'sent' | 'failed' | 'gone';

export interface DeliveryRecord {
  target: DeliveryTarget;
  alert: Alert;
  subscriptionId: string;
  state: DeliveryState;
  /** Failed send attempts so far. */
  attempts: number;
  owner: string | null;
  leaseUntilMs: number | null;
  nextAtMs: number | null;
  error: string | null;
  messageIds: string[];
  createdAtMs: number;
  updatedAtMs: number;
}

export type DeliveryClaim =
  | { claimed: true; record: DeliveryRecord }
  /** Someone else holds it, it is waiting, or it is final: `record` says which. */
  | { claimed: false; record: DeliveryRecord };

export interface DetectorCursor {
  /** The newest version whose alerts were fanned out. */
  version: number;
  /** The chain endpoint that version was read from, when known. */
  endpoint: string | null;
  updatedAtMs: number;
}

export interface AlertRecordStore {
  /**
   * Takes the (alert, target) pair for sending: creates its record as pending, or takes over one
   * whose wait is over or whose holder's lease ran out. One conditional write; at most one
   * dispatcher wins.
   */
  claim(
    target: DeliveryTarget,
    alert: Alert,
    subscriptionId: string,
    owner: string,
    leaseMs: number,
  ): Promise<DeliveryClaim>;
  /**
   * The holder renews its lease just before sending: true while it still holds the record (even
   * if its lease ran out and nobody took it over), false once another dispatcher has claimed it,
   * which then sends it instead. One conditional write, serialised with `claim`.
   */
  renew(target: DeliveryTarget, alertId: string, owner: string, leaseMs: number): Promise<boolean>;
  /** The holder's transitions; false when the holder lost the record (its lease ran out and another took it). */
  markSent(target: DeliveryTarget, alertId: string, owner: string, messageIds: string[]): Promise<boolean>;
  markRetry(
    target: DeliveryTarget,
    alertId: string,
    owner: string,
    nextAtMs: number,
    error: string,
  ): Promise<boolean>;
  markDeferred(target: DeliveryTarget, alertId: string, owner: string, untilMs: number): Promise<boolean>;
  markFinal(
    target: DeliveryTarget,
    alertId: string,
    owner: string,
    state: 'failed' | 'gone',
    error: string,
  ): Promise<boolean>;
  get(target: DeliveryTarget, alertId: string): Promise<DeliveryRecord | undefined>;
  /** The target's alerts since `sinceMs`, newest first (the `missed` view). */
  recent(target: DeliveryTarget, options?: { sinceMs?: number; limit?: number }): Promise<DeliveryRecord[]>;
  /** Settings of many targets: target key → (subscription key or "*") → settings. */
  getSettings(targets: readonly DeliveryTarget[]): Promise<Map<string, Map<string, AlertSettings>>>;
  /** Sets (or with null clears) the settings of one subscription key, or "*" for the target's default. */
  putSettings(target: DeliveryTarget, key: string, settings: AlertSettings | null): Promise<void>;
  getCursor(): Promise<DetectorCursor | undefined>;
  /** Moves the cursor forward only; false when it already is at or past `version`. */
  advanceCursor(version: number, endpoint: string | null): Promise<boolean>;
  /**
   * When each of these alerts was last fanned out (a time taken before its subscribers were read):
   * a later run that detects it again sends it only to subscriptions made or changed since.
   */
  fannedOut?(alertIds: readonly string[]): Promise<Map<string, number>>;
  /** Notes that the alerts' jobs are all enqueued, as of `atMs`. */
  markFannedOut?(alertIds: readonly string[], atMs: number): Promise<void>;
}
