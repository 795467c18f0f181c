/**
 * Write-time expiry. Every item a run writes carries `exp` (epoch seconds) from the start, so a
 * superseded item needs no second write: AWS deletes it when its time comes. A current item is
 * rewritten under the new version ("refreshed") before it gets near its `exp`.
 */

import type { Item } from '../table/index.js';
import { InvalidInputError } from '../table/index.js';
import { bucketOf, type Manifest } from './manifest.js';

const DAY_MS = 24 * 60 * 60_000;

export interface ExpiryPolicy {
  /** An item expires this long after the run that wrote it began. */
  lifetimeMs: number;
  /** A current item with less than this left is rewritten (capped per run, oldest first). */
  refreshMarginMs: number;
  /** Refreshes per run; items with less than half the margin left are rewritten regardless. */
  maxRefreshesPerRun: number;
  /** How much longer than the run's other items a tombstone lives. */
  tombstoneRetentionMs: number;
  /** The lifetime of the long-lived kinds' items (written once or twice, then never changed). */
  longLifetimeMs: number;
}

export interface ExpiryOptions {
  itemLifetimeMs?: number;
  refreshMarginMs?: number;
  maxRefreshesPerRun?: number;
  tombstoneRetentionMs?: number;
  longLifetimeMs?: number;
}

export function expiryPolicy(options: ExpiryOptions): ExpiryPolicy {
  const lifetimeMs = options.itemLifetimeMs ?? 4 * DAY_MS;
  const policy: ExpiryPolicy = {
    lifetimeMs,
    refreshMarginMs: options.refreshMarginMs ?? lifetimeMs / 2,
    maxRefreshesPerRun: options.maxRefreshesPerRun ?? 2_000,
    tombstoneRetentionMs: options.tombstoneRetentionMs ?? 7 * DAY_MS,
    longLifetimeMs: options.longLifetimeMs ?? Math.max(30 * DAY_MS, lifetimeMs),
  };
  const positive = (n: number) => Number.isFinite(n) && n > 0;
  if (!positive(policy.lifetimeMs) || !positive(policy.refreshMarginMs))
    throw new InvalidInputError('itemLifetimeMs and refreshMarginMs must be positive');
  if (policy.refreshMarginMs >= policy.lifetimeMs)
    throw new InvalidInputError('refreshMarginMs must be shorter than itemLifetimeMs');
  if (!Number.isSafeInteger(policy.maxRefreshesPerRun) || policy.maxRefreshesPerRun < 0)
    throw new InvalidInputError('maxRefreshesPerRun must be a whole number, 0 or more');
  if (!(Number.isFinite(policy.longLifetimeMs) && policy.longLifetimeMs >= policy.lifetimeMs))
    throw new InvalidInputError('longLifetimeMs must be at least itemLifetimeMs');
  if (!(Number.isFinite(policy.tombstoneRetentionMs) && policy.tombstoneRetentionMs >= 0))
    throw new InvalidInputError('tombstoneRetentionMs must be 0 or more');
  return policy;
}

export function toExpSeconds(ms: number): number {
  return Math.ceil(ms / 1000);
}

export interface RunStamps {
  item: number;
  tombstone: number;
}

/**
 * The `exp` values a run that began at `startedAt` stamps on items and on tombstones; `long` for a
 * long-lived kind (its tombstones outlive its longer-lived items by the same retention).
 */
export function runStamps(policy: ExpiryPolicy, startedAt: number, long = false): RunStamps {
  const lifetime = long ? policy.longLifetimeMs : policy.lifetimeMs;
  return {
    item: toExpSeconds(startedAt + lifetime),
    tombstone: toExpSeconds(startedAt + lifetime + policy.tombstoneRetentionMs),
  };
}

/** A run's stamps by kind: the long-lived kinds' (`longLived`) or everything else's (`item`, `tombstone`). */
export class KindStamps implements RunStamps {
  readonly item: number;
  readonly tombstone: number;
  private readonly short: RunStamps;
  private readonly long: RunStamps;

  constructor(
    policy: ExpiryPolicy,
    startedAt: number,
    private readonly longLived: ReadonlySet<string>,
  ) {
    this.short = runStamps(policy, startedAt);
    this.long = runStamps(policy, startedAt, true);
    this.item = this.short.item;
    this.tombstone = this.short.tombstone;
  }

  of(kind: string): RunStamps {
    return this.longLived.has(kind) ? this.long : this.short;
  }
}

/** Whether an item (or chunk) with this `exp` must be rewritten by a run beginning at `now`. */
export function dueForRefresh(exp: number, now: number, policy: ExpiryPolicy): boolean {
  return exp * 1000 < now + policy.refreshMarginMs;
}

/**
 * The unchanged entities of the base a run beginning at `now` rewrites: the nearest to expiry
 * first, up to the cap; past the cap only those with less than half
 * the margin left. Ties go by bucket, so one run's refreshes touch few manifest chunks.
 */
export function pickRefreshes(
  manifest: Manifest,
  buckets: number,
  now: number,
  policy: ExpiryPolicy,
): Set<string> {
  const due: Array<{ key: string; exp: number; bucket: number }> = [];
  for (const [key, entry] of manifest) {
    if (dueForRefresh(entry.exp, now, policy))
      due.push({ key, exp: entry.exp, bucket: bucketOf(key, buckets) });
  }
  due.sort((a, b) => a.exp - b.exp || a.bucket - b.bucket || (a.key < b.key ? -1 : 1));
  const forcedBefore = now + policy.refreshMarginMs / 2;
  const picked = new Set<string>();
  due.forEach((d, i) => {
    const forced = d.exp * 1000 < forcedBefore;
    if (i < policy.maxRefreshesPerRun || forced) picked.add(d.key);
  });
  return picked;
}

/** An item whose `exp` has passed is gone as far as readers are concerned, whether or not AWS deleted it yet. */
export function hasExpired(item: Item, now: number): boolean {
  return typeof item.exp === 'number' && item.exp * 1000 <= now;
}
