/**
 * The detection runner: reads what changed between the detector's cursor version and the new
 * version (from the manifests), loads only those entities (and the watched addresses' accounts),
 * runs the pure detection, and fans the alerts out to subscribers as grouped jobs. It never sends;
 * `detectAndEnqueue` hands the jobs to the dispatch queue and only then moves the cursor, so a
 * crash re-runs the same detection and the same alert ids (which the dispatcher deduplicates).
 */
import type { Alert } from '../../core/alerts/alert-types.js';
import { detectAlerts } from '../../core/alerts/detect.js';
import type { DetectionClock } from '../../core/alerts/detect-context.js';
import type { ReferendumChange, ReferendumRecord } from '../../core/alerts/detect-referenda.js';
import type { AccountChange } from '../../core/alerts/detect-staking.js';
import { type DeliveryJob, groupDeliveries } from '../../core/alerts/grouping.js';
import { type Delivery, deadlineLeads, fanOut, type SubscriberRef } from '../../core/alerts/matching.js';
import { type AlertRules, resolveRules } from '../../core/alerts/rules.js';
import { type TargetRef, targetKey } from '../../core/commands/subscription-model.js';
import type { AlertRecordStore } from '../../core/ports/alert-records.js';
import type { SnapshotReader, StorePointer } from '../../core/ports/snapshot-reader.js';
import type { SubscriptionStore } from '../../core/ports/subscription-store.js';
import type { VersionDiffer } from '../../core/ports/version-differ.js';
import { ENTITY, type ReferendaIndex, type StatusEntity } from '../../core/snapshot/entities.js';
import type { AccountStakingSlice, EraSlice } from '../../core/staking/slice-types.js';
import type { OngoingReferendum, TrackInfo } from '../../core/types/governance.js';
import { encodeJob } from './job-message.js';
import type { JobQueue } from './queue.js';
import { readSlashes, readVotes } from './stored-sources.js';

