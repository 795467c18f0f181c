/** Runs the snapshot job now and then on a timer, one run at a time, logging each summary. */
import type { SnapshotJobDeps, SnapshotSummary } from '../../lambdas/snapshot/job.js';
import { runSnapshotJob } from '../../lambdas/snapshot/job.js';

export interface SnapshotLoop {
  last(): SnapshotSummary | null;
  lastError(): string | null;
  /** Runs one snapshot now (waits for a run in progress first). */
  runNow(): Promise<SnapshotSummary | null>;
  stop(): Promise<void>;
}

export function startSnapshotLoop(
  deps: SnapshotJobDeps,
  intervalMs: number,
  log: (line: string) => void,
  /** Runs after each committed snapshot (alert detection); its failure is logged, not fatal. */
  onSnapshot?: (summary: SnapshotSummary) => Promise<unknown>,
): SnapshotLoop {
  let last: SnapshotSummary | null = null;
  let lastError: string | null = null;
  let running: Promise<SnapshotSummary | null> = Promise.resolve(null);
  let stopped = false;
  const once = async (): Promise<SnapshotSummary | null> => {
    try {
      last = await runSnapshotJob(deps);
      lastError = null;
      log(
        `snapshot v${last.version}: relay block ${last.relayBlock}, era ${last.era}, ${last.itemsWritten} items written, ${last.rpcRequests} RPC requests, ${last.ms} ms`,
      );
      const done = last;
      await onSnapshot?.(done).catch((error: Error) => log(`after-snapshot step failed: ${error.message}`));
      return done;
    } catch (error) {
      lastError = (error as Error).message;
      log(`snapshot failed (the previous version stays served): ${lastError}`);
      return null;
    }
  };
  const runNow = () => {
    running = running.then(() => (stopped ? null : once()));
    return running;
  };
  const timer = setInterval(() => void runNow(), intervalMs);
  return {
    last: () => last,
    lastError: () => lastError,
    runNow,
    async stop() {
      stopped = true;
      clearInterval(timer);
      await running;
    },
  };
}
