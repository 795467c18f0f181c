import { describe, expect, it } from 'vitest';
import { retryDelayMs } from '../../../lambdas/alerts/backoff.js';

const policy = { baseMs: 2_000, maxMs: 60_000, maxAttempts: 8 };

describe('retry delays', () => {
  it('follow the platform the first time, then back off exponentially, never sooner than asked', () => {
    expect(retryDelayMs(policy, 1, 1_000)).toBe(1_000);
    expect(retryDelayMs(policy, 1, 0)).toBe(2_000);
    expect(retryDelayMs(policy, 2, 1_000)).toBe(2_000);
    expect(retryDelayMs(policy, 3, 1_000)).toBe(4_000);
    expect(retryDelayMs(policy, 4, 30_000)).toBe(30_000);
    expect(retryDelayMs(policy, 20, 0)).toBe(60_000);
    // A platform asking for longer than the cap is obeyed.
    expect(retryDelayMs(policy, 2, 3_600_000)).toBe(3_600_000);
    expect(retryDelayMs(policy, 1, Number.NaN)).toBe(2_000);
  });
});
