/**
 * One snapshot run. Entities are compared with the base version's manifest; only new or changed
 * ones are written (under the run's version, invisible until the flip), plus unchanged ones whose
 * items near their `exp` (refreshes), then the manifest, the version record, and finally the
 * pointer, with a conditional write that only the newest started run can win. Every item carries
 * its `exp` from the start; every key written is journalled first, so an aborted run can be reaped.
 */

import type {
  AbortResult,
  CommitResult,
  EntityRef,
  ReapResult,
  VersionRun,
  WriteProgress,
} from '../../../core/ports/snapshot-store.js';
import type { Entity } from '../../../core/snapshot/entities.js';
import type { TableIo, WriteTally } from '../table/index.js';
import {
  contentHash,
  entityKey,
  InvalidInputError,
  packedSize,
  packText,
  RunStateError,
  versionRecordKey,
} from '../table/index.js';
import type { BaseState } from './base-manifest.js';
import { carryFromBase } from './carry.js';
import { checkEntity, checkEntitySource, checkSmallValue } from './entity-input.js';
import { type ExpiryPolicy, KindStamps, pickRefreshes } from './expiry.js';
import { flipPointer, forgetAborted } from './flip.js';
import { encodeDirectory, entityMapKey, type ManifestDirectory, type ManifestEntry } from './manifest.js';
import { type ManifestPlan, planManifest } from './manifest-plan.js';
import { queueRemovals } from './removals.js';
import { RunItems } from './run-items.js';
import type { WarmBase } from './warm-base.js';

export interface RunContext {
  io: TableIo;
  now: () => number;
  expiry: ExpiryPolicy;
  maxRunMs: number;
  reap: (tally: WriteTally) => Promise<ReapResult>;
  /** This process's last committed manifest, the next run's base when nothing committed since. */
  warmBase?: WarmBase;
  /** Kinds left out of a version without a tombstone (core's LAPSING_KINDS). */
  lapsing: ReadonlySet<string>;
  /** Kinds whose items get the long lifetime (core's LONG_LIVED_KINDS). */
  longLived: ReadonlySet<string>;
}

type RunState = 'open' | 'failed' | 'committed' | 'aborted';

export class DynamoVersionRun implements VersionRun {
  private state: RunState = 'open';
  private failure: unknown;
  private busy = false;
  /** The flip's outcome is unknown: deleting this run's items could break a committed version. */
  private mayBeCommitted = false;
  private readonly next = new Map<string, ManifestEntry>();
  private readonly items: RunItems;
  private added = 0;
  private changed = 0;
  private unchanged = 0;
  private carried = 0;
  /** `exp` of what this run writes, and of its tombstones. */
  private readonly stamps: KindStamps;
  /** Unchanged entities of the base this run rewrites because their items near their `exp`. */
  private readonly dueForRefresh: ReadonlySet<string>;
  private readonly refreshed = new Set<string>();
  private refreshedItems = 0;

  constructor(
    private readonly ctx: RunContext,
    readonly version: number,
    readonly baseVersion: number | null,
    private readonly metaText: string,
    private readonly base: BaseState,
    private readonly tally: WriteTally,
    private readonly startedAt: number,
  ) {
    this.stamps = new KindStamps(ctx.expiry, startedAt, ctx.longLived);
    const deadline = { now: ctx.now, startedAt, maxRunMs: ctx.maxRunMs };
    this.items = new RunItems(ctx.io, version, this.stamps.item, tally, deadline);
    this.dueForRefresh = pickRefreshes(base.manifest, base.directory?.buckets ?? 1, startedAt, ctx.expiry);
  }

  async write(entities: Iterable<Entity> | AsyncIterable<Entity>): Promise<WriteProgress> {
    return this.guarded('write', async () => {
      checkEntitySource(entities);
      for await (const entity of entities) {
        this.accept(entity);
        if (this.items.full) await this.items.flush();
      }
      await this.items.flush();
      return this.progress();
    });
  }

  async carry(refs: readonly EntityRef[]): Promise<boolean> {
    return this.guarded('carry', async () => {
      const n = carryFromBase(refs, this.base.manifest, this.dueForRefresh, this.next, this.version);
      this.carried += n ?? 0;
      return n !== undefined;
    });
  }

  async commit(summary?: unknown): Promise<CommitResult> {
    return this.guarded('commit', async () => {
      const summaryText = checkSmallValue(summary, 'summary');
      const removed = queueRemovals(
        this.base.manifest,
        this.next,
        this.version,
        this.ctx.lapsing,
        this.stamps,
        this.items,
      );
      await this.items.flush();
      const { directory, plan } = await this.writeManifest(removed);
      const committedAt = this.ctx.now();
      const record = {
        ...versionRecordKey(this.version),
        v: this.version,
        meta: this.metaText,
        sum: summaryText,
        dz: encodeDirectory(directory),
        n: this.next.size,
        cat: committedAt,
        exp: this.stamps.item,
      };
      this.items.checkDeadline();
      this.items.written.push(versionRecordKey(this.version));
      // Unconditional, so a retried request is harmless: version numbers are never handed out twice.
      await this.ctx.io.put(record, this.tally, 'version');
      const lost = await this.flip(committedAt);
      if (lost) {
        await this.cleanUpQuietly();
        throw lost;
      }
      this.state = 'committed';
      this.ctx.warmBase?.remember({ version: this.version, committedAt, directory, manifest: this.next });
      return this.afterFlip(removed, plan);
    });
  }

