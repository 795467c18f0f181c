/** What every part reader gets: bulk storage at the pinned block, and a place to report problems. */
import type { RawStorage } from '../rpc/raw-storage.js';

export interface ReadContext {
  storage: RawStorage;
  /** Storage items present in the chain's metadata, as "Pallet.Item". */
  has(pallet: string, item: string): boolean;
  warn(message: string): void;
}

/**
 * Decodes every entry, keeping the ones that decode and reporting the ones that do not, so one
 * malformed or unknown value never loses the rest of the snapshot.
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
  if (failures > 0)
    ctx.warn(`${what}: ${failures} of ${entries.length} entries did not decode (first: ${first})`);
  return out;
}
