/**
 * What one dispatch works with and counts: the dispatcher's dependencies, one job's run (its
 * target, clock, policy and tally), the items it claimed, and the result it reports. Shared by
 * the dispatcher and its steps.
 */
import type { DeliveryJob } from '../../core/alerts/grouping.js';
import type { MessageContext } from '../../core/alerts/messages.js';
import type { AlertRecordStore } from '../../core/ports/alert-records.js';
import type { JobQueue } from '../../core/ports/job-queue.js';
import type { DeliveryTarget, Notifier, Platform } from '../../core/ports/notifier.js';
import type { BackoffPolicy } from './backoff.js';

export interface DispatcherDeps {
  records: AlertRecordStore;
  notifiers: Partial<Record<Platform, Notifier>>;
  /** Where retries and deferrals are re-enqueued (with a delay). */
  queue: JobQueue;
  /** Names the dispatcher process in its records; each claim adds a token of its own. */
  owner: string;
  /**
   * How long a claim holds a record. It must outlast a send: the notifier's longest wait for a
   * rate-limit slot plus its request timeout (default 120 s).
   */
  leaseMs?: number;
  backoff?: BackoffPolicy;
  now?: () => number;
  messageContext?: (nowMs: number) => MessageContext;
  log?: (line: string) => void;
}

export interface JobResult {
  sent: number;
  /** Already sent, failed or gone: a duplicate job, or a redelivery after a crash. */
  alreadyDone: number;
  retrying: number;
  deferred: number;
  failed: number;
  gone: number;
  /** Another dispatcher holds these right now; the job must come back later (do not acknowledge it). */
  busy: number;
  /** Waiting for a retry or quiet hours; a delayed copy of the job was enqueued. */
  waiting: number;
  /** No notifier for the platform in this process: left untouched, the job must come back later. */
  unsendable: number;
}

/** A result with every count at zero: the start of a job's tally, or of a drain's totals. */
export const emptyResult = (): JobResult => ({
  sent: 0,
  alreadyDone: 0,
  retrying: 0,
  deferred: 0,
  failed: 0,
  gone: 0,
  busy: 0,
  waiting: 0,
  unsendable: 0,
});

export type Item = DeliveryJob['items'][number];

/** A claimed item, with the attempts its record had counted before. */
export interface Claimed {
  item: Item;
  attempts: number;
}

/** One job's dispatch: who claims, its clock and policy, its tally, and how it re-enqueues items. */
export interface DispatchRun {
  deps: DispatcherDeps;
  target: DeliveryTarget;
  owner: string;
  now: () => number;
  leaseMs: number;
  policy: BackoffPolicy;
  log: (line: string) => void;
  result: JobResult;
  requeue(items: Item[], delayMs: number): Promise<void>;
}
