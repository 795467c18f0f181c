/**
 * Retry delays. A platform that says when to come back (429 retry_after, or the notifier's own
 * backoff) is followed exactly on the first failure; repeated failures back off exponentially from
 * `baseMs`, capped at `maxMs`, never sooner than the platform asked.
 */
export interface BackoffPolicy {
  baseMs: number;
  maxMs: number;
  /** Failed attempts after which a delivery is recorded as failed. */
  maxAttempts: number;
}

export const DEFAULT_BACKOFF: BackoffPolicy = { baseMs: 2_000, maxMs: 15 * 60_000, maxAttempts: 8 };

/** Delay before the next attempt after `failures` failed ones, given the platform's `afterMs` (0: none given). */
export function retryDelayMs(policy: BackoffPolicy, failures: number, afterMs: number): number {
  const asked = Number.isFinite(afterMs) && afterMs > 0 ? afterMs : 0;
  const exp =
    failures <= 1 ? (asked > 0 ? 0 : policy.baseMs) : policy.baseMs * 2 ** Math.min(failures - 2, 30);
  return Math.max(asked, Math.min(policy.maxMs, exp));
}
