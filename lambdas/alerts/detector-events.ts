/**
 * What the alert-detection Lambda does with an event: one detection per committed version named by
 * an SQS message (oldest first), its jobs sent to the dispatch queue, then the cursor moved. A
 * failure becomes a batch item failure so SQS runs it again; the alert ids make the repeat harmless.
 * An event without SQS records (the schedule) checks the newest version against the clock alone:
 * deadlines keep counting down, and stale data is reported, even when no new snapshot arrives.
 * It then sweeps the subscription index, so what a crashed subscribe or unsubscribe left is repaired.
 */
import type { Logger } from '@aws-lambda-powertools/logger';
import { parseAlertDetection } from '../../core/ports/alert-detection-message.js';
import type { JobQueue } from '../../core/ports/job-queue.js';
import type { SubscriptionStore } from '../../core/ports/subscription-store.js';
import { type DetectionRun, type DetectorDeps, detectAndEnqueue } from './detector.js';

export type AlertDetectorDeps = DetectorDeps & {
  queue: JobQueue;
  /** The subscription index, swept after every scheduled check (lambdas/store/subscriptions/design.md). */
  index?: Pick<SubscriptionStore, 'repairIndex'>;
};

export type DetectorLog = Pick<Logger, 'info' | 'warn' | 'error'>;

export interface DetectorEvent {
  Records?: Array<{ messageId: string; body: string }>;
}

/**
 * How long a version newer than the cursor is left to its own detection message. That message
 * runs seconds after the commit and its first attempt ends within the detector's 5-minute timeout;
 * a version still not detected after this is caught up by the scheduled check.
 */
export const PENDING_VERSION_GRACE_MS = 10 * 60_000;

export async function handleDetectorEvent(deps: AlertDetectorDeps, event: DetectorEvent, log: DetectorLog) {
  if (!event?.Records) {
    try {
      await scheduledCheck(deps, log);
    } finally {
      await sweepIndex(deps, log);
    }
    return { batchItemFailures: [] };
  }
  const failures: Array<{ itemIdentifier: string }> = [];
  // Oldest version first, so the cursor moves forward through them.
  const records = [...event.Records]
    .map((r) => {
      try {
        return { record: r, message: parseAlertDetection(r.body), endpoint: endpointOf(r.body) };
      } catch (error) {
        log.error(`alert-detection message ${r.messageId} dropped`, error as Error);
        return null;
      }
    })
    .filter((r) => r !== null)
    .sort((a, b) => a.message.version - b.message.version);
  for (const { record, message, endpoint } of records) {
    try {
      const run = await detectAndEnqueue(deps, { version: message.version, endpoint });
      log.info('alerts detected', {
        version: message.version,
        base: run?.base ?? null,
        alerts: run?.alerts.length ?? 0,
        jobs: run?.jobs.length ?? 0,
        stats: run?.stats,
      });
    } catch (error) {
      log.error(`alert detection for version ${message.version} failed; SQS retries it`, error as Error);
      failures.push({ itemIdentifier: record.messageId });
    }
  }
  return { batchItemFailures: failures };
}

/**
 * The scheduled check: the newest version against the clock. A version the cursor has not reached
 * yet belongs to its detection message, which carries the endpoint it was read from; the check
 * leaves it alone for PENDING_VERSION_GRACE_MS, so it never takes that diff (and moves the cursor
 * without the endpoint, hiding a failover) while the message is on its way. After that the check
 * catches up itself. Either way the cursor keeps the last endpoint known.
 */
export async function scheduledCheck(
  deps: AlertDetectorDeps,
  log: DetectorLog,
): Promise<DetectionRun | null> {
  const now = (deps.now ?? Date.now)();
  // Cursor first: a version committed after this read is newer than the cursor, and waits.
  const cursor = await deps.records.getCursor();
  const pointer = await deps.store.getPointer();
  if (!pointer) {
    log.info('scheduled alert check: no snapshot yet');
    return null;
  }
  const behind = !cursor || cursor.version < pointer.version;
  const waited = now - pointer.committedAt;
  if (behind && waited < PENDING_VERSION_GRACE_MS) {
    log.info('scheduled alert check: the newest version waits for its detection message', {
      version: pointer.version,
      cursor: cursor?.version ?? null,
      committedSecondsAgo: Math.round(waited / 1000),
    });
    return null;
  }
  if (behind)
    log.warn('scheduled alert check: catching up a version its detection message did not cover', {
      version: pointer.version,
      cursor: cursor?.version ?? null,
      committedSecondsAgo: Math.round(waited / 1000),
    });
  const run = await detectAndEnqueue(deps, { version: pointer.version, endpoint: cursor?.endpoint ?? null });
  log.info('scheduled alert check', {
    version: run?.version ?? null,
    base: run?.base ?? null,
    alerts: run?.alerts.length ?? 0,
    jobs: run?.jobs.length ?? 0,
  });
  return run;
}

/** The subscription index sweep; a failure is logged and left to the next scheduled run. */
export async function sweepIndex(deps: AlertDetectorDeps, log: DetectorLog): Promise<void> {
  if (!deps.index) return;
  try {
    const repair = await deps.index.repairIndex();
    const summariesAdded = Object.values(repair.summaries).reduce((n, s) => n + s.added, 0);
    if (repair.restored + repair.removed + repair.regenerated + summariesAdded > 0)
      log.warn('subscription index repaired', { ...repair });
    else log.info('subscription index swept', { ...repair });
  } catch (error) {
    log.warn('subscription index sweep failed; the next scheduled run tries again', error as Error);
  }
}

/** The endpoint the snapshot was read from, when the message carries it (for failover alerts). */
function endpointOf(body: string): string | null {
  try {
    const endpoint = (JSON.parse(body) as { endpoint?: unknown }).endpoint;
    return typeof endpoint === 'string' && endpoint.length > 0 ? endpoint : null;
  } catch {
    return null;
  }
}
