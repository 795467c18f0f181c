/**
 * The off-chain titles kept between snapshots, and which referenda to look up this run: the new
 * ones, those whose status changed since their title was fetched, and those the source had no title
 * for, again only after a wait that doubles with each miss (30 minutes up to a day).
 */
import type { ReferendumInfo } from '../types/governance.js';

export interface TitleCacheEntry {
  /** The sanitised title; null while the source has none. */
  text: string | null;
  source: 'subsquare' | 'polkassembly';
  /** The referendum's status when it was looked up: a change looks it up again. */
  stamp: string;
  fetchedAtMs: number;
  /** Lookups in a row that found no title. */
  misses: number;
}

/** The cache entity: referendum id → its entry. */
export interface TitleCache {
  entries: Record<string, TitleCacheEntry>;
}

export const MISS_RETRY_MS = 30 * 60_000;
export const MISS_RETRY_MAX_MS = 24 * 60 * 60_000;

/** What a lookup found: a title, no title (unknown id or an empty one), or a failure. */
export type TitleLookup =
  | { kind: 'title'; text: string }
  | { kind: 'none' }
  | { kind: 'failed'; reason: string };

export function missRetryMs(misses: number): number {
  return Math.min(MISS_RETRY_MAX_MS, MISS_RETRY_MS * 2 ** Math.max(0, misses - 1));
}

/** Referenda to look up now, most wanted first (new, then changed, then misses due), newest first within each, at most `max`. */
export function titlesToFetch(
  referenda: Readonly<Record<number, ReferendumInfo>>,
  cache: TitleCache,
  nowMs: number,
  max: number,
): number[] {
  const fresh: number[] = [];
  const changed: number[] = [];
  const retry: number[] = [];
  for (const info of Object.values(referenda)) {
    const entry = cache.entries[String(info.id)];
    if (!entry) fresh.push(info.id);
    else if (entry.stamp !== info.status) changed.push(info.id);
    else if (entry.text === null && nowMs - entry.fetchedAtMs >= missRetryMs(entry.misses))
      retry.push(info.id);
  }
  const newestFirst = (a: number, b: number) => b - a;
  return [...fresh.sort(newestFirst), ...changed.sort(newestFirst), ...retry.sort(newestFirst)].slice(
    0,
    Math.max(0, max),
  );
}

/**
 * The cache after this run's lookups. A failed lookup changes nothing; a lookup that finds no title
 * keeps the title already cached. Entries of referenda no longer on chain are kept (titles never
 * go stale, and they cost a few bytes each).
 */
export function mergeTitles(
  cache: TitleCache,
  referenda: Readonly<Record<number, ReferendumInfo>>,
  found: ReadonlyMap<number, TitleLookup>,
  nowMs: number,
  source: TitleCacheEntry['source'],
): TitleCache {
  const entries = { ...cache.entries };
  for (const [id, lookup] of found) {
    if (lookup.kind === 'failed') continue;
    const before = entries[String(id)];
    const stamp = referenda[id]?.status ?? before?.stamp ?? 'unknown';
    entries[String(id)] =
      lookup.kind === 'title'
        ? { text: lookup.text, source, stamp, fetchedAtMs: nowMs, misses: 0 }
        : {
            text: before?.text ?? null,
            source: before?.source ?? source,
            stamp,
            fetchedAtMs: nowMs,
            misses: before?.text ? 0 : (before?.misses ?? 0) + 1,
          };
  }
  return { entries };
}
