/**
 * Where deferred answers go locally (`npm start`, tests): the same process runs the follow-up
 * right after the response is sent, as Lambda runs an asynchronous invocation, with the same
 * retries and then a dead letter. In AWS the interactions Lambda invokes the follow-up Lambda
 * asynchronously (lambdas/handlers/discord-interactions.ts).
 */
import type { FollowupJob, FollowupQueue } from './job.js';

/** As the follow-up Lambda's asynchronous invocation is configured (infra/sizing.ts). */
export interface InProcessRetry {
  /** Runs after the first that fails (default 1). */
  retryAttempts?: number;
  /** Wait before each retry (default 0; Lambda waits about a minute, then two). */
  retryDelayMs?: number;
}

export interface InProcessFollowupQueue extends FollowupQueue {
  /** Resolves once every follow-up queued so far has finished (tests wait on it). */
  drain(): Promise<void>;
  /** Jobs that failed every attempt, as the on-failure destination would keep them. */
  deadLetters(): ReadonlyArray<{ job: FollowupJob; error: string }>;
}

export function inProcessFollowupQueue(
  run: (job: FollowupJob) => Promise<unknown>,
  log?: (message: string) => void,
  retry: InProcessRetry = {},
): InProcessFollowupQueue {
  const pending = new Set<Promise<void>>();
  const dead: Array<{ job: FollowupJob; error: string }> = [];
  const attempts = 1 + (retry.retryAttempts ?? 1);
  const attempt = async (job: FollowupJob) => {
    for (let n = 1; ; n++) {
      try {
        return await run(job);
      } catch (error) {
        const message = (error as Error).message;
        if (n >= attempts) {
          dead.push({ job, error: message });
          log?.(`follow-up for "${job.line}" failed ${n} times, dead-lettered: ${message}`);
          return;
        }
        log?.(`follow-up for "${job.line}" failed, retrying: ${message}`);
        await new Promise((resolve) => setTimeout(resolve, retry.retryDelayMs ?? 0));
      }
    }
  };
  return {
    enqueue: async (job) => {
      // Starts after the interaction response is on its way, as a separate invocation would.
      const task: Promise<void> = new Promise<void>((resolve) => setImmediate(resolve))
        .then(() => attempt(job))
        .then(() => undefined)
        .finally(() => pending.delete(task));
      pending.add(task);
    },
    drain: async () => {
      while (pending.size > 0) await Promise.all([...pending]);
    },
    deadLetters: () => dead,
  };
}
