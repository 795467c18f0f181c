/** The DynamoDB implementation of the snapshot store: reader, writer and blobs over one table. */
import type { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import type {
  CommitResult,
  SnapshotStore,
  VersionRun,
  WriteProgress,
} from '../../../core/ports/snapshot-store.js';
import type { Entity } from '../../../core/snapshot/entities.js';
import { LAPSING_KINDS, LONG_LIVED_KINDS } from '../../../core/snapshot/entities.js';
import { InvalidInputError, TableIo, WriteTally } from '../table/index.js';
import { beginRun } from './begin-run.js';
import { DynamoBlobStore } from './blobs.js';
import { expiryPolicy } from './expiry.js';
import { DynamoSnapshotReader } from './reader.js';
import { reapAborted } from './reaper.js';
import type { RunContext } from './version-run.js';
import { WarmBase } from './warm-base.js';

export interface DynamoStoreOptions {
  client: DynamoDBClient;
  tableName: string;
  /** Every item a run writes expires this long after the run began (default 4 days). */
  itemLifetimeMs?: number;
  /** A current item with less than this left is rewritten by the next run (default half the lifetime). */
  refreshMarginMs?: number;
  /** Refreshes per run, oldest first (default 2,000); items with under half the margin left go regardless. */
  maxRefreshesPerRun?: number;
  /** Extra time tombstones outlive the items they hide (default 7 days). */
  tombstoneRetentionMs?: number;
  /** A run may write for this long after it began (default 15 min, the Lambda limit). */
  maxRunMs?: number;
  /** Reader: reuse a fetched pointer for this long (default 0). */
  pointerCacheMs?: number;
  /** Reader: strongly consistent entity reads (default true). */
  consistentReads?: boolean;
  /** Parallel batch requests (default 4). */
  concurrency?: number;
  /** Attempts for unprocessed batch items (default 8). */
  maxAttempts?: number;
  now?: () => number;
  /** Keep the manifest of the version this store last committed for its next run (default true). */
  keepCommittedManifest?: boolean;
  /** Kinds left out of a version without a tombstone (default: core's LAPSING_KINDS). */
  lapsingKinds?: Iterable<string>;
  /** Kinds whose items live `longLifetimeMs` (default: core's LONG_LIVED_KINDS). */
  longLivedKinds?: Iterable<string>;
  /** Lifetime of the long-lived kinds' items (default 30 days, at least `itemLifetimeMs`). */
  longLifetimeMs?: number;
}

export function createDynamoStore(options: DynamoStoreOptions): SnapshotStore {
  if (!options?.client || typeof options.tableName !== 'string' || options.tableName.length < 3) {
    throw new InvalidInputError(
      'createDynamoStore needs a DynamoDBClient and a table name of 3 or more characters',
    );
  }
  const doc = DynamoDBDocumentClient.from(options.client, {
    marshallOptions: { removeUndefinedValues: true, convertEmptyValues: false },
  });
  const io = new TableIo(doc, options.tableName, {
    concurrency: options.concurrency,
    maxAttempts: options.maxAttempts,
  });
  const now = options.now ?? Date.now;
  const maxRunMs = options.maxRunMs ?? 15 * 60_000;
  const ctx: RunContext = {
    io,
    now,
    expiry: expiryPolicy(options),
    maxRunMs,
    reap: (tally) => reapAborted(io, now(), maxRunMs, tally),
    warmBase: options.keepCommittedManifest === false ? undefined : new WarmBase(),
    lapsing: new Set(options.lapsingKinds ?? LAPSING_KINDS),
    longLived: new Set(options.longLivedKinds ?? LONG_LIVED_KINDS),
  };
  const reader = new DynamoSnapshotReader(io, {
    consistentReads: options.consistentReads ?? true,
    pointerCacheMs: options.pointerCacheMs ?? 0,
    now,
  });
  const blobs = new DynamoBlobStore(io);

  const writeVersion = async (
    meta: unknown,
    entities: Iterable<Entity> | AsyncIterable<Entity>,
    summary?: unknown,
  ): Promise<CommitResult> => {
    const run = await beginRun(ctx, meta);
    try {
      await run.write(entities);
      return await run.commit(summary);
    } catch (error) {
      await run.abort().catch(() => undefined);
      throw error;
    }
  };

  return {
    getPointer: () => reader.getPointer(),
    getEntity: (kind, id, opts) => reader.getEntity(kind, id, opts),
    getEntities: (kind, ids, opts) => reader.getEntities(kind, ids, opts),
    getVersionInfo: (version) => reader.getVersionInfo(version),
    beginVersion: (meta): Promise<VersionRun> => beginRun(ctx, meta),
    writeEntities: (run, entities): Promise<WriteProgress> => run.write(entities),
    commit: (run, summary) => run.commit(summary),
    writeVersion,
    reapAborted: () => reapAborted(io, now(), maxRunMs, new WriteTally()),
    putBlob: (key, bytes) => blobs.putBlob(key, bytes),
    getBlob: (key) => blobs.getBlob(key),
    listBlobs: (prefix) => blobs.listBlobs(prefix),
    deleteBlob: (key) => blobs.deleteBlob(key),
  };
}
