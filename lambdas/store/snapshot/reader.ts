/**
 * Reads at a committed pointer. An entity is one Query on its partition: the newest item at or
 * below the pointer that is not from an aborted version (plus one BatchGetItem for large values).
 */

import type {
  GetOptions,
  SnapshotReader,
  StorePointer,
  VersionInfo,
} from '../../../core/ports/snapshot-reader.js';
import {
  entityPk,
  fromCanonicalJson,
  type Item,
  runPool,
  type TableIo,
  versionFromSk,
  versionRecordKey,
  versionSk,
} from '../table/index.js';
import { checkId, checkKind } from './entity-input.js';
import { hasExpired } from './expiry.js';
import { readMeta } from './pointer.js';
import { readValue } from './value-items.js';

export interface ReaderOptions {
  /** Strongly consistent entity reads (default true): a reader never sees a pointer without its items. */
  consistentReads: boolean;
  /** How long a fetched pointer is reused; 0 reads it on every call. */
  pointerCacheMs: number;
  now: () => number;
}

export class DynamoSnapshotReader implements SnapshotReader {
  private cached: { pointer: StorePointer | undefined; at: number } | undefined;

  constructor(
    private readonly io: TableIo,
    private readonly options: ReaderOptions,
  ) {}

  async getPointer(): Promise<StorePointer | undefined> {
    const now = this.options.now();
    if (this.cached && now - this.cached.at < this.options.pointerCacheMs) return this.cached.pointer;
    const { pointer } = await readMeta(this.io, true);
    this.cached = { pointer, at: now };
    return pointer;
  }

  async getEntity<T = unknown>(kind: string, id: string, options?: GetOptions): Promise<T | undefined> {
    checkId(id, checkKind(kind));
    const pointer = options?.pointer ?? (await this.getPointer());
    if (!pointer) return undefined;
    return this.readAt<T>(kind, id, pointer, this.consistent(options));
  }

  async getEntities<T = unknown>(
    kind: string,
    ids: Iterable<string>,
    options?: GetOptions,
  ): Promise<Map<string, T>> {
    checkKind(kind);
    const list = [...new Set(ids)];
    for (const id of list) checkId(id, kind);
    const found = new Map<string, T>();
    const pointer = options?.pointer ?? (await this.getPointer());
    if (!pointer) return found;
    const values = new Map<string, T | undefined>();
    const consistent = this.consistent(options);
    await runPool(list, 16, async (id) => {
      values.set(id, await this.readAt<T>(kind, id, pointer, consistent));
    });
    // In the order asked for, whatever order the reads finished in.
    for (const id of list) {
      const value = values.get(id);
      if (value !== undefined) found.set(id, value);
    }
    return found;
  }

  async getVersionInfo(version: number): Promise<VersionInfo | undefined> {
    if (!Number.isSafeInteger(version) || version < 1) return undefined;
    const item = await this.io.get(versionRecordKey(version), this.options.consistentReads);
    if (!item) return undefined;
    return {
      version,
      committedAt: Number(item.cat),
      meta: fromCanonicalJson(String(item.meta), `meta of version ${version}`),
      summary: fromCanonicalJson(String(item.sum), `summary of version ${version}`),
      entityCount: Number(item.n),
    };
  }

  /** Strongly consistent unless the caller vouches the value is settled (GetOptions.settled). */
  private consistent(options: GetOptions | undefined): boolean {
    return this.options.consistentReads && options?.settled !== true;
  }

  private async readAt<T>(
    kind: string,
    id: string,
    pointer: StorePointer,
    consistent: boolean,
  ): Promise<T | undefined> {
    const aborted = new Set(pointer.aborted);
    const pick = (items: Item[]) => items.find((item) => !aborted.has(versionFromSk(String(item.sk))));
    const items = await this.io.query(
      {
        KeyConditionExpression: 'pk = :pk AND sk <= :top',
        ExpressionAttributeValues: { ':pk': entityPk(kind, id), ':top': versionSk(pointer.version) },
        ScanIndexForward: false,
        Limit: 1 + aborted.size,
        ConsistentRead: consistent,
      },
      undefined,
      (page) => pick(page) !== undefined,
    );
    const head = pick(items);
    if (!head || head.t === true) return undefined;
    // Past its exp: gone, whether or not AWS has deleted it yet (a tombstone above it may be gone already).
    if (hasExpired(head, this.options.now())) return undefined;
    const what = `entity ${kind}/${id}@${versionFromSk(String(head.sk))}`;
    const bytes = await readValue(this.io, head, String(head.sk), consistent, what);
    return fromCanonicalJson(bytes.toString('utf8'), what) as T;
  }
}
