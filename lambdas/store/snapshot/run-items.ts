/**
 * The items one snapshot run writes: values are queued, then flushed in batches, each batch's keys
 * journalled before its items are written, so an aborted run's items can always be found and
 * deleted. Every item carries the run's `exp`.
 */

import type { Item, ItemKey, Packed, TableIo, WriteTally } from '../table/index.js';
import { journalKey, manifestChunkKey, packText, RunStateError } from '../table/index.js';
import type { ChunkRef, ManifestDirectory } from './manifest.js';
import type { ManifestPlan } from './manifest-plan.js';
import { valueItems } from './value-items.js';

interface PendingValue {
  head: ItemKey;
  parts: number;
  items: Item[];
}

const FLUSH_VALUES = 400;
const FLUSH_BYTES = 4_000_000;
const JOURNAL_BYTES = 200_000;

export class RunItems {
  private pending: PendingValue[] = [];
  private pendingBytes = 0;
  /** Keys of the items written so far (journal items apart). */
  readonly written: ItemKey[] = [];
  readonly journal: ItemKey[] = [];
  /** Bytes of value payload queued (after compression). */
  bytesWritten = 0;

  constructor(
    private readonly io: TableIo,
    private readonly version: number,
    private readonly exp: number,
    private readonly tally: WriteTally,
    private readonly deadline: { now: () => number; startedAt: number; maxRunMs: number },
  ) {}

  /** A run past its deadline may no longer write: a newer run may have begun and flipped. */
  checkDeadline(): void {
    const { now, startedAt, maxRunMs } = this.deadline;
    if (now() > startedAt + maxRunMs)
      throw new RunStateError(
        `run ${this.version} passed its ${maxRunMs} ms deadline; it may no longer write`,
      );
  }

  /** Whether enough is queued that the caller should flush now. */
  get full(): boolean {
    return this.pending.length >= FLUSH_VALUES || this.pendingBytes >= FLUSH_BYTES;
  }

  /** Queues a value's head and part items, each with this run's `exp` (or `exp`); returns the item count. */
  queueValue(head: ItemKey, packed: Packed, bytes: number, exp = this.exp): number {
    const items = valueItems(head, head.sk, packed, { v: this.version }).map((item) => ({ ...item, exp }));
    this.pending.push({ head, parts: items.length, items });
    this.pendingBytes += bytes;
    this.bytesWritten += bytes;
    return items.length;
  }

  queueTombstone(head: ItemKey, exp: number): void {
    this.pending.push({ head, parts: 1, items: [{ ...head, v: this.version, t: true, exp }] });
  }

  /** Queues the chunks the plan writes; returns the new directory and the items written only to refresh. */
  queueManifest(plan: ManifestPlan): { directory: ManifestDirectory; refreshItems: number } {
    const chunks = [...plan.kept] as ChunkRef[];
    let refreshItems = 0;
    for (const write of plan.writes) {
      const packed = packText(write.text, `manifest chunk ${write.bucket}`);
      const parts = this.queueValue(manifestChunkKey(this.version, write.bucket), packed, 0);
      if (write.refreshOnly) refreshItems += parts;
      const { hash, count } = write;
      chunks[write.bucket] = { version: this.version, parts, hash, count, exp: this.exp };
    }
    return { directory: { buckets: plan.buckets, chunks }, refreshItems };
  }

  /** Journals the pending keys, then writes the pending items. */
  async flush(): Promise<void> {
    while (this.pending.length > 0) {
      this.checkDeadline();
      const batch = this.pending.splice(0, FLUSH_VALUES);
      this.pendingBytes = this.pending.length === 0 ? 0 : this.pendingBytes;
      await this.writeJournal(batch.map((p) => [p.head.pk, p.head.sk, p.parts]));
      const items = batch.flatMap((p) => p.items);
      for (const item of items) this.written.push({ pk: String(item.pk), sk: String(item.sk) });
      await this.io.batchWrite(
        items.map((put) => ({ put })),
        this.tally,
        'version',
      );
    }
  }

  /** Deletes everything written so far, journal included; returns the delete count. */
  async deleteAll(): Promise<number> {
    const keys = [...this.written, ...this.journal];
    const before = this.tally.writes.cleanup;
    await this.io.batchWrite(
      keys.map((key) => ({ delete: key })),
      this.tally,
      'cleanup',
    );
    this.written.length = 0;
    this.journal.length = 0;
    return this.tally.writes.cleanup - before;
  }

  /** After the flip the journal is no longer needed. */
  async deleteJournal(): Promise<void> {
    await this.io.batchWrite(
      this.journal.map((key) => ({ delete: key })),
      this.tally,
      'cleanup',
    );
  }

  private async writeJournal(rows: Array<[string, string, number]>): Promise<void> {
    let start = 0;
    while (start < rows.length) {
      let end = start;
      let size = 0;
      while (end < rows.length && (end === start || size < JOURNAL_BYTES))
        size += JSON.stringify(rows[end++]).length;
      const key = journalKey(this.version, this.journal.length);
      this.journal.push(key);
      await this.io.put(
        { ...key, v: this.version, keys: JSON.stringify(rows.slice(start, end)), exp: this.exp },
        this.tally,
        'version',
      );
      start = end;
    }
  }
}
