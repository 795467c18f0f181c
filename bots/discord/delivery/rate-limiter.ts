/**
 * Sliding-window limits kept in process, ahead of Discord's own: one window for the whole bot
 * (Discord's global limit is 50 requests a second) and one per channel (5 messages per 5 s).
 * `@discordjs/rest` reacts to the limits Discord reports; this keeps a burst of alerts from
 * reaching them in the first place.
 */

export interface WindowLimit {
  limit: number;
  windowMs: number;
}

export interface LimiterClock {
  now(): number;
  sleep(ms: number): Promise<void>;
}

export const SYSTEM_CLOCK: LimiterClock = {
  now: () => Date.now(),
  sleep: (ms) => new Promise((resolve) => setTimeout(resolve, ms)),
};

/** Discord's limits with a margin: 45 requests a second overall, 5 messages per 5 s per channel. */
export const DISCORD_GLOBAL_LIMIT: WindowLimit = { limit: 45, windowMs: 1_000 };
export const DISCORD_CHANNEL_LIMIT: WindowLimit = { limit: 5, windowMs: 5_000 };

export type Acquired = { ok: true; waitedMs: number } | { ok: false; afterMs: number };

const GLOBAL = '\u0000global';
/** Past this many keys, windows that have emptied are swept out before the next request. */
const MAX_TRACKED_KEYS = 1_024;

export class SlidingWindowLimiter {
  private readonly stamps = new Map<string, number[]>();

  constructor(
    private readonly global: WindowLimit = DISCORD_GLOBAL_LIMIT,
    private readonly perKey: WindowLimit = DISCORD_CHANNEL_LIMIT,
    private readonly clock: LimiterClock = SYSTEM_CLOCK,
  ) {}

  private recent(key: string, windowMs: number, now: number): number[] {
    const list = (this.stamps.get(key) ?? []).filter((t) => t > now - windowMs);
    if (list.length > 0) this.stamps.set(key, list);
    else this.stamps.delete(key);
    return list;
  }

  private wait(key: string, limit: WindowLimit, now: number): number {
    const list = this.recent(key, limit.windowMs, now);
    if (list.length < limit.limit) return 0;
    return list[list.length - limit.limit]! + limit.windowMs - now;
  }

  /** Milliseconds until a request on `key` fits inside both windows. */
  delayFor(key: string): number {
    const now = this.clock.now();
    return Math.max(this.wait(GLOBAL, this.global, now), this.wait(key, this.perKey, now));
  }

  /** Waits for room (never longer than maxWaitMs) and takes it, or says how long the caller should wait. */
  async acquire(key: string, maxWaitMs: number): Promise<Acquired> {
    if (this.stamps.size > MAX_TRACKED_KEYS) this.trackedKeys();
    let waited = 0;
    for (;;) {
      const delay = this.delayFor(key);
      if (delay <= 0) {
        const now = this.clock.now();
        for (const k of [GLOBAL, key]) this.stamps.set(k, [...(this.stamps.get(k) ?? []), now]);
        return { ok: true, waitedMs: waited };
      }
      if (waited + delay > maxWaitMs) return { ok: false, afterMs: delay };
      await this.clock.sleep(delay);
      waited += delay;
    }
  }

  /** Keys with requests still inside their window (for tests and memory checks). */
  trackedKeys(): number {
    const now = this.clock.now();
    for (const key of [...this.stamps.keys()])
      this.recent(key, key === GLOBAL ? this.global.windowMs : this.perKey.windowMs, now);
    return [...this.stamps.keys()].filter((k) => k !== GLOBAL).length;
  }
}
