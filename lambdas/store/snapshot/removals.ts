/**
 * The entities of the base a version leaves out: each gets a tombstone under the new version,
 * unless its kind lapses (core's LAPSING_KINDS: nobody asks for it again; its items expire).
 */
import { versionSk } from '../table/index.js';
import type { KindStamps } from './expiry.js';
import { type Manifest, type ManifestEntry, splitMapKey } from './manifest.js';
import type { RunItems } from './run-items.js';

export function queueRemovals(
  base: Manifest,
  next: ReadonlyMap<string, ManifestEntry>,
  version: number,
  lapsing: ReadonlySet<string>,
  stamps: KindStamps,
  items: RunItems,
): Array<[string, ManifestEntry]> {
  const removed: Array<[string, ManifestEntry]> = [];
  for (const [key, entry] of base) {
    if (next.has(key)) continue;
    removed.push([key, entry]);
    const { kind } = splitMapKey(key);
    if (lapsing.has(kind)) continue;
    items.queueTombstone({ pk: `E#${key}`, sk: versionSk(version) }, stamps.of(kind).tombstone);
  }
  return removed;
}
