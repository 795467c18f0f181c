/**
 * The dispatcher: takes one job (a target and its alerts), claims each (alert, target) pair with a
 * conditional write, sends what it claimed through the platform's notifier in one call (so the
 * notifier can group them), and records the outcome. A record is pending before the send and
 * sent, retry, failed or gone after it; a dispatcher that dies in between leaves a pending record
 * whose lease runs out, and the queue's redelivery picks it up again. Final records are never sent
 * again, and a live lease is never taken over, so two dispatchers never both send.
 */
import { randomUUID } from 'node:crypto';
import type { Alert } from '../../core/alerts/alert-types.js';
import type { DeliveryJob } from '../../core/alerts/grouping.js';
import { alertMessage, type MessageContext } from '../../core/alerts/messages.js';
import { quietUntil } from '../../core/alerts/quiet-hours.js';
import type { DeliveryOutcome, Notifier, NotifierMessage, Platform } from '../../core/delivery/notifier.js';
import type { AlertRecordStore } from '../../core/ports/alert-records.js';
import { type BackoffPolicy, DEFAULT_BACKOFF, retryDelayMs } from './backoff.js';
import { encodeJob } from './job-message.js';
import type { JobQueue } from './queue.js';

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

type Item = DeliveryJob['items'][number];

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

export async function dispatchJob(job: DeliveryJob, deps: DispatcherDeps): Promise<JobResult> {
  const now = deps.now ?? Date.now;
  const leaseMs = deps.leaseMs ?? 120_000;
  const policy = deps.backoff ?? DEFAULT_BACKOFF;
  const log = deps.log ?? (() => {});
  const { target } = job;
  const result = emptyResult();
  // The holder of this job's claims: one token per job, so two jobs of one process never share a claim.
  const owner = `${deps.owner}:${randomUUID().slice(0, 8)}`;
  const requeue = (items: Item[], delayMs: number) =>
    deps.queue.send([
      {
        body: encodeJob({ target, items }),
        delayMs: Math.max(0, Math.ceil(delayMs)),
        platform: target.platform,
      },
    ]);

  const notifier = deps.notifiers[target.platform];
  if (!notifier) {
    // Nothing is claimed, so nothing is lost: the job comes back once a notifier is configured.
    result.unsendable = job.items.length;
    log(`dispatcher ${deps.owner}: no ${target.platform} notifier; ${job.items.length} alerts wait for one`);
    return result;
  }

  // 1. Claim.
  const claimed: Array<{ item: Item; attempts: number }> = [];
  const later = new Map<number, Item[]>();
  for (const item of job.items) {
    const claim = await deps.records.claim(target, item.alert, item.subscriptionId, owner, leaseMs);
    const r = claim.record;
    if (claim.claimed) claimed.push({ item, attempts: r.attempts });
    else if (r.state === 'sent' || r.state === 'failed' || r.state === 'gone') result.alreadyDone += 1;
    else if (r.state === 'pending') result.busy += 1;
    else {
      // retry or deferred and not due yet: make sure a copy comes back when it is.
      const at = r.nextAtMs ?? now();
      later.set(at, [...(later.get(at) ?? []), item]);
      result.waiting += 1;
    }
  }
  for (const [at, items] of later) await requeue(items, at - now());

  // 2. Quiet hours: hold what may wait.
  const toSend: Array<{ item: Item; attempts: number }> = [];
  for (const c of claimed) {
    const q = c.item.quietHours;
    const until = q ? quietUntil(q, now()) : null;
    const exempt = c.item.alert.severity === 'critical' && !q?.holdCritical;
    if (until === null || exempt) {
      toSend.push(c);
      continue;
    }
    await requeue([c.item], until - now());
    if (await deps.records.markDeferred(target, c.item.alert.id, owner, until)) result.deferred += 1;
  }
  if (toSend.length === 0) return result;

  // 3. Send, in one notifier call.
  const byId = new Map(toSend.map((c) => [c.item.alert.id, c]));
  const ctx = deps.messageContext?.(now()) ?? { nowMs: now() };
  const messages: NotifierMessage[] = toSend.map((c) => alertMessage(c.item.alert as Alert, ctx));
  let outcomes: DeliveryOutcome[];
  try {
    outcomes = await notifier.send({ platform: target.platform, kind: target.kind, id: target.id }, messages);
  } catch (error) {
    outcomes = [
      {
        status: 'retry',
        alertIds: [...byId.keys()],
        afterMs: 0,
        reason: `notifier threw: ${(error as Error).message}`,
      },
    ];
  }

  // 4. Record each outcome; an alert the notifier did not report on is retried.
  const reported = new Set<string>();
  for (const outcome of outcomes) {
    for (const id of outcome.alertIds) {
      const c = byId.get(id);
      if (!c || reported.has(id)) continue;
      reported.add(id);
      await record(c, outcome);
    }
  }
  for (const [id, c] of byId)
    if (!reported.has(id))
      await record(c, {
        status: 'retry',
        alertIds: [id],
        afterMs: 0,
        reason: 'no outcome from the notifier',
      });
  return result;

  async function record(c: { item: Item; attempts: number }, outcome: DeliveryOutcome): Promise<void> {
    const id = c.item.alert.id;
    let kept = true;
    if (outcome.status === 'sent') {
      kept = await deps.records.markSent(target, id, owner, outcome.messageIds);
      result.sent += 1;
    } else if (outcome.status === 'retry') {
      const failures = c.attempts + 1;
      if (failures >= policy.maxAttempts) {
        kept = await deps.records.markFinal(
          target,
          id,
          owner,
          'failed',
          `gave up after ${failures} attempts: ${outcome.reason}`,
        );
        result.failed += 1;
      } else {
        const delay = retryDelayMs(policy, failures, outcome.afterMs);
        // Enqueue first: if we die before the record says retry, the copy still comes back.
        await requeue([c.item], delay);
        kept = await deps.records.markRetry(target, id, owner, now() + delay, outcome.reason);
        result.retrying += 1;
      }
    } else {
      kept = await deps.records.markFinal(target, id, owner, outcome.status, outcome.reason);
      if (outcome.status === 'gone') result.gone += 1;
      else result.failed += 1;
    }
    if (!kept)
      log(`dispatcher ${owner}: lost the record of ${id} to ${target.platform}:${target.id} (lease ran out)`);
  }
}
