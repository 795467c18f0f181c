/**
 * The snapshot store's writing side: a run writes the complete entity set of one version and
 * commits it; aborted runs are reaped. Callers hand over entities and never see table keys.
 */
import type { Entity } from '../snapshot/entities.js';
import type { SnapshotReader } from './snapshot-reader.js';

export interface WriteProgress {
  entitiesSeen: number;
  entitiesAdded: number;
  entitiesChanged: number;
  /** Carried over without being written (those handed over with `carry` included). */
  entitiesUnchanged: number;
  /** Of `entitiesUnchanged`, those carried by `carry`: never built, encoded or hashed. */
  entitiesCarried: number;
  /** Unchanged, but rewritten because their items neared their expiry (or had none). */
  entitiesRefreshed: number;
  itemsWritten: number;
}

export interface CommitResult extends WriteProgress {
  version: number;
  baseVersion: number | null;
  entitiesRemoved: number;
  /** Every item this version put or updated: entities, parts, tombstones, manifest, journal, record, pointer. */
  itemsWritten: number;
  manifestChunksWritten: number;
  /** Bytes of entity payload written (after compression), refreshes included. */
  bytesWritten: number;
  /** Of `itemsWritten`, the items (heads, parts, manifest chunks) written only to keep them from expiring. */
  refreshedItems: number;
  /** Journal deletions after the flip. */
  cleanupWrites: number;
  /** Items of aborted versions deleted by the reaper during this commit. */
  reapedItems: number;
  readRequests: number;
  durationMs: number;
  /** Expired parts of the base that were written anew, and post-flip housekeeping that failed; the version is committed regardless. */
  warnings: string[];
}

export interface AbortResult {
  version: number;
  itemsDeleted: number;
}

export interface ReapResult {
  versionsReaped: number[];
  itemsDeleted: number;
}

/** One entity named without its data. */
export interface EntityRef {
  kind: string;
  id: string;
}

/**
 * One snapshot run: write the complete entity set (in one or more calls), then commit once. Part
 * of the set may be carried instead of written: entities the caller knows are the same as in the
 * base version.
 */
export interface VersionRun {
  readonly version: number;
  readonly baseVersion: number | null;
  write(entities: Iterable<Entity> | AsyncIterable<Entity>): Promise<WriteProgress>;
  /**
   * Keeps these entities of the base version in this one exactly as they are, without their data
   * (the caller vouches that it would write the same). All or nothing: false, and nothing carried,
   * when one of them is not in the base or its item is due for a refresh; then write them instead.
   */
  carry(refs: readonly EntityRef[]): Promise<boolean>;
  commit(summary?: unknown): Promise<CommitResult>;
  /** Deletes what this run wrote. Use it when the run cannot finish. */
  abort(): Promise<AbortResult>;
}

export interface SnapshotWriter {
  beginVersion(meta: unknown): Promise<VersionRun>;
  writeEntities(run: VersionRun, entities: Iterable<Entity> | AsyncIterable<Entity>): Promise<WriteProgress>;
  commit(run: VersionRun, summary?: unknown): Promise<CommitResult>;
  /** begin + write + commit; aborts the run (and rethrows) when any step fails. */
  writeVersion(
    meta: unknown,
    entities: Iterable<Entity> | AsyncIterable<Entity>,
    summary?: unknown,
  ): Promise<CommitResult>;
  /** Deletes the items of aborted versions old enough that their runs can no longer write. */
  reapAborted(): Promise<ReapResult>;
}

/** Opaque bytes under a string key, split across items as needed (cache of immutable past eras). */
export interface BlobStore {
  putBlob(key: string, bytes: Uint8Array): Promise<{ parts: number; storedBytes: number }>;
  getBlob(key: string): Promise<Uint8Array | undefined>;
  listBlobs(prefix: string): Promise<string[]>;
  deleteBlob(key: string): Promise<boolean>;
}

export interface SnapshotStore extends SnapshotReader, SnapshotWriter, BlobStore {}
