/**
 * Loads what detection needs for a version range: the chain clock, the referenda that changed, the
 * watched accounts (all of them when the era moved, else those that changed) before and after, the
 * era slices, the deadline lead times (from the subscription store's summary), the stored votes and
 * voting records, the slashes, the treasury, and parachains, coretime and the watched addresses'
 * crowdloan refunds.
 */

import type { DetectionInput } from '../../core/alerts/detect.js';
import type { DetectionClock } from '../../core/alerts/detect-context.js';
import type { ReferendumChange } from '../../core/alerts/detect-referenda.js';
import type { AccountChange } from '../../core/alerts/detect-staking.js';
import type { SubscriberRef } from '../../core/alerts/matching.js';
import type { ReferendumRecord } from '../../core/alerts/rule-types.js';
import type { AlertRules } from '../../core/alerts/thresholds.js';
import type { SnapshotReader } from '../../core/ports/snapshot-reader.js';
import type { SubscriptionStore } from '../../core/ports/subscription-store.js';
import { ENTITY, type ReferendaIndex, type StatusEntity } from '../../core/snapshot/entities.js';
import { runtimeUpgrade } from '../../core/snapshot/runtime-record.js';
import type { AccountStakingSlice, EraSlice } from '../../core/staking/slice-types.js';
import { readAccountSlices } from '../../core/staking/stored-read.js';
import type { OngoingReferendum, TrackInfo } from '../../core/types/governance.js';
import type { SummaryReach } from './resolve-subscribers.js';
import { readParachains } from './stored-parachains.js';
import { readSlashes, readVotes } from './stored-sources.js';
import { readTreasury } from './stored-treasury.js';
import { readVoters } from './stored-voters.js';
import type { VersionRange } from './version-range.js';

export interface LoadedChanges {
  input: DetectionInput;
  /**
   * Subscribers read before detection, since their settings say what to look for: the deadline,
   * coretime and para subscribers of a kind whose settings summary could not be trusted.
   */
  preloadedSubscribers: SubscriberRef[];
  /** Per summarised kind: whether its subscribers are among them, and when one last changed. */
  reach: SummaryReach['kinds'];
  /** What the run must say: settings summaries that were missing or being rebuilt. */
  warnings: string[];
}

type Subscriptions = Pick<SubscriptionStore, 'watchedAddresses' | 'deadlineLeads' | 'watchedSettings'>;

