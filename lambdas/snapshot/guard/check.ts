/**
 * Compares declared items with a runtime's metadata: the item is there, under the prefix its keys
 * are built with, with the declared hashers and key types, and a value laid out as the hand decoder
 * reads it. What does not match is a problem (the run fails) unless it is a value layout with a
 * fallback whose fields are all still there: then the item is decoded through the metadata, and a
 * warning says so.
 */
import { storagePrefix } from '../rpc/keys.js';
import type { LayoutSource } from './entries.js';
import { describeKeys, type ItemLayout, itemId, keyLayout } from './item.js';
import { layoutOf, namesOf } from './signature.js';

export interface LayoutVerdict {
  /** "Pallet.Item" of the items to decode through the metadata. */
  readonly viaMetadata: ReadonlySet<string>;
  /** For every snapshot read with this metadata. */
  readonly warnings: readonly string[];
  /** Any of these fails the run. */
  readonly problems: readonly string[];
}

export function checkLayouts(items: readonly ItemLayout[], source: LayoutSource): LayoutVerdict {
  const viaMetadata = new Set<string>();
  const warnings: string[] = [];
  const problems: string[] = [];
  const { lookup } = source;
  for (const item of items) {
    const id = itemId(item);
    const entry = source.storageEntry(item.pallet, item.item);
    if (!entry) {
      if (item.required) problems.push(`${id} is not in this runtime's metadata`);
      else if (!item.absentMeans) warnings.push(`${id} is not in this runtime's metadata; not read`);
      continue;
    }
    if (entry.keyPrefix !== storagePrefix(item.pallet, item.item))
      problems.push(`${id} is stored under another prefix (${entry.keyPrefix.slice(0, 18)}…)`);
    const expectedKeys = describeKeys(item.keys.map(([h, parts]) => [h, keyLayout(parts)] as const));
    const foundKeys = describeKeys(
      entry.hashers.map(
        (h, i) => [h, entry.keys[i] === undefined ? '?' : layoutOf(lookup, entry.keys[i])] as const,
      ),
    );
    if (expectedKeys !== foundKeys)
      problems.push(`${id}: key changed (expected ${expectedKeys}, found ${foundKeys})`);
    if (item.value === null) continue;
    const found = layoutOf(lookup, entry.value);
    if (found === item.value) continue;
    const change = `${id}: value layout changed (expected ${item.value}, found ${found})`;
    if (!item.fallback) {
      problems.push(change);
      continue;
    }
    const names = namesOf(lookup, entry.value);
    const missing = item.fallback.needs.filter((n) => !names.includes(n));
    if (missing.length > 0) problems.push(`${change}, without ${missing.join(', ')}`);
    else {
      viaMetadata.add(id);
      warnings.push(`${change}; decoded through the metadata`);
    }
  }
  return { viaMetadata, warnings, problems };
}