  async abort(): Promise<AbortResult> {
    if (this.busy)
      throw new RunStateError(`run ${this.version} is busy; wait for its call to finish before abort()`);
    if (this.state === 'committed')
      throw new RunStateError(`run ${this.version} is committed; it cannot be aborted`);
    if (this.state === 'aborted') return { version: this.version, itemsDeleted: 0 };
    if (this.mayBeCommitted) {
      throw new RunStateError(
        `run ${this.version} may have committed (its flip got no answer); its items stay for the reaper`,
      );
    }
    this.busy = true;
    try {
      const itemsDeleted = await this.cleanUp();
      this.state = 'aborted';
      return { version: this.version, itemsDeleted };
    } finally {
      this.busy = false;
    }
  }

  private async flip(committedAt: number) {
    const { io } = this.ctx;
    try {
      return await flipPointer(io, this.version, this.baseVersion, this.metaText, committedAt, this.tally);
    } catch (error) {
      // Not a definite refusal: the write may still land, so nothing of this run may be deleted.
      this.mayBeCommitted = true;
      throw error;
    }
  }

  private async guarded<T>(what: string, work: () => Promise<T>): Promise<T> {
    if (this.busy)
      throw new RunStateError(`run ${this.version}: ${what}() called while another call is running`);
    if (this.state !== 'open') {
      const reason =
        this.state === 'failed'
          ? `it failed earlier (${(this.failure as Error)?.message}); abort it`
          : `it is already ${this.state}`;
      throw new RunStateError(`run ${this.version} cannot ${what}: ${reason}`);
    }
    this.busy = true;
    try {
      return await work();
    } catch (error) {
      if (this.state === 'open') {
        this.state = 'failed';
        this.failure = error;
      }
      throw error;
    } finally {
      this.busy = false;
    }
  }

  private accept(entity: unknown): void {
    const { kind, id, text } = checkEntity(entity);
    const key = entityMapKey(kind, id);
    if (this.next.has(key))
      throw new InvalidInputError(`entity ${kind}/${id} appears twice in version ${this.version}`);
    const hash = contentHash(text);
    const old = this.base.manifest.get(key);
    const same = old !== undefined && old.hash === hash;
    if (same && !this.dueForRefresh.has(key)) {
      this.next.set(key, old);
      this.unchanged++;
      return;
    }
    const packed = packText(text, `entity ${kind}/${id}`);
    const head = entityKey(kind, id, this.version);
    const exp = this.stamps.of(kind).item;
    const parts = this.items.queueValue(head, packed, packedSize(packed), exp);
    this.next.set(key, { hash, version: this.version, parts, exp });
    if (same) {
      this.refreshed.add(key);
      this.refreshedItems += parts;
    } else if (old) this.changed++;
    else this.added++;
  }

  private async writeManifest(
    removed: Array<[string, ManifestEntry]>,
  ): Promise<{ directory: ManifestDirectory; plan: ManifestPlan }> {
    const plan = planManifest(
      this.next,
      this.base.directory,
      this.version,
      { refreshed: this.refreshed, removed: removed.map(([key]) => key) },
      this.startedAt,
      this.ctx.expiry,
    );
    const { directory, refreshItems } = this.items.queueManifest(plan);
    this.refreshedItems += refreshItems;
    await this.items.flush();
    return { directory, plan };
  }

  private async afterFlip(
    removed: Array<[string, ManifestEntry]>,
    manifest: ManifestPlan,
  ): Promise<CommitResult> {
    const warnings = [...this.base.notes];
    await this.housekeep(warnings, 'deleting the journal', () => this.items.deleteJournal());
    await this.housekeep(warnings, 'reaping aborted versions', () => this.ctx.reap(this.tally));
    const w = this.tally.writes;
    return {
      ...this.progress(),
      version: this.version,
      baseVersion: this.baseVersion,
      entitiesRemoved: removed.length,
      manifestChunksWritten: manifest.writes.length,
      bytesWritten: this.items.bytesWritten,
      refreshedItems: this.refreshedItems,
      cleanupWrites: w.cleanup,
      reapedItems: w.reaped,
      readRequests: this.tally.reads,
      durationMs: this.ctx.now() - this.startedAt,
      warnings,
    };
  }

  private async housekeep(warnings: string[], what: string, work: () => Promise<unknown>): Promise<void> {
    await work().catch((error) => warnings.push(`${what} failed: ${(error as Error).message}`));
  }

  private progress(): WriteProgress {
    return {
      entitiesSeen: this.next.size,
      entitiesAdded: this.added,
      entitiesChanged: this.changed,
      entitiesUnchanged: this.unchanged + this.carried,
      entitiesCarried: this.carried,
      entitiesRefreshed: this.refreshed.size,
      itemsWritten: this.tally.writes.version,
    };
  }

  private async cleanUp(): Promise<number> {
    const deleted = await this.items.deleteAll();
    const before = this.tally.writes.cleanup;
    await forgetAborted(this.ctx.io, this.version, this.tally);
    return deleted + this.tally.writes.cleanup - before;
  }

  private async cleanUpQuietly(): Promise<void> {
    // On failure the reaper deletes what is left once a newer version records this one as aborted.
    await this.cleanUp().catch(() => undefined);
  }
}
