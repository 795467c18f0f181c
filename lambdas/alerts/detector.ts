/**
 * The detection runner: reads what changed between the detector's cursor version and the new
 * version (from the manifests), loads only those entities (and the watched addresses' accounts),
 * runs the pure detection, and fans the alerts out to subscribers as grouped jobs. It never sends;
 * `detectAndEnqueue` hands the jobs to the dispatch queue and only then moves the cursor, so a
 * crash re-runs the same detection and the same alert ids (which the dispatcher deduplicates).
 *
 * The steps, each in its own file: the version range (version-range.ts), the changes it loads
 * (load-changes.ts), detection (core/alerts), the subscribers of what was found
 * (resolve-subscribers.ts) and the fan-out into jobs (fan-out.ts).
 */
import type { Alert } from '../../core/alerts/alert-types.js';
import { detectAlerts } from '../../core/alerts/detect.js';
import type { DeliveryJob } from '../../core/alerts/grouping.js';
import type { Delivery } from '../../core/alerts/matching.js';
import { type AlertRules, resolveRules } from '../../core/alerts/thresholds.js';
import type { AlertRecordStore } from '../../core/ports/alert-records.js';
import type { JobQueue } from '../../core/ports/job-queue.js';
import type { DeliveryTarget } from '../../core/ports/notifier.js';
import type { SnapshotReader } from '../../core/ports/snapshot-reader.js';
import type { SubscriptionStore } from '../../core/ports/subscription-store.js';
import type { VersionDiffer } from '../../core/ports/version-differ.js';
import { nameAlerts } from './alert-names.js';
import { fanOutAlerts } from './fan-out.js';
import { encodeJob } from './job-message.js';
import { loadChanges } from './load-changes.js';
import { resolveSubscribers } from './resolve-subscribers.js';
import { pointerAt, versionRange } from './version-range.js';

export interface DetectorDeps {
  store: SnapshotReader;
  differ: VersionDiffer;
  subscriptions: Pick<SubscriptionStore, 'subscribersOf' | 'watchedAddresses'>;
  records: AlertRecordStore;
  now?: () => number;
  rules?: Partial<AlertRules>;
  /** Operator targets for data-health alerts. */
  operators?: readonly DeliveryTarget[];
  /**
   * A base older than this is not diffed (default 12 h): the store keeps a superseded version's
   * entities readable at least a day after its run began (docs/store-design.md, "Expiry"), so a
   * detector that was down for hours still diffs, and alerts, what changed meanwhile.
   */
  maxBaseAgeMs?: number;
  log?: (line: string) => void;
}

export interface DetectionRun {
  version: number;
  /** The version diffed against, null on a first run (or when the base was too old). */
  base: number | null;
  alerts: Alert[];
  deliveries: Delivery[];
  jobs: DeliveryJob[];
  notes: string[];
  stats: { referendaChanged: number; accountsChecked: number; subscribersRead: number; ms: number };
}

export async function runDetection(
  deps: DetectorDeps,
  options: { version?: number; endpoint?: string | null } = {},
): Promise<DetectionRun | null> {
  const started = performance.now();
  const now = deps.now ?? Date.now;
  const rules = resolveRules(deps.rules);
  const notes: string[] = [];
  const at = await pointerAt(deps.store, options.version);
  if (!at) return null;
  const range = await versionRange(deps, at, now(), notes);
  const { base } = range;
  const stats = (referendaChanged: number, accountsChecked: number, subscribersRead: number) => ({
    referendaChanged,
    accountsChecked,
    subscribersRead,
    ms: Math.round(performance.now() - started),
  });
  const loaded = await loadChanges(deps, range, rules, now(), options.endpoint ?? null);
  if (!loaded) {
    notes.push(`version ${at.version} has no status entity; nothing detected`);
    return { version: at.version, base, alerts: [], deliveries: [], jobs: [], notes, stats: stats(0, 0, 0) };
  }
  const detected = detectAlerts(loaded.input);
  notes.push(...detected.notes);
  const alerts = await nameAlerts(deps.store, at, detected.alerts, notes);
  const { subscribers, read } = await resolveSubscribers(
    deps.subscriptions,
    alerts,
    loaded.preloadedSubscribers,
  );
  const { deliveries, jobs } = await fanOutAlerts(deps.records, alerts, subscribers, deps.operators ?? []);
  const { referendumChanges, accounts } = loaded.input;
  return {
    version: at.version,
    base,
    alerts,
    deliveries,
    jobs,
    notes,
    stats: stats(referendumChanges.length, accounts.length, read),
  };
}

/** How much earlier than the detector's clock a subscription made elsewhere may be stamped. */
const FAN_OUT_CLOCK_MARGIN_MS = 5_000;

/** Runs detection, enqueues its jobs, then moves the cursor. Returns the run (null before any snapshot). */
export async function detectAndEnqueue(
  deps: DetectorDeps & { queue: JobQueue },
  options: { version?: number; endpoint?: string | null } = {},
): Promise<DetectionRun | null> {
  // Taken before the subscribers are read, on the wall clock subscriptions are stamped with (the
  // detector's own clock may be a chain's), a few seconds earlier still for the clocks of other
  // Lambdas (kept within milliseconds of each other by the platform's time sync).
  const readFrom = Date.now() - FAN_OUT_CLOCK_MARGIN_MS;
  const run = await runDetection(deps, options);
  if (!run) return null;
  // Encoded a thousand at a time (a job is about 1.5 kB); the queue sends them in batches of ten.
  for (let i = 0; i < run.jobs.length; i += 1_000)
    await deps.queue.send(
      run.jobs.slice(i, i + 1_000).map((job) => ({ body: encodeJob(job), platform: job.target.platform })),
    );
  if (run.alerts.length > 0)
    await deps.records.markFannedOut?.(
      run.alerts.map((a) => a.id),
      readFrom,
    );
  await deps.records.advanceCursor(run.version, options.endpoint ?? null);
  for (const note of run.notes) deps.log?.(`alerts v${run.version}: ${note}`);
  return run;
}
