/**
 * One snapshot run: read the chain at one pinned block, cut the snapshot into entities, write the
 * ones that changed as a new version and flip the pointer. When anything fails, nothing is
 * committed and the previous version stays served.
 */

import type { CommitResult, SnapshotStore } from '../../core/ports/snapshot-store.js';
import { ENTITY, type Entity, type StatusEntity } from '../../core/snapshot/entities.js';
import { nextRuntimeRecord, type RuntimeRecord, runtimeUpgrade } from '../../core/snapshot/runtime-record.js';
import type { EntitySection } from '../../core/snapshot/sections.js';
import { snapshotSections } from '../../core/snapshot/snapshot-entities.js';
import { nextTallyHistories } from '../../core/snapshot/tally-history-entities.js';
import { carriedEraStarts } from '../../core/staking/era-slice.js';
import type { EraSlice } from '../../core/staking/slice-types.js';
import { linkSpends, SPEND_CALLS_ID, type SpendCallMemory } from '../../core/treasury/approved-by.js';
import type { Snapshot } from '../../core/types/snapshot.js';
import { refreshTitles, type TitleSourceOptions } from '../titles/refresh.js';
import { markingKeptEras } from './build-cache/kept-eras.js';
import { SectionCache, type SectionRunStats } from './build-cache/section-cache.js';
import { type ChainEndpoints, readSnapshot } from './chain-reader.js';
import type { EraArchive } from './read/era-archive.js';
import type { IdentityCache } from './read/identities-cache.js';
import { type IdentityStepResult, identityStep } from './read/identities-step.js';
import { blobMetadataKeeper } from './read/kept-metadata.js';

export interface SnapshotJobDeps {
  store: SnapshotStore;
  endpoints: ChainEndpoints;
  archive: EraArchive;
  /** The addresses subscribers watch: each gets a voting record, empty when it has never voted. */
  watched?: () => Promise<readonly string[]>;
  log?: (message: string) => void;
  connectTimeoutMs?: number;
  readTimeoutMs?: number;
  /** Each RPC request's own timeout (see `DEFAULT_REQUEST_TIMEOUT_MS`). */
  requestTimeoutMs?: number;
  /** Where referendum titles come from; without it titles are worded from the calls alone. */
  titles?: TitleSourceOptions;
  /** Wall clock, ms (default Date.now): when titles were looked up. */
  now?: () => number;
  /** What the last People chain read found (the warm container's, unless a test gives its own). */
  identities?: IdentityCache;
  /**
   * The sections of the last version this process committed, to carry what did not change (default:
   * one per store, kept for the life of the process, as a warm Lambda container keeps it).
   */
  sections?: SectionCache;
}

const sectionCaches = new WeakMap<SnapshotStore, SectionCache>();

function sectionCacheOf(store: SnapshotStore): SectionCache {
  let cache = sectionCaches.get(store);
  if (!cache) {
    cache = new SectionCache();
    sectionCaches.set(store, cache);
  }
  return cache;
}

export interface SnapshotSummary {
  version: number;
  relayBlock: number;
  blockNumber: number;
  era: number;
  validators: number;
  nominators: number;
  poolMembers: number;
  referenda: number;
  /** Voter records: every account with votes, delegations or class locks, and every watched address. */
  voters: number;
  /** What reading conviction voting took (part of `rpcRequests` and `readMs`). */
  voting: { rpcRequests: number; readMs: number };
  /** What reading the treasury and bounties took (part of `rpcRequests` and `readMs`). */
  treasury: { rpcRequests: number; readMs: number; spends: number; bounties: number };
  /** The side chains' part of `rpcRequests` (the relay pin and its paras; the Coretime chain), and what was read. */
  parachains: { relayRequests: number; coretimeRequests: number; paras: number; crowdloanEntries: number };
  slashes: number;
  /** Entities in the version (accounts, validators, referenda, pools, aggregates). */
  entities: number;
  rpcRequests: number;
  erasReadFromChain: number;
  entitiesChanged: number;
  entitiesRemoved: number;
  itemsWritten: number;
  /** Entity payload bytes written (after compression): what write units are billed on. */
  bytesWritten: number;
  /** Of `itemsWritten`, items rewritten unchanged only to keep them from expiring. */
  refreshedItems: number;
  readMs: number;
  writeMs: number;
  ms: number;
  endpoint: string;
  /** The pinned block's runtime, and since when Herald has read under it. */
  runtime: RuntimeRecord;
  /** Set when this run is the first under a new spec version. */
  runtimeUpgrade: { from: number; to: number } | null;
  warnings: string[];
  /** Title lookups this run (null without a title source). */
  titles: { looked: number; found: number; failed: number } | null;
  /** The People chain read: its pinned block, and how many of the shown addresses were read again. */
  identities: IdentityStepResult['summary'];
  /** Which entity sections were built and which carried unchanged from the base version. */
  sections: SectionRunStats;
}

/** Begins a version, writes the sections (carrying the unchanged ones) and the rest, and commits. */
async function writeSections(
  store: SnapshotStore,
  cache: SectionCache,
  meta: unknown,
  snapshot: Snapshot,
  sections: readonly EntitySection[],
  rest: Iterable<Entity>,
): Promise<{ result: CommitResult; stats: SectionRunStats }> {
  const run = await store.beginVersion(meta);
  try {
    const stats = await cache.write(run, snapshot, sections);
    await run.write(rest);
    const result = await run.commit(meta);
    cache.committed(result.version);
    return { result, stats };
  } catch (error) {
    cache.failed();
    await run.abort().catch(() => undefined);
    throw error;
  }
}

