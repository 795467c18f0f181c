/**
 * What a command runs with: the snapshot reader, the subscription store, the alert records (the
 * chat's alert settings and recent deliveries), who is asking and where, the clock and the stale
 * threshold. Nothing here knows Discord or Telegram.
 */

import type { AlertRecordStore } from '../../core/ports/alert-records.js';
import type { SnapshotReader } from '../../core/ports/snapshot-reader.js';
import type { SubscriptionStore } from '../../core/ports/subscription-store.js';
import type { Target } from '../../core/subscriptions/subscription-model.js';
import { SnapshotCache } from './snapshot-cache.js';

/** What the chat commands need of the alert records: recent deliveries and the settings. */
export type ChatAlertRecords = Pick<AlertRecordStore, 'recent' | 'getSettings' | 'putSettings'>;

export interface CommandContext {
  store: SnapshotReader;
  /** Null where subscriptions are not offered (then /subscribe answers that it needs a chat). */
  subscriptions: SubscriptionStore | null;
  /** Null where alert settings and /missed are not offered (then they answer that they need a chat). */
  alertRecords: ChatAlertRecords | null;
  /** The chat, channel or DM the command came from, and the user (createdBy). */
  caller: Target | null;
  now: () => number;
  staleAfterMs: number;
  /** Aggregates (era, tracks, referenda) kept per snapshot version; share one per process. */
  cache: SnapshotCache;
  /** Unexpected failures, for the operator; the user gets a plain "unavailable" answer. */
  log?: (message: string) => void;
}

export interface ContextOptions {
  store: SnapshotReader;
  subscriptions?: SubscriptionStore | null;
  alertRecords?: ChatAlertRecords | null;
  caller?: Target | null;
  now?: () => number;
  staleAfterMs: number;
  cache?: SnapshotCache;
  log?: (message: string) => void;
}

export function commandContext(options: ContextOptions): CommandContext {
  return {
    store: options.store,
    subscriptions: options.subscriptions ?? null,
    alertRecords: options.alertRecords ?? null,
    caller: options.caller ?? null,
    now: options.now ?? Date.now,
    staleAfterMs: options.staleAfterMs,
    cache: options.cache ?? new SnapshotCache(),
    log: options.log,
  };
}
