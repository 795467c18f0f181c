/**
 * What every part reader gets: bulk storage at the pinned block, the decoders of the high-volume
 * items as the layout guard chose them, and a place to report problems.
 */
import { UndecodableItemError } from '../errors.js';
import type { ItemDecoders } from '../guard/item.js';
import type { RawStorage } from '../rpc/raw-storage.js';

export interface ReadContext {
  storage: RawStorage;
  /** Storage items present in the chain's metadata, as "Pallet.Item". */
  has(pallet: string, item: string): boolean;
  decoders: ItemDecoders;
  warn(message: string): void;
}

/** An item with at least this many entries, most of which do not decode, fails the run. */
export const MIN_ENTRIES_TO_FAIL = 4;

/**
 * Reports `failures` of `total` entries of `what` that did not decode: a warning when they are a
 * few, an UndecodableItemError when they are most of at least MIN_ENTRIES_TO_FAIL (the layout is
 * not what the decoder reads, and the run must not serve the item as if it were empty).
 */
export function reportFailures(
  ctx: ReadContext,
  what: string,
  failures: number,
  total: number,
  first: string,
): void {
  if (failures === 0) return;
  const message = `${what}: ${failures} of ${total} entries did not decode (first: ${first})`;
  if (failures * 2 > total && total >= MIN_ENTRIES_TO_FAIL) throw new UndecodableItemError(message);
  ctx.warn(message);
}

/**
 * Decodes every entry, keeping the ones that decode and reporting the ones that do not, so one
 * malformed or unknown value never loses the rest of the snapshot; when most do not, the run fails.
 */
export function decodeAll<T>(
  ctx: ReadContext,
  what: string,
  entries: ReadonlyArray<[string, string]>,
  decode: (key: string, value: string) => T,
): T[] {
  const out: T[] = [];
  let failures = 0;
  let first = '';
  for (const [key, value] of entries) {
    try {
      out.push(decode(key, value));
    } catch (error) {
      failures++;
      if (!first) first = error instanceof Error ? error.message : String(error);
    }
  }
  reportFailures(ctx, what, failures, entries.length, first);
  return out;
}
