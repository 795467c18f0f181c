/**
 * A dispatcher draining an in-process queue, as the Lambda drains SQS: a bounded number of jobs in
 * flight, a job acknowledged only when nothing in it is held by another dispatcher, and a bad
 * message logged and dropped. Used by `npm start`, the CLI, the tests and the benchmark.
 */

import { type DispatcherDeps, emptyResult, type JobResult } from '../../lambdas/alerts/dispatch-run.js';
import { dispatchJob } from '../../lambdas/alerts/dispatcher.js';
import { AlertJobError } from '../../lambdas/alerts/errors.js';
import { parseJob } from '../../lambdas/alerts/job-message.js';
import type { MemoryQueue } from './memory-queue.js';

export interface DrainOptions {
  /** Jobs in flight at once (default 64). */
  concurrency?: number;
  /** How long a received message stays hidden; longer than the lease (default 150 s). */
  visibilityMs?: number;
  /** Stop taking jobs when this returns true, and let the jobs in flight finish. */
  stopped?: () => boolean;
  /** Die when this returns true: jobs in flight are abandoned (never acknowledged) like a crashed process's. */
  killed?: () => boolean;
  /** Return once the queue is empty (default); false keeps polling until stopped. */
  untilEmpty?: boolean;
  /** Longest single wait for a delayed message (default 250 ms). */
  pollMs?: number;
  /** Kept current while the loop runs: how many jobs it has in flight. */
  activity?: { inFlight: number };
}

export interface DrainStats {
  jobs: number;
  badMessages: number;
  totals: JobResult;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

export async function drainQueue(
  queue: MemoryQueue,
  deps: DispatcherDeps,
  options: DrainOptions = {},
): Promise<DrainStats> {
  const concurrency = Math.max(1, options.concurrency ?? 64);
  const visibilityMs = options.visibilityMs ?? 150_000;
  const killed = options.killed ?? (() => false);
  const stopped = () => killed() || (options.stopped?.() ?? false);
  const untilEmpty = options.untilEmpty ?? true;
  const pollMs = options.pollMs ?? 250;
  const stats: DrainStats = {
    jobs: 0,
    badMessages: 0,
    totals: emptyResult(),
  };
  const activity = options.activity ?? { inFlight: 0 };
  const waker: { wake: (() => void) | null } = { wake: null };
  const running = new Set<Promise<void>>();

  while (!stopped()) {
    const room = concurrency - activity.inFlight;
    const batch = room > 0 ? queue.receive(room, visibilityMs) : [];
    for (const message of batch) {
      activity.inFlight += 1;
      const work = (async () => {
        try {
          const job = parseJob(message.body);
          const result = await dispatchJob(job, deps);
          if (killed()) return;
          stats.jobs += 1;
          for (const key of Object.keys(result) as Array<keyof JobResult>) stats.totals[key] += result[key];
          if (result.busy + result.unsendable === 0) queue.ack(message.id, message.receipt);
        } catch (error) {
          if (killed()) return;
          if (error instanceof AlertJobError) {
            stats.badMessages += 1;
            deps.log?.(`dispatcher: dropped a bad message: ${error.message}`);
            queue.ack(message.id, message.receipt);
          } else {
            deps.log?.(
              `dispatcher: job failed, it comes back after its visibility timeout: ${(error as Error).message}`,
            );
          }
        } finally {
          activity.inFlight -= 1;
          waker.wake?.();
        }
      })();
      running.add(work);
      void work.finally(() => running.delete(work));
    }
    if (batch.length > 0) continue;
    if (untilEmpty && activity.inFlight === 0 && queue.size() === 0) break;
    const next = queue.nextVisibleInMs();
    const wait =
      activity.inFlight >= concurrency || next === null ? pollMs : Math.min(pollMs, Math.max(1, next));
    await new Promise<void>((resolve) => {
      waker.wake = () => resolve();
      void sleep(wait).then(() => resolve());
    });
    waker.wake = null;
  }
  if (!killed()) await Promise.all(running);
  return stats;
}
