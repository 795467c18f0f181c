/** The public contract of the subscription store (alert routing for both bots). */

import type { DeliveryTarget } from '../../core/ports/notifier.js';
import type {
  Subscription,
  SubscriptionKind,
  SubscriptionSpec,
  Target,
} from '../subscriptions/subscription-model.js';

export type SubscribeResult =
  | {
      outcome: 'created' | 'unchanged' | 'updated';
      subscription: Subscription;
      /** Subscriptions the target holds now. */
      count: number;
      /** The target had been disabled and this subscribe enabled it again. */
      reenabled: boolean;
    }
  | { outcome: 'limit-reached'; which: 'total' | 'address'; count: number; limit: number };

export type UnsubscribeSelector =
  | { type: 'id'; id: string }
  | { type: 'key'; key: string }
  | { type: 'kind'; kind: SubscriptionKind }
  | { type: 'all' };

export interface UnsubscribeResult {
  removed: Subscription[];
  remaining: number;
  /** Index items that could not be deleted; readers skip them, so alerts stop regardless. */
  warnings: string[];
}

export interface TargetSubscriptions {
  target: Target;
  createdAtMs: number;
  disabled: { reason: string; atMs: number } | null;
  subscriptions: Subscription[];
}

/** Who gets an event: one row per (target, subscription) that matches and whose target is enabled. */
export interface Subscriber {
  target: DeliveryTarget;
  subscription: Subscription;
}

export type SubscriberQuery =
  /** Every subscriber of a kind (the alert engine's full scan of one kind). */
  | { kind: SubscriptionKind }
  /** A referendum event on `track`: subscribers of all referenda and of that track. */
  | { kind: 'referenda'; track: number }
  /** A deadline of `referendum` on `track`: all, that track, that referendum. */
  | { kind: 'deadlines'; track: number; referendum: number }
  /** Deadlines of several referenda at once: the union of each one's subscribers, each read once. */
  | { kind: 'deadlines'; of: ReadonlyArray<{ track: number; referendum: number }> }
  | { kind: 'address'; address: string }
  /** Subscribers of one para (any stall time). */
  | { kind: 'para'; para: number };

export interface SubscriptionStore {
  /** Idempotent: the same spec twice is one subscription ("unchanged"); new lead times "updated" it. */
  subscribe(target: Target, spec: SubscriptionSpec): Promise<SubscribeResult>;
  unsubscribe(target: DeliveryTarget, selector: UnsubscribeSelector): Promise<UnsubscribeResult>;
  listSubscriptions(target: DeliveryTarget): Promise<TargetSubscriptions | undefined>;
  subscribersOf(query: SubscriberQuery): Promise<Subscriber[]>;
  /**
   * The lead times of deadline subscriptions, from a summary of one item (not a read of every
   * deadline subscriber): which deadline windows the alert engine opens. When the summary is missing
   * or not yet complete, every deadline subscriber is read instead (and returned), and the summary
   * is rebuilt from them.
   */
  deadlineLeads(): Promise<DeadlineLeads>;
  /**
   * The same for any kind whose settings tell the engine what to look for: one spec per distinct
   * setting some subscription holds (deadlines: scope all with one lead time; coretime: a price
   * level; para: a para and stall time).
   */
  watchedSettings(kind: SummarisedKind): Promise<WatchedSettings>;
  /** Every address some enabled or disabled target watches (the engine diffs only these). */
  watchedAddresses(): Promise<string[]>;
  /** After the platform says the chat is gone or the bot was removed; false when the target is unknown. */
  disableTarget(target: DeliveryTarget, reason: string): Promise<boolean>;
  enableTarget(target: DeliveryTarget): Promise<boolean>;
  /**
   * The index sweep (on a schedule): every target the index names is checked against its record.
   * Missing index items are written again, index items no record backs are deleted once they are
   * old enough that no subscribe can still be on its way to the record.
   */
  repairIndex(): Promise<IndexRepair>;
}

/** Kinds whose settings say what the alert engine looks for, kept in a summary item each. */
export type SummarisedKind = 'deadlines' | 'coretime' | 'para';

interface SummaryRead {
  /**
   * When a subscription of the kind was last created or given new settings (ms, on the subscribing
   * Lambda's clock): an alert of the kind last fanned out after this has nobody new to reach.
   */
  changedAtMs: number;
  /** When the summary could not be trusted: every subscriber of the kind (enabled targets), read instead. */
  subscribers?: Subscriber[];
  /** Why the subscribers were read and what was done about the summary. */
  warning?: string;
}

export interface WatchedSettings extends SummaryRead {
  /**
   * One spec per setting a subscription holds, disabled targets' included; until the index sweep,
   * also settings whose last subscriptions were removed (looking for something nobody asks for
   * costs a look-up that finds nobody; missing one would lose alerts).
   */
  specs: SubscriptionSpec[];
}

export interface DeadlineLeads extends SummaryRead {
  /** Every lead time (minutes) a deadline subscription holds, largest first (a superset, as above). */
  leads: number[];
}

export interface IndexRepair {
  /** Targets whose records were read. */
  targets: number;
  /** Index items written again for subscriptions their record holds. */
  restored: number;
  /** Index items no record backs, deleted. */
  removed: number;
  /** Index items no record backs yet, too young to delete: a subscribe may still be writing its record. */
  young: number;
  /** Index items that named another generation of their subscription, set to the record's. */
  regenerated: number;
  /** The settings summaries: what the sweep did to each, and the settings it added or dropped. */
  summaries: Record<SummarisedKind, SummarySweep>;
}

export interface SummarySweep {
  step: 'checked' | 'created' | 'replaced' | 'rebuilding' | 'completed';
  added: number;
  dropped: number;
}
