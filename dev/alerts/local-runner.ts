/**
 * Alerts in one process, for `npm start` and the tests: detection after each local snapshot, and a
 * dispatcher draining an in-process queue in the background (so retries and quiet-hour deferrals
 * come back on their own). The same detector and dispatcher as the Lambdas, over the same table.
 * With a data directory the queues, the chain clock and the index sweep's schedule survive a
 * restart (runner-state.ts): a new runner on the same directory takes up the jobs the last one
 * left, each at its time.
 */
import { join } from 'node:path';
import type { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import type { MessageContext } from '../../core/alerts/messages.js';
import type { AlertRules } from '../../core/alerts/thresholds.js';
import type { AlertRecordStore } from '../../core/ports/alert-records.js';
import type { CardMessenger } from '../../core/ports/card-messenger.js';
import type { DeliveryTarget, Notifier, Platform } from '../../core/ports/notifier.js';
import type { SnapshotReader } from '../../core/ports/snapshot-reader.js';
import { ENTITY, type StatusEntity } from '../../core/snapshot/entities.js';
import type { BackoffPolicy } from '../../lambdas/alerts/backoff.js';
import { type DetectionRun, detectAndEnqueue } from '../../lambdas/alerts/detector.js';
import { PlatformQueues } from '../../lambdas/alerts/platform-queues.js';
import { cardRunLine, tableCardJob } from '../../lambdas/cards/table-job.js';
import { createAlertRecordStore } from '../../lambdas/store/alert-records/index.js';
import { createDynamoStore, createVersionDiffer } from '../../lambdas/store/snapshot/index.js';
import { createSubscriptionStore } from '../../lambdas/store/subscriptions/index.js';
import { ChainClock } from './chain-clock.js';
import { type DrainStats, drainQueue } from './dispatch-loop.js';
import { IndexSweeper } from './index-sweep.js';
import { MemoryQueue } from './memory-queue.js';
import { loadRunnerState, RUNNER_STATE_FILE, type RunnerState } from './runner-state.js';
import { AtomicJsonFile } from './state-file.js';

export interface LocalAlertsOptions {
  client: DynamoDBClient;
  tableName: string;
  notifiers: Partial<Record<Platform, Notifier>>;
  /** The snapshot reader (one is created over the table when absent). */
  store?: SnapshotReader;
  /**
   * "Now" for detection and delivery (default the wall clock). "chain" runs the clock from the
   * newest snapshot's chain time: for a dev chain whose time is not today's (chain-clock.ts).
   */
  clock?: (() => number) | 'chain';
  /** The wall clock (default Date.now): the chain clock runs on it, and the index sweep is timed by it. */
  wallClock?: () => number;
  /** Where the runner keeps its queues and clock between runs; nothing is kept when absent. */
  dataDir?: string | null;
  log?: (line: string) => void;
  rules?: Partial<AlertRules>;
  operators?: readonly DeliveryTarget[];
  backoff?: BackoffPolicy;
  leaseMs?: number;
  concurrency?: number;
  messageContext?: (nowMs: number) => MessageContext;
  /** Name of this dispatcher in its records (default "local-<pid>-<time>"). */
  owner?: string;
  /** Live referendum cards after each detection, through these platforms (none when absent). */
  cards?: Partial<Record<Platform, CardMessenger>>;
}

export interface LocalAlerts {
  /** One in-process dispatch queue per platform. */
  readonly queues: Record<Platform, MemoryQueue>;
  readonly records: AlertRecordStore;
  /** Detects on the newest (or the given) version and enqueues its jobs; the background loop sends them. */
  afterSnapshot(summary?: { version?: number; endpoint?: string | null }): Promise<DetectionRun | null>;
  /** Resolves when every job, retries included, has been settled. */
  idle(): Promise<void>;
  /** Resolves when no job is in flight and none is due: what is left waits for its time. */
  settled(): Promise<void>;
  close(): Promise<DrainStats>;
  /**
   * Stops the way a killed process stops: no job is taken or acknowledged any more, jobs in flight
   * are left to fail on their own, and the data directory is not written again.
   */
  abandon(): Promise<void>;
}

const PLATFORMS = ['telegram', 'discord'] as const;
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

export function startLocalAlerts(options: LocalAlertsOptions): LocalAlerts {
  const log = options.log ?? (() => {});
  const { client, tableName } = options;
  const wall = options.wallClock ?? Date.now;
  const store = options.store ?? createDynamoStore({ client, tableName });
  const saved = options.dataDir ? loadRunnerState(options.dataDir, log) : undefined;
  const chain = options.clock === 'chain' ? new ChainClock(wall, saved?.clock ?? undefined) : null;
  const now = chain ? chain.now : typeof options.clock === 'function' ? options.clock : wall;
  const records = createAlertRecordStore({ client, tableName, now });
  // Index items carry the wall time the bots' subscription store stamps them with.
  const subscriptions = createSubscriptionStore({ client, tableName, now: wall });
  const differ = createVersionDiffer({ client, tableName });
  let file: AtomicJsonFile | null = null;
  const save = () => file?.changed().catch(() => undefined);
  const journal = options.dataDir ? { changed: () => file!.changed() } : undefined;
  const queues: Record<Platform, MemoryQueue> = {
    telegram: new MemoryQueue(now, { journal, restored: saved?.queues.telegram }),
    discord: new MemoryQueue(now, { journal, restored: saved?.queues.discord }),
  };
  const sweeper = new IndexSweeper(subscriptions, wall, saved?.sweptAtMs ?? null, () => void save(), log);
  if (options.dataDir) {
    const state = (): RunnerState => ({
      format: 1,
      clock: chain?.state() ?? null,
      sweptAtMs: sweeper.sweptAtMs,
      queues: { telegram: queues.telegram.messages(), discord: queues.discord.messages() },
    });
    file = new AtomicJsonFile(join(options.dataDir, RUNNER_STATE_FILE), state, log);
    if (saved)
      log(
        `alerts: ${queues.telegram.size() + queues.discord.size()} pending jobs taken up from ${options.dataDir}`,
      );
  }
  const followChain = async () => {
    if (!chain) return;
    const status = await store.getEntity<StatusEntity>(ENTITY.status, 'current');
    if (!status) return;
    chain.follow(status.anchor.timestampMs);
    await save();
  };
  const queue = new PlatformQueues(queues);
  let stopped = false;
  let killed = false;
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
  const activity = { telegram: { inFlight: 0 }, discord: { inFlight: 0 } };
  const loops = Promise.all(
    PLATFORMS.map((platform) =>
      drainQueue(queues[platform], deps, {
        concurrency: options.concurrency,
        untilEmpty: false,
        stopped: () => stopped,
        killed: () => killed,
        pollMs: 100,
        activity: activity[platform],
      }),
    ),
  );
  void sweeper.whenDue();
  let detecting: Promise<unknown> = Promise.resolve();
  const cards = options.cards
    ? tableCardJob({ client, tableName, messengers: options.cards, reader: store, now, log })
    : null;
  const runCards = async () => {
    if (cards) log(cardRunLine(await cards()));
  };
  return {
    queues,
    records,
    afterSnapshot(summary = {}) {
      const run = detecting.then(followChain).then(async () => {
        const detection = { store, differ, subscriptions, records, queue, now, log };
        try {
          return await detectAndEnqueue(
            { ...detection, rules: options.rules, operators: options.operators },
            summary,
          );
        } finally {
          // Cards follow every committed version, whatever the detection found or failed on.
          await runCards().catch((error: Error) => log(`cards: the run failed: ${error.message}`));
        }
      });
      detecting = run.catch(() => undefined);
      return run.then((r) => {
        void sweeper.whenDue();
        if (r)
          log(
            `alerts v${r.version}: ${r.alerts.length} detected, ${r.deliveries.length} deliveries in ${r.jobs.length} jobs`,
          );
        return r;
      });
    },
    async idle() {
      await detecting;
      while (queues.telegram.size() + queues.discord.size() > 0) await sleep(50);
    },
    async settled() {
      await detecting;
      const busy = () => PLATFORMS.some((p) => activity[p].inFlight > 0 || queues[p].nextVisibleInMs() === 0);
      while (busy()) await sleep(10);
    },
    async close() {
      await detecting;
      stopped = true;
      const [a, b] = (await loops) as [DrainStats, DrainStats];
      await sweeper.idle();
      await save();
      const totals = { ...a.totals };
      for (const key of Object.keys(totals) as Array<keyof typeof totals>) totals[key] += b.totals[key];
      return { jobs: a.jobs + b.jobs, badMessages: a.badMessages + b.badMessages, totals };
    },
    async abandon() {
      killed = true;
      await file?.halt();
    },
  };
}