/** Null when the version has no status entity (nothing to detect on). */
export async function loadChanges(
  deps: { store: SnapshotReader; subscriptions: Subscriptions },
  range: VersionRange,
  rules: AlertRules,
  nowMs: number,
  endpoint: string | null,
): Promise<LoadedChanges | null> {
  const { store } = deps;
  const { at, basePointer, touched } = range;
  const status = await store.getEntity<StatusEntity>(ENTITY.status, 'current', { pointer: at });
  if (!status) return null;
  const clock: DetectionClock = {
    version: at.version,
    relayBlock: status.anchor.relayBlock,
    timestampMs: status.anchor.timestampMs,
    nowMs,
  };
  const [tracks = [], index, eraAfter, statusBefore] = await Promise.all([
    store.getEntity<TrackInfo[]>(ENTITY.tracks, 'all', { pointer: at }),
    store.getEntity<ReferendaIndex>(ENTITY.index, 'referenda', { pointer: at }),
    store.getEntity<EraSlice>(ENTITY.era, 'current', { pointer: at }),
    basePointer
      ? store.getEntity<StatusEntity>(ENTITY.status, 'current', { pointer: basePointer })
      : undefined,
  ]);
  const upgrade = runtimeUpgrade(statusBefore, status);
  const ongoing = (index?.ongoing ?? [])
    .map((o) => o.info)
    .filter((i): i is OngoingReferendum => i.status === 'ongoing');
  const referendumChanges = await loadReferendumChanges(store, range);
  const watched = await deps.subscriptions.watchedAddresses();
  const eraBefore =
    basePointer && touched(ENTITY.era).length > 0
      ? await store.getEntity<EraSlice>(ENTITY.era, 'current', { pointer: basePointer })
      : eraAfter;
  const { accounts, afterAccounts } = await loadAccountChanges(store, range, watched, {
    before: eraBefore,
    after: eraAfter,
  });
  const deadlines = await deps.subscriptions.deadlineLeads();
  const relayBlocks = { at: status.anchor.relayBlock, base: statusBefore?.anchor.relayBlock ?? null };
  const [votes, slashes, voters, treasury, parachains] = await Promise.all([
    readVotes(store, at, watched, ongoing, tracks, clock, rules),
    readSlashes(store, at, basePointer, touched(ENTITY.slashes).length > 0, eraAfter, watched, afterAccounts),
    readVoters(store, range, watched, index, relayBlocks),
    readTreasury(store, range, relayBlocks),
    readParachains(store, deps.subscriptions, range, relayBlocks, watched),
  ]);
  const input: DetectionInput = {
    clock,
    rules,
    referendumChanges,
    ongoing,
    tracks,
    deadlineLeadMinutes: deadlines.leads,
    accounts,
    eraBefore: basePointer ? eraBefore : undefined,
    eraAfter,
    votes,
    voters,
    slashes,
    treasury,
    parachains: parachains?.data,
    health: {
      previousEndpoint: range.previousEndpoint,
      endpoint,
      runtime: upgrade ? { ...upgrade, version: at.version, warnings: status.warnings } : undefined,
    },
  };
  return {
    input,
    preloadedSubscribers: [
      ...((deadlines.subscribers ?? []) as SubscriberRef[]),
      ...(parachains?.subscribers ?? []),
    ],
    reach: {
      deadlines: { preloaded: deadlines.subscribers !== undefined, changedAtMs: deadlines.changedAtMs },
      ...parachains?.reach,
    },
    warnings: [...(deadlines.warning ? [deadlines.warning] : []), ...(parachains?.warnings ?? [])],
  };
}

/** The referenda that changed since the base, before and after. */
async function loadReferendumChanges(
  store: SnapshotReader,
  range: VersionRange,
): Promise<ReferendumChange[]> {
  const ids = range.touched(ENTITY.referendum);
  const [before, after] = await Promise.all([
    range.basePointer
      ? store.getEntities<ReferendumRecord>(ENTITY.referendum, ids, { pointer: range.basePointer })
      : new Map<string, ReferendumRecord>(),
    store.getEntities<ReferendumRecord>(ENTITY.referendum, ids, { pointer: range.at }),
  ]);
  return ids.map((id) => ({ id: Number(id), before: before.get(id), after: after.get(id) }));
}

/**
 * Watched accounts: all of them when the era moved, or the stake set (a target's prefs, the elected
 * set) or a pool changed, else only those whose own record changed. Their slices are joined from the
 * stored parts (core/staking/stored-read.ts) in a bounded number of batched reads, before and after.
 */
async function loadAccountChanges(
  store: SnapshotReader,
  { at, basePointer, touched }: VersionRange,
  watched: readonly string[],
  eras: { before: EraSlice | undefined; after: EraSlice | undefined },
): Promise<{ accounts: AccountChange[]; afterAccounts: ReadonlyMap<string, AccountStakingSlice> }> {
  const eraMoved = basePointer === null || touched(ENTITY.era).length > 0;
  const wide = eraMoved || touched(ENTITY.stakeSet).length > 0 || touched(ENTITY.pool).length > 0;
  const changed = new Set(touched(ENTITY.account));
  const check = wide ? [...watched] : watched.filter((a) => changed.has(a));
  const none = new Map<string, AccountStakingSlice>();
  const afterAccounts =
    eras.after && check.length > 0 ? await readAccountSlices(store, at, check, eras.after) : none;
  const beforeAccounts =
    basePointer && eras.before && check.length > 0
      ? await readAccountSlices(store, basePointer, check, eras.before)
      : none;
  const accounts = check.map((address) => ({
    address,
    before: basePointer ? beforeAccounts.get(address) : undefined,
    after: afterAccounts.get(address),
  }));
  return { accounts, afterAccounts };
}
