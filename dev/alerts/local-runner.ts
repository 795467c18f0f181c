/**
 * Alerts in one process, for `npm start` and the tests: detection after each local snapshot, and a
 * dispatcher draining an in-process queue in the background (so retries and quiet-hour deferrals
 * come back on their own). The same detector and dispatcher as the Lambdas, over the same table.
 */
import type { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import type { MessageContext } from '../../core/alerts/messages.js';
import type { AlertRules } from '../../core/alerts/thresholds.js';
import type { AlertRecordStore } from '../../core/ports/alert-records.js';
import type { DeliveryTarget, Notifier, Platform } from '../../core/ports/notifier.js';
import type { SnapshotReader } from '../../core/ports/snapshot-reader.js';
import { ENTITY, type StatusEntity } from '../../core/snapshot/entities.js';
import type { BackoffPolicy } from '../../lambdas/alerts/backoff.js';
import { type DetectionRun, detectAndEnqueue } from '../../lambdas/alerts/detector.js';
import { PlatformQueues } from '../../lambdas/alerts/platform-queues.js';
import { createAlertRecordStore } from '../../lambdas/store/alert-records/index.js';
import { createDynamoStore, createVersionDiffer } from '../../lambdas/store/snapshot/index.js';
import { createSubscriptionStore } from '../../lambdas/store/subscriptions/index.js';
import { type DrainStats, drainQueue } from './dispatch-loop.js';
import { MemoryQueue } from './memory-queue.js';

export interface LocalAlertsOptions {
  client: DynamoDBClient;
  tableName: string;
  notifiers: Partial<Record<Platform, Notifier>>;
  /** The snapshot reader (one is created over the table when absent). */
  store?: SnapshotReader;
  /**
   * "Now" for detection and delivery (default the wall clock). "chain" runs the clock from the
   * newest snapshot's chain time: for a dev chain whose time is not today's.
   */
  clock?: (() => number) | 'chain';
  log?: (line: string) => void;
  rules?: Partial<AlertRules>;
  operators?: readonly DeliveryTarget[];
  backoff?: BackoffPolicy;
  leaseMs?: number;
  concurrency?: number;
  messageContext?: (nowMs: number) => MessageContext;
  /** Name of this dispatcher in its records (default "local-<pid>-<time>"). */
  owner?: string;
}

export interface LocalAlerts {
  /** One in-process dispatch queue per platform. */
  readonly queues: Record<Platform, MemoryQueue>;
  readonly records: AlertRecordStore;
  /** Detects on the newest (or the given) version and enqueues its jobs; the background loop sends them. */
  afterSnapshot(summary?: { version?: number; endpoint?: string | null }): Promise<DetectionRun | null>;
  /** Resolves when every job, retries included, has been settled. */
  idle(): Promise<void>;
  close(): Promise<DrainStats>;
}

export function startLocalAlerts(options: LocalAlertsOptions): LocalAlerts {
  const log = options.log ?? (() => {});
  const { client, tableName } = options;
  const store = options.store ?? createDynamoStore({ client, tableName });
  const chainAnchor = { chainMs: Date.now(), at: Date.now() };
  const now =
    options.clock === 'chain'
      ? () => chainAnchor.chainMs + (Date.now() - chainAnchor.at)
      : (options.clock ?? Date.now);
  const followChain = async () => {
    if (options.clock !== 'chain') return;
    const status = await store.getEntity<StatusEntity>(ENTITY.status, 'current');
    if (status) Object.assign(chainAnchor, { chainMs: status.anchor.timestampMs, at: Date.now() });
  };
  const records = createAlertRecordStore({ client, tableName, now });
  const subscriptions = createSubscriptionStore({ client, tableName, now });
  const differ = createVersionDiffer({ client, tableName });
  const queues: Record<Platform, MemoryQueue> = {
    telegram: new MemoryQueue(now),
    discord: new MemoryQueue(now),
  };
  const queue = new PlatformQueues(queues);
  let stopped = false;
  const deps = {
    records,
    notifiers: options.notifiers,
    queue,
    owner: options.owner ?? `local-${process.pid}-${now().toString(36)}`,
    leaseMs: options.leaseMs,
    backoff: options.backoff,
    now,
    messageContext: options.messageContext,
    log,
  };
  const drainOptions = {
    concurrency: options.concurrency,
    untilEmpty: false,
    stopped: () => stopped,
    pollMs: 100,
  };
  const loops = Promise.all([
    drainQueue(queues.telegram, deps, drainOptions),
    drainQueue(queues.discord, deps, drainOptions),
  ]);
  let detecting: Promise<unknown> = Promise.resolve();
  return {
    queues,
    records,
    afterSnapshot(summary = {}) {
      const run = detecting.then(followChain).then(() =>
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
      while (queues.telegram.size() + queues.discord.size() > 0)
        await new Promise((resolve) => setTimeout(resolve, 50));
    },
    async close() {
      await detecting;
      stopped = true;
      const [a, b] = await loops;
      const totals = { ...a.totals };
      for (const key of Object.keys(totals) as Array<keyof typeof totals>) totals[key] += b.totals[key];
      return { jobs: a.jobs + b.jobs, badMessages: a.badMessages + b.badMessages, totals };
    },
  };
}