export async function runSnapshotJob(deps: SnapshotJobDeps): Promise<SnapshotSummary> {
  const started = performance.now();
  const log = deps.log ?? (() => undefined);
  const cache = deps.sections ?? sectionCacheOf(deps.store);
  const watched = deps.watched ? await deps.watched() : [];
  const read = await readSnapshot(deps.endpoints, {
    archive: markingKeptEras(deps.archive, cache.fingerprints),
    watched,
    log,
    metadataKeeper: blobMetadataKeeper(deps.store, log),
    connectTimeoutMs: deps.connectTimeoutMs,
    readTimeoutMs: deps.readTimeoutMs,
    requestTimeoutMs: deps.requestTimeoutMs,
  });
  const { snapshot } = read;
  const titles = deps.titles
    ? await refreshTitles(deps.titles, deps.store, snapshot.governance.referenda, (deps.now ?? Date.now)())
    : null;
  if (titles) snapshot.warnings.push(...titles.warnings);
  const names = await identityStep(
    {
      endpoints: deps.endpoints.people,
      store: deps.store,
      cache: deps.identities,
      timeoutMs: deps.connectTimeoutMs,
      requestTimeoutMs: deps.requestTimeoutMs,
      log,
    },
    snapshot,
    Date.now(),
  );
  for (const warning of snapshot.warnings) log(`snapshot warning: ${warning}`);
  const [previousEra, served, histories, spendCalls] = await Promise.all([
    deps.store.getEntity<EraSlice>(ENTITY.era, 'current').catch(() => undefined),
    deps.store.getEntity<StatusEntity>(ENTITY.status, 'current').catch(() => undefined),
    nextTallyHistories(snapshot, deps.store),
    deps.store.getEntity<SpendCallMemory>(ENTITY.treasury, SPEND_CALLS_ID),
  ]);
  // Which referendum approved each new spend, from the spend calls remembered run to run.
  const linked = linkSpends(spendCalls, snapshot);
  snapshot.treasury = linked.treasury;
  const memory: Entity[] = linked.memory
    ? [{ kind: ENTITY.treasury, id: SPEND_CALLS_ID, data: linked.memory }]
    : [];
  const runtime = nextRuntimeRecord(served, snapshot.anchor);
  const upgrade = runtimeUpgrade(served, snapshot);
  if (upgrade)
    log(
      `runtime upgrade: spec ${upgrade.from} -> ${upgrade.to}, first read at relay block ${snapshot.anchor.relayBlock} (metadata of the pinned block)`,
    );
  const writeStarted = performance.now();
  const meta = {
    relayBlock: snapshot.anchor.relayBlock,
    blockNumber: snapshot.anchor.blockNumber,
    blockHash: snapshot.anchor.blockHash,
  };
  const sections = snapshotSections(
    carriedEraStarts(previousEra, snapshot.anchor.genesisHash),
    runtime,
    names.names,
    { cache: titles?.cache ?? null },
  );
  const { result, stats } = await writeSections(deps.store, cache, meta, snapshot, sections, [
    ...histories,
    ...memory,
  ]);
  const done = performance.now();
  return {
    version: result.version,
    relayBlock: snapshot.anchor.relayBlock,
    blockNumber: snapshot.anchor.blockNumber,
    era: snapshot.staking.activeEra.index,
    validators: Object.keys(snapshot.staking.validators).length,
    nominators: Object.keys(snapshot.staking.nominators).length,
    poolMembers: Object.keys(snapshot.pools.members).length,
    referenda: Object.keys(snapshot.governance.referenda).length,
    voters: Object.keys(snapshot.voting).length,
    voting: { rpcRequests: read.voting.rpcRequests, readMs: read.voting.ms },
    treasury: {
      rpcRequests: read.treasury.rpcRequests,
      readMs: read.treasury.ms,
      spends: snapshot.treasury?.spends.length ?? 0,
      bounties: snapshot.bounties?.bounties.length ?? 0,
    },
    parachains: {
      relayRequests: read.relayRequests,
      coretimeRequests: read.coretimeRequests,
      paras: snapshot.parachains?.relay?.paras.length ?? 0,
      crowdloanEntries:
        (snapshot.parachains?.crowdloan?.contributions.length ?? 0) +
        (snapshot.parachains?.crowdloan?.deposits.length ?? 0),
    },
    slashes: snapshot.staking.slashes.length,
    entities: result.entitiesSeen,
    rpcRequests: read.rpcRequests,
    erasReadFromChain: read.history.erasReadFromChain,
    entitiesChanged: result.entitiesAdded + result.entitiesChanged,
    entitiesRemoved: result.entitiesRemoved,
    itemsWritten: result.itemsWritten,
    bytesWritten: result.bytesWritten,
    refreshedItems: result.refreshedItems,
    readMs: Math.round(writeStarted - started),
    writeMs: Math.round(done - writeStarted),
    ms: Math.round(done - started),
    endpoint: read.endpoint,
    runtime,
    runtimeUpgrade: upgrade && { from: upgrade.from, to: upgrade.to },
    warnings: snapshot.warnings,
    titles: titles && { looked: titles.looked, found: titles.found, failed: titles.failed },
    identities: names.summary,
    sections: stats,
  };
}
