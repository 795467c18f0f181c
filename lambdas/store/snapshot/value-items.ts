/** Turning a packed value into a head item plus part items, and reading it back. */

import type { Item, TableIo, WriteTally } from '../table/index.js';
import {
  CorruptDataError,
  type ItemKey,
  keyString,
  type Packed,
  partCount,
  partKeys,
  unpackBytes,
} from '../table/index.js';

/** Head item (with part 0) followed by the extra part items. `base` names the parts (usually the head sk). */
export function valueItems(head: ItemKey, base: string, packed: Packed, extra: Item): Item[] {
  const count = partCount(packed);
  if (packed.kind === 'text') return [{ ...extra, pk: head.pk, sk: head.sk, n: 1, d: packed.text }];
  const items: Item[] = [
    { ...extra, pk: head.pk, sk: head.sk, n: count, d: packed.parts[0], c: packed.deflated },
  ];
  const keys = partKeys(head.pk, base, count);
  keys.forEach((key, i) => {
    items.push({ pk: key.pk, sk: key.sk, d: packed.parts[i + 1] });
  });
  return items;
}

/** All keys a value occupies: the head and its parts. */
export function valueKeys(head: ItemKey, base: string, parts: number): ItemKey[] {
  return [head, ...partKeys(head.pk, base, parts)];
}

/** Reads the bytes of a value whose head item is in hand (one BatchGetItem when it has parts). */
export async function readValue(
  io: TableIo,
  headItem: Item,
  base: string,
  consistent: boolean,
  what: string,
  tally?: WriteTally,
): Promise<Buffer> {
  const d = headItem.d;
  if (typeof d === 'string') return Buffer.from(d, 'utf8');
  const count = headItem.n;
  if (!(d instanceof Uint8Array) || typeof count !== 'number' || count < 1) {
    throw new CorruptDataError(`${what}: head item has no payload`);
  }
  const parts: Uint8Array[] = [d];
  if (count > 1) {
    const keys = partKeys(String(headItem.pk), base, count);
    const found = await io.batchGet(keys, consistent, tally);
    for (const key of keys) {
      const part = found.get(keyString(key))?.d;
      if (!(part instanceof Uint8Array)) throw new CorruptDataError(`${what}: part ${key.sk} is missing`);
      parts.push(part);
    }
  }
  return unpackBytes(parts, headItem.c === true, what);
}
