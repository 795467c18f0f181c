/**
 * Which manifest chunks a version writes: those whose text changed, and those whose chunk item
 * is near its `exp` even though the text is the same. The rest are carried over.
 */
import { dueForRefresh, type ExpiryPolicy } from './expiry.js';
import {
  bucketOf,
  type ChunkRef,
  chooseBuckets,
  chunkHash,
  encodeChunk,
  type Manifest,
  type ManifestDirectory,
  type ManifestEntry,
} from './manifest.js';

export interface ChunkWrite {
  bucket: number;
  text: string;
  hash: string;
  count: number;
  /** No entity in the bucket was added, changed or removed: the write only keeps the chunk alive. */
  refreshOnly: boolean;
}

export interface ManifestPlan {
  buckets: number;
  /** Per bucket, the older chunk carried over; undefined where `writes` has the bucket. */
  kept: Array<ChunkRef | undefined>;
  writes: ChunkWrite[];
  /** Older chunks the new directory no longer points at. */
  replaced: Array<{ bucket: number; ref: ChunkRef }>;
}

export function planManifest(
  next: Manifest,
  old: ManifestDirectory | undefined,
  version: number,
  change: { refreshed: ReadonlySet<string>; removed: readonly string[] },
  now: number,
  policy: ExpiryPolicy,
): ManifestPlan {
  const buckets = chooseBuckets(next.size, old?.buckets);
  const sameLayout = old?.buckets === buckets;
  const groups: Array<Array<[string, ManifestEntry]>> = Array.from({ length: buckets }, () => []);
  const touched = new Set<number>();
  for (const entry of next) {
    const bucket = bucketOf(entry[0], buckets);
    groups[bucket]!.push(entry);
    if (entry[1].version === version && !change.refreshed.has(entry[0])) touched.add(bucket);
  }
  for (const key of change.removed) touched.add(bucketOf(key, buckets));
  const kept: Array<ChunkRef | undefined> = [];
  const writes: ChunkWrite[] = [];
  groups.forEach((group, bucket) => {
    const text = encodeChunk(group);
    const hash = chunkHash(text);
    const previous = sameLayout && old ? old.chunks[bucket] : undefined;
    if (previous && previous.hash === hash && !dueForRefresh(previous.exp, now, policy)) {
      kept.push(previous);
      return;
    }
    kept.push(undefined);
    writes.push({ bucket, text, hash, count: group.length, refreshOnly: !!previous && !touched.has(bucket) });
  });
  const replaced = (old?.chunks ?? [])
    .map((ref, bucket) => ({ bucket, ref }))
    .filter(({ bucket }) => !sameLayout || kept[bucket] === undefined);
  return { buckets, kept, writes, replaced };
}
