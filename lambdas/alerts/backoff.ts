/** Retry delays: exponential from `baseMs`, capped, never shorter than what the platform asked for. */
export interface BackoffPolicy {
  baseMs: number;
  maxMs: number;
  /** Failed attempts after which a delivery is recorded as failed. */
  maxAttempts: number;
}

export const DEFAULT_BACKOFF: BackoffPolicy = { baseMs: 5_000, maxMs: 15 * 60_000, maxAttempts: 8 };

/** Delay before attempt `failures + 1`, given the platform's own `afterMs` (0 when it gave none). */
export function retryDelayMs(policy: BackoffPolicy, failures: number, afterMs: number): number {
  const exp = policy.baseMs * 2 ** Math.max(0, Math.min(failures - 1, 30));
  return Math.max(Math.min(policy.maxMs, exp), Math.max(0, Number.isFinite(afterMs) ? afterMs : 0));
}
