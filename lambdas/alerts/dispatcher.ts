/**
 * The dispatcher: takes one job (a target and its alerts), claims each (alert, target) pair with a
 * conditional write, sends what it claimed through the platform's notifier in one call (so the
 * notifier can group them), and records the outcome. A record is pending before the send and
 * sent, retry, failed or gone after it; a dispatcher that dies in between leaves a pending record
 * whose lease runs out, and the queue's redelivery picks it up again. Final records are never sent
 * again, and a live lease is never taken over, so two dispatchers never both send.
 */
import { randomUUID } from 'node:crypto';
import type { DeliveryJob } from '../../core/alerts/grouping.js';
import type { MessageContext } from '../../core/alerts/messages.js';
import type { AlertRecordStore } from '../../core/ports/alert-records.js';
import type { JobQueue } from '../../core/ports/job-queue.js';
import type { Notifier, Platform } from '../../core/ports/notifier.js';
import { type BackoffPolicy, DEFAULT_BACKOFF } from './backoff.js';
import { claimItems, type DispatchRun, holdForQuietHours, sendClaimed } from './dispatch-steps.js';
import { encodeJob } from './job-message.js';
import { recordOutcomes } from './record-outcomes.js';

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

/** Claim → hold for quiet hours → send in one notifier call → record each outcome. */
export async function dispatchJob(job: DeliveryJob, deps: DispatcherDeps): Promise<JobResult> {
  const { target } = job;
  const log = deps.log ?? (() => {});
  const result = emptyResult();
  const notifier = deps.notifiers[target.platform];
  if (!notifier) {
    // Nothing is claimed, so nothing is lost: the job comes back once a notifier is configured.
    result.unsendable = job.items.length;
    log(`dispatcher ${deps.owner}: no ${target.platform} notifier; ${job.items.length} alerts wait for one`);
    return result;
  }
  const run: DispatchRun = {
    deps,
    target,
    // The holder of this job's claims: one token per job, so two jobs of one process never share a claim.
    owner: `${deps.owner}:${randomUUID().slice(0, 8)}`,
    now: deps.now ?? Date.now,
    leaseMs: deps.leaseMs ?? 120_000,
    policy: deps.backoff ?? DEFAULT_BACKOFF,
    log,
    result,
    requeue: (items, delayMs) =>
      deps.queue.send([
        {
          body: encodeJob({ target, items }),
          delayMs: Math.max(0, Math.ceil(delayMs)),
          platform: target.platform,
        },
      ]),
  };
  const claimed = await claimItems(run, job.items);
  const toSend = await holdForQuietHours(run, claimed);
  if (toSend.length === 0) return result;
  const outcomes = await sendClaimed(run, notifier, toSend);
  await recordOutcomes(run, toSend, outcomes);
  return result;
}
