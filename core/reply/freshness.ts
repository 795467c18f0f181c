/**
 * How old the data behind an answer is. Every reply carries this so no answer passes stale data off
 * as fresh: "stale" means the snapshot job has not committed for longer than the threshold.
 */

/** Default stale threshold: a snapshot older than 15 minutes. */
export const DEFAULT_STALE_AFTER_MS = 15 * 60_000;

export interface Freshness {
  /** Relay block the snapshot's deadlines count from. */
  relayBlock: number;
  /** Asset Hub block the snapshot was read at. */
  assetHubBlock: number;
  /** Timestamp.Now on Asset Hub at that block, ms. */
  chainTimeMs: number;
  /** When the snapshot was committed to the store, ms. */
  snapshotAtMs: number;
  /** now − snapshotAtMs, never negative; null when the commit time is unknown (then stale). */
  ageMs: number | null;
  stale: boolean;
  staleAfterMs: number;
  /** Store version serving the answer. */
  version: number;
}

export interface FreshnessInput {
  relayBlock: number;
  assetHubBlock: number;
  chainTimeMs: number;
  snapshotAtMs: number;
  version: number;
}

/** A threshold from configuration text (seconds); the default for anything missing or not a positive number. */
export function staleAfterMsFrom(seconds: string | undefined): number {
  if (seconds === undefined || seconds.trim() === '') return DEFAULT_STALE_AFTER_MS;
  const value = Number(seconds);
  return Number.isFinite(value) && value > 0 ? Math.round(value * 1000) : DEFAULT_STALE_AFTER_MS;
}

export function freshnessOf(input: FreshnessInput, nowMs: number, staleAfterMs: number): Freshness {
  const threshold = Number.isFinite(staleAfterMs) && staleAfterMs > 0 ? staleAfterMs : DEFAULT_STALE_AFTER_MS;
  const known = Number.isFinite(nowMs) && Number.isFinite(input.snapshotAtMs) && input.snapshotAtMs > 0;
  const ageMs = known ? Math.max(0, nowMs - input.snapshotAtMs) : null;
  return { ...input, ageMs, stale: ageMs === null || ageMs > threshold, staleAfterMs: threshold };
}
