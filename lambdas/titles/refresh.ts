/**
 * The snapshot run's title step: read the cached titles, look up the referenda that need it (a few
 * at a time, each with a timeout, none started once the run's budget is spent), and return the
 * cache to write with the version. Nothing here can fail the run: a failed lookup keeps what was
 * cached and becomes one warning.
 */

import {
  mergeTitles,
  type TitleCache,
  type TitleLookup,
  titlesToFetch,
} from '../../core/opengov/title-cache.js';
import type { SnapshotStore } from '../../core/ports/snapshot-store.js';
import { ENTITY } from '../../core/snapshot/entities.js';
import type { ReferendumInfo } from '../../core/types/governance.js';
import { fetchSubsquareTitle } from './subsquare.js';

export interface TitleSourceOptions {
  /** Subsquare API root, e.g. https://kusama-api.subsquare.io */
  baseUrl: string;
  /** Per request (default 2,000 ms). */
  timeoutMs?: number;
  /** No lookup starts after this long since the step began (default 5,000 ms). */
  budgetMs?: number;
  /** Requests in flight at once (default 4). */
  concurrency?: number;
  /** Lookups per run at most (default 40): a chain with many referenda is caught up over several runs. */
  maxPerRun?: number;
  fetch?: typeof fetch;
}

export interface TitleRefresh {
  cache: TitleCache;
  looked: number;
  found: number;
  failed: number;
  warnings: string[];
}

export async function refreshTitles(
  options: TitleSourceOptions,
  store: Pick<SnapshotStore, 'getEntity'>,
  referenda: Readonly<Record<number, ReferendumInfo>>,
  nowMs: number,
  clock: () => number = () => performance.now(),
): Promise<TitleRefresh> {
  const warnings: string[] = [];
  let cache: TitleCache = { entries: {} };
  try {
    const stored = await store.getEntity<TitleCache>(ENTITY.titles, 'all');
    if (stored?.entries && typeof stored.entries === 'object') cache = stored;
  } catch (error) {
    warnings.push(
      `titles: the cached titles could not be read (${(error as Error).message}); looked up again`,
    );
  }
  const timeoutMs = options.timeoutMs ?? 2_000;
  const budgetMs = options.budgetMs ?? 5_000;
  const ids = titlesToFetch(referenda, cache, nowMs, options.maxPerRun ?? 40);
  const started = clock();
  const results = new Map<number, TitleLookup>();
  let next = 0;
  const worker = async () => {
    while (next < ids.length) {
      const left = budgetMs - (clock() - started);
      if (left <= 0) return;
      const id = ids[next++]!;
      results.set(
        id,
        await fetchSubsquareTitle(options.baseUrl, id, Math.min(timeoutMs, left), options.fetch),
      );
    }
  };
  await Promise.all(Array.from({ length: Math.max(1, options.concurrency ?? 4) }, worker));
  const failures = [...results].filter(([, r]) => r.kind === 'failed') as Array<
    [number, Extract<TitleLookup, { kind: 'failed' }>]
  >;
  if (failures.length > 0) {
    const [id, first] = failures[0]!;
    warnings.push(
      `titles: ${failures.length} of ${results.size} lookups failed at ${options.baseUrl} (referendum ${id}: ${first.reason}); cached titles kept`,
    );
  }
  const skipped = ids.length - results.size;
  if (skipped > 0)
    warnings.push(`titles: ${skipped} lookups left for the next run (time budget of ${budgetMs} ms spent)`);
  return {
    cache: mergeTitles(cache, referenda, results, nowMs, 'subsquare'),
    looked: results.size,
    found: [...results.values()].filter((r) => r.kind === 'title').length,
    failed: failures.length,
    warnings,
  };
}
