import { describe, expect, it } from 'vitest';
import { TELEGRAM_LIMITS, TelegramRateLimiter } from '../../../bots/telegram/rate-limiter.js';

function maxInWindow(times: number[], windowMs: number): number {
  const sorted = [...times].sort((a, b) => a - b);
  let best = 0;
  for (let i = 0, j = 0; i < sorted.length; i++) {
    while (sorted[i]! - sorted[j]! >= windowMs) j++;
    best = Math.max(best, i - j + 1);
  }
  return best;
}

describe('TelegramRateLimiter', () => {
  it('keeps the whole bot under 30 messages in any second, and close to it', () => {
    const now = 1_000_000;
    const limiter = new TelegramRateLimiter(TELEGRAM_LIMITS, () => now);
    const times = Array.from({ length: 300 }, (_, i) => {
      const r = limiter.reserve(String(1000 + i));
      if (!r.ok) throw new Error('no slot');
      return r.atMs;
    });
    expect(maxInWindow(times, 1000)).toBeLessThanOrEqual(30);
    const rate = (times.length - 1) / ((Math.max(...times) - Math.min(...times)) / 1000);
    expect(rate).toBeGreaterThan(29);
    expect(rate).toBeLessThanOrEqual(30);
  });

  it('sends to one chat at most once a second, and to one group at most 20 times a minute', () => {
    const limiter = new TelegramRateLimiter(TELEGRAM_LIMITS, () => 0);
    const user = Array.from({ length: 5 }, () => (limiter.reserve('42') as { atMs: number }).atMs);
    for (let i = 1; i < user.length; i++) expect(user[i]! - user[i - 1]!).toBeGreaterThanOrEqual(1000);
    expect(user[4]).toBeLessThan(4 * 1000 + 200);

    const group = Array.from({ length: 45 }, () => (limiter.reserve('-1001234') as { atMs: number }).atMs);
    expect(maxInWindow(group, 60_000)).toBe(20);
    expect(maxInWindow(group, 1000)).toBe(1);
    // The 21st message waits for the first to leave the minute window, not longer.
    expect(group[20]! - group[0]!).toBeGreaterThanOrEqual(60_000);
    expect(group[20]! - group[0]!).toBeLessThan(61_000);
  });

  it('answers how long to wait, without reserving, when the slot is further than maxWaitMs', () => {
    let now = 0;
    const limiter = new TelegramRateLimiter(TELEGRAM_LIMITS, () => now);
    expect(limiter.reserve('7', 0)).toMatchObject({ ok: true, waitMs: 0 });
    const refused = limiter.reserve('7', 500);
    expect(refused.ok).toBe(false);
    expect(refused.waitMs).toBeGreaterThan(900);
    now = 1100;
    // Within one global slot (about 34 ms) of now.
    const later = limiter.reserve('7', 40);
    expect(later.ok).toBe(true);
    expect(later.waitMs).toBeLessThan(40);
  });

  it('holds a chat after a 429 for the time Telegram asked, and everything after a global pause', () => {
    let now = 0;
    const limiter = new TelegramRateLimiter(TELEGRAM_LIMITS, () => now);
    limiter.pause('-100', 7000);
    expect(limiter.reserve('-100').waitMs).toBeGreaterThanOrEqual(7000);
    expect(limiter.reserve('5').waitMs).toBeLessThan(100);
    now = 10_000;
    limiter.pause(null, 3000);
    expect(limiter.reserve('6').waitMs).toBeGreaterThanOrEqual(3000);
  });

  it('the last check holds the limits on real send times when timers fire late and bunch up', () => {
    let now = 0;
    const limiter = new TelegramRateLimiter(TELEGRAM_LIMITS, () => now);
    const planned = Array.from({ length: 90 }, (_, i) => ({
      chat: String(100 + i),
      at: (limiter.reserve(String(100 + i)) as { atMs: number }).atMs,
    }));
    // The first ten wake 150 ms late, together; the rest on time.
    const wake = planned.map((p, i) => ({ ...p, at: i < 10 ? 150 : p.at }));
    const sentAt: number[] = [];
    const queue = [...wake].sort((a, b) => a.at - b.at);
    while (queue.length > 0) {
      queue.sort((a, b) => a.at - b.at);
      const next = queue.shift()!;
      now = Math.max(now, next.at);
      const wait = limiter.dispatch(next.chat);
      if (wait === 0) sentAt.push(now);
      else queue.push({ ...next, at: now + wait });
    }
    expect(sentAt).toHaveLength(90);
    expect(maxInWindow(sentAt, 1000)).toBeLessThanOrEqual(30);
    // Without the check, the bunch plus the on-time slots would have put 34 in one second.
    expect(
      maxInWindow(
        wake.map((w) => w.at),
        1000,
      ),
    ).toBeGreaterThan(30);
    // And it costs little: the last message leaves within 200 ms of its plan.
    expect(Math.max(...sentAt) - Math.max(...planned.map((p) => p.at))).toBeLessThan(200);
  });

  it('the last check keeps one message a second per chat even if the plan was early', () => {
    let now = 0;
    const limiter = new TelegramRateLimiter(TELEGRAM_LIMITS, () => now);
    expect(limiter.dispatch('9')).toBe(0);
    now = 400;
    expect(limiter.dispatch('9')).toBeGreaterThanOrEqual(600);
    now = 1015;
    expect(limiter.dispatch('9')).toBe(0);
  });

  it('refuses limits that are not positive numbers', () => {
    expect(() => new TelegramRateLimiter({ ...TELEGRAM_LIMITS, globalPerSecond: 0 })).toThrow(
      /globalPerSecond/,
    );
    expect(() => new TelegramRateLimiter({ ...TELEGRAM_LIMITS, perChatPerSecond: Number.NaN })).toThrow(
      /perChatPerSecond/,
    );
  });
});
