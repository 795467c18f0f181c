/** The META item: version counter, fence, committed pointer and the aborted-version map. */

import type { StorePointer } from '../../../core/ports/snapshot-reader.js';
import type { Item, TableIo, WriteTally } from '../table/index.js';
import { CorruptDataError, fromCanonicalJson, META_KEY } from '../table/index.js';

export interface MetaState {
  /** Highest version handed out. */
  counter: number;
  /** Newest started version; only it may commit. */
  fence: number;
  pointer: StorePointer | undefined;
  /** Aborted version → ms when it became aborted. */
  aborted: Map<number, number>;
}

export function parseMeta(item: Item | undefined): MetaState {
  if (!item) return { counter: 0, fence: 0, pointer: undefined, aborted: new Map() };
  const aborted = new Map<number, number>();
  const ab = item.ab;
  if (ab !== undefined && (typeof ab !== 'object' || ab === null))
    throw new CorruptDataError('META.ab is not a map');
  for (const [v, at] of Object.entries((ab ?? {}) as Record<string, unknown>)) {
    aborted.set(Number(v), Number(at));
  }
  const ptr = item.ptr;
  let pointer: StorePointer | undefined;
  if (typeof ptr === 'number') {
    pointer = {
      version: ptr,
      committedAt: Number(item.cat ?? 0),
      meta: typeof item.meta === 'string' ? fromCanonicalJson(item.meta, 'pointer meta') : null,
      aborted: [...aborted.keys()].filter((v) => v < ptr).sort((a, b) => a - b),
    };
  }
  return { counter: Number(item.ctr ?? 0), fence: Number(item.fence ?? 0), pointer, aborted };
}

export async function readMeta(io: TableIo, consistent: boolean, tally?: WriteTally): Promise<MetaState> {
  return parseMeta(await io.get(META_KEY, consistent, tally));
}