export interface DetectorDeps {
  store: SnapshotReader;
  differ: VersionDiffer;
  subscriptions: Pick<SubscriptionStore, 'subscribersOf' | 'watchedAddresses'>;
  records: AlertRecordStore;
  now?: () => number;
  rules?: Partial<AlertRules>;
  /** Operator targets for data-health alerts. */
  operators?: readonly TargetRef[];
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

const CHANGE_KINDS = [ENTITY.referendum, ENTITY.account, ENTITY.era, ENTITY.status, ENTITY.slashes];

async function pointerAt(store: SnapshotReader, version?: number): Promise<StorePointer | undefined> {
  const pointer = await store.getPointer();
  if (!pointer) return undefined;
  if (version === undefined || version === pointer.version) return pointer;
  if (!Number.isSafeInteger(version) || version < 1 || version > pointer.version)
    throw new RangeError(`version ${version} is not committed (the pointer is at ${pointer.version})`);
  if (pointer.aborted.includes(version)) throw new RangeError(`version ${version} was aborted`);
  return { ...pointer, version };
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
  const version = at.version;

  // The base: the cursor's version when it is older than this one and recent enough to diff.
  const cursor = await deps.records.getCursor();
  let base: number | null = cursor && cursor.version < version ? cursor.version : null;
  if (cursor && cursor.version >= version) base = version;
  if (base !== null && base !== version) {
    const info = await deps.store.getVersionInfo(base);
    const maxAge = deps.maxBaseAgeMs ?? 12 * 60 * 60_000;
    if (!info || now() - info.committedAt > maxAge) {
      notes.push(
        `version ${base} is too old to diff against; changes up to version ${version} are not alerted`,
      );
      base = null;
    }
  }
  const basePointer: StorePointer | null = base === null ? null : { ...at, version: base };
  const diff =
    basePointer && base !== version
      ? await deps.differ.diff(base!, version, CHANGE_KINDS)
      : { added: [], changed: [], removed: [] };
  const touched = (kind: string) =>
    [...diff.added, ...diff.changed].filter((e) => e.kind === kind).map((e) => e.id);

  const status = await deps.store.getEntity<StatusEntity>(ENTITY.status, 'current', { pointer: at });
  if (!status) {
    notes.push(`version ${version} has no status entity; nothing detected`);
    return { version, base, alerts: [], deliveries: [], jobs: [], notes, stats: stats(0, 0, 0) };
  }
  const clock: DetectionClock = {
    version,
    relayBlock: status.anchor.relayBlock,
    timestampMs: status.anchor.timestampMs,
    nowMs: now(),
  };
  const [tracks, index, eraAfter] = await Promise.all([
    deps.store.getEntity<TrackInfo[]>(ENTITY.tracks, 'all', { pointer: at }),
    deps.store.getEntity<ReferendaIndex>(ENTITY.index, 'referenda', { pointer: at }),
    deps.store.getEntity<EraSlice>(ENTITY.era, 'current', { pointer: at }),
  ]);
  const ongoing = (index?.ongoing ?? [])
    .map((o) => o.info)
    .filter((i): i is OngoingReferendum => i.status === 'ongoing');

  // Referenda that changed.
  const refIds = touched(ENTITY.referendum);
  const [refBefore, refAfter] = await Promise.all([
    basePointer
      ? deps.store.getEntities<ReferendumRecord>(ENTITY.referendum, refIds, { pointer: basePointer })
      : new Map(),
    deps.store.getEntities<ReferendumRecord>(ENTITY.referendum, refIds, { pointer: at }),
  ]);
  const referendumChanges: ReferendumChange[] = refIds.map((id) => ({
    id: Number(id),
    before: refBefore.get(id),
    after: refAfter.get(id),
  }));

  // Watched accounts: all of them when the era moved (state alerts), else only those that changed.
  const watched = await deps.subscriptions.watchedAddresses();
  const eraMoved = basePointer === null || touched(ENTITY.era).length > 0;
  const changedAccounts = new Set(touched(ENTITY.account));
  const check = eraMoved ? watched : watched.filter((a) => changedAccounts.has(a));
  const afterAccounts = await deps.store.getEntities<AccountStakingSlice>(ENTITY.account, check, {
    pointer: at,
  });
  const beforeIds = check.filter((a) => changedAccounts.has(a));
  const beforeAccounts =
    basePointer && beforeIds.length > 0
      ? await deps.store.getEntities<AccountStakingSlice>(ENTITY.account, beforeIds, { pointer: basePointer })
      : new Map<string, AccountStakingSlice>();
  const accounts: AccountChange[] = check.map((address) => ({
    address,
    before: basePointer
      ? changedAccounts.has(address)
        ? beforeAccounts.get(address)
        : afterAccounts.get(address)
      : undefined,
    after: afterAccounts.get(address),
  }));
  const eraBefore =
    basePointer && touched(ENTITY.era).length > 0
      ? await deps.store.getEntity<EraSlice>(ENTITY.era, 'current', { pointer: basePointer })
      : eraAfter;

  const deadlineSubs = (await deps.subscriptions.subscribersOf({ kind: 'deadlines' })) as SubscriberRef[];
  let subscribersRead = deadlineSubs.length;

  const [votes, slashes] = await Promise.all([
    readVotes(deps.store, at, watched, ongoing, tracks ?? [], clock, rules),
    readSlashes(
      deps.store,
      at,
      basePointer,
      touched(ENTITY.slashes).length > 0,
      eraAfter,
      watched,
      afterAccounts,
    ),
  ]);

  const detection = detectAlerts({
    clock,
    rules,
    referendumChanges,
    ongoing,
    tracks: tracks ?? [],
    deadlineLeadMinutes: deadlineLeads(deadlineSubs),
    accounts,
    eraBefore: basePointer ? eraBefore : undefined,
    eraAfter,
    votes,
    slashes,
    health: { previousEndpoint: cursor?.endpoint ?? null, endpoint: options.endpoint ?? null },
  });
  notes.push(...detection.notes);

  // Subscribers of what was detected.
  const subscribers: SubscriberRef[] = [...deadlineSubs];
  if (detection.alerts.some((a) => a.scope.type === 'referendum')) {
    const subs = (await deps.subscriptions.subscribersOf({ kind: 'referenda' })) as SubscriberRef[];
    subscribers.push(...subs);
    subscribersRead += subs.length;
  }
  const addresses = [
    ...new Set(detection.alerts.flatMap((a) => (a.scope.type === 'address' ? [a.scope.address] : []))),
  ];
  for (let i = 0; i < addresses.length; i += 16) {
    const lists = await Promise.all(
      addresses
        .slice(i, i + 16)
        .map((address) => deps.subscriptions.subscribersOf({ kind: 'address', address })),
    );
    for (const list of lists) {
      subscribers.push(...(list as SubscriberRef[]));
      subscribersRead += list.length;
    }
  }
  const operators = deps.operators ?? [];
  const settings = await deps.records.getSettings([...subscribers.map((s) => s.target), ...operators]);
  const deliveries = fanOut(detection.alerts, subscribers, (t) => settings.get(targetKey(t)), operators);
  return {
    version,
    base,
    alerts: detection.alerts,
    deliveries,
    jobs: groupDeliveries(deliveries),
    notes,
    stats: stats(referendumChanges.length, accounts.length, subscribersRead),
  };

  function stats(referendaChanged: number, accountsChecked: number, read: number) {
    return {
      referendaChanged,
      accountsChecked,
      subscribersRead: read,
      ms: Math.round(performance.now() - started),
    };
  }
}

/** Runs detection, enqueues its jobs, then moves the cursor. Returns the run (null before any snapshot). */
export async function detectAndEnqueue(
  deps: DetectorDeps & { queue: JobQueue },
  options: { version?: number; endpoint?: string | null } = {},
): Promise<DetectionRun | null> {
  const run = await runDetection(deps, options);
  if (!run) return null;
  for (let i = 0; i < run.jobs.length; i += 100)
    await deps.queue.send(
      run.jobs.slice(i, i + 100).map((job) => ({ body: encodeJob(job), platform: job.target.platform })),
    );
  await deps.records.advanceCursor(run.version, options.endpoint ?? null);
  for (const note of run.notes) deps.log?.(`alerts v${run.version}: ${note}`);
  return run;
}
