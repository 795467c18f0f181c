/**
 * Alerts in one process, for `npm start` and the tests: detection after each local snapshot, and a
 * dispatcher draining an in-process queue in the background (so retries and quiet-hour deferrals
 * come back on their own). The same detector and dispatcher as the Lambdas, over the same table.
 */
import type { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import type { MessageContext } from '../../core/alerts/messages.js';
import type { AlertRules } from '../../core/alerts/rules.js';
import type { TargetRef } from '../../core/commands/subscription-model.js';
import type { Notifier, Platform } from '../../core/delivery/notifier.js';
import { createAlertRecordStore } from '../store/alert-records.js';
import type { AlertRecordStore } from '../store/alert-records-types.js';
import { createDynamoStore } from '../store/dynamo-store.js';
import { createSubscriptionStore } from '../store/subscriptions-store.js';
import type { SnapshotReader } from '../store/types.js';
import { createVersionDiffer } from '../store/version-diff.js';
import type { BackoffPolicy } from './backoff.js';
import { type DetectionRun, detectAndEnqueue } from './detector.js';
import { type DrainStats, drainQueue } from './dispatch-loop.js';
import { MemoryQueue } from './queue.js';
import type { SlashSource, VotingSource } from './sources.js';

export interface LocalAlertsOptions {
  client: DynamoDBClient;
  tableName: string;
  notifiers: Partial<Record<Platform, Notifier>>;
  /** The snapshot reader (one is created over the table when absent). */
  store?: SnapshotReader;
  clock?: () => number;
  log?: (line: string) => void;
  rules?: Partial<AlertRules>;
  operators?: readonly TargetRef[];
  votes?: VotingSource;
  slashes?: SlashSource;
  backoff?: BackoffPolicy;
  leaseMs?: number;
  concurrency?: number;
  messageContext?: (nowMs: number) => MessageContext;
  /** Name of this dispatcher in its records (default "local-<pid>-<time>"). */
  owner?: string;
}

export interface LocalAlerts {
  readonly queue: MemoryQueue;
  readonly records: AlertRecordStore;
  /** Detects on the newest (or the given) version and enqueues its jobs; the background loop sends them. */
  afterSnapshot(summary?: { version?: number; endpoint?: string | null }): Promise<DetectionRun | null>;
  /** Resolves when every job, retries included, has been settled. */
  idle(): Promise<void>;
  close(): Promise<DrainStats>;
}

export function startLocalAlerts(options: LocalAlertsOptions): LocalAlerts {
  const now = options.clock ?? Date.now;
  const log = options.log ?? (() => {});
  const { client, tableName } = options;
  const store = options.store ?? createDynamoStore({ client, tableName });
  const records = createAlertRecordStore({ client, tableName, now });
  const subscriptions = createSubscriptionStore({ client, tableName, now });
  const differ = createVersionDiffer({ client, tableName });
  const queue = new MemoryQueue(now);
  let stopped = false;
  const loop = drainQueue(
    queue,
    {
      records,
      notifiers: options.notifiers,
      queue,
      owner: options.owner ?? `local-${process.pid}-${now().toString(36)}`,
      leaseMs: options.leaseMs,
      backoff: options.backoff,
      now,
      messageContext: options.messageContext,
      log,
    },
    { concurrency: options.concurrency, untilEmpty: false, stopped: () => stopped, pollMs: 100 },
  );
  let detecting: Promise<unknown> = Promise.resolve();
  return {
    queue,
    records,
    afterSnapshot(summary = {}) {
      const run = detecting.then(() =>
        detectAndEnqueue(
          {
            store,
            differ,
            subscriptions,
            records,
            queue,
            now,
            rules: options.rules,
            operators: options.operators,
            votes: options.votes,
            slashes: options.slashes,
            log,
          },
          summary,
        ),
      );
      detecting = run.catch(() => undefined);
      return run.then((r) => {
        if (r)
          log(
            `alerts v${r.version}: ${r.alerts.length} detected, ${r.deliveries.length} deliveries in ${r.jobs.length} jobs`,
          );
        return r;
      });
    },
    async idle() {
      await detecting;
      while (queue.size() > 0) await new Promise((resolve) => setTimeout(resolve, 50));
    },
    async close() {
      await detecting;
      stopped = true;
      return loop;
    },
  };
}
