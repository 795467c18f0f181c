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
import { DEFAULT_BACKOFF } from './backoff.js';
import { type DispatcherDeps, type DispatchRun, emptyResult, type JobResult } from './dispatch-run.js';
import { claimItems, holdForQuietHours, renewLeases, sendClaimed } from './dispatch-steps.js';
import { encodeJob } from './job-message.js';
import { recordOutcomes } from './record-outcomes.js';

/** Claim → hold for quiet hours → renew the leases → send in one notifier call → record each outcome. */
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
  const toSend = await renewLeases(run, await holdForQuietHours(run, claimed));
  if (toSend.length === 0) return result;
  const outcomes = await sendClaimed(run, notifier, toSend);
  await recordOutcomes(run, toSend, outcomes);
  return result;
}
