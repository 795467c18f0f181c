import { describe, expect, it } from 'vitest';
import { sharedLimiters } from '../../../bots/alert-notifiers/index.js';
import { DISCORD_GLOBAL_LIMIT } from '../../../bots/discord/delivery/index.js';
import { TELEGRAM_LIMITS } from '../../../bots/telegram/rate-limiter.js';
import { ENV } from '../../../core/config/env-names.js';
import { dispatcherShareFromEnv } from '../../../lambdas/config/dispatcher-share.js';

/** Send times the Telegram limiter grants to `n` different chats asking at once. */
function telegramTimes(share: number, n: number): number[] {
  const limiter = sharedLimiters(share).telegram;
  const times: number[] = [];
  for (let i = 0; i < n; i++) {
    const slot = limiter.reserve(`${1000 + i}`);
    if (!slot.ok) throw new Error('no slot');
    times.push(slot.atMs);
  }
  return times;
}

describe('dispatchers sharing the bots’ global limits', () => {
  it('two Telegram dispatchers each pace 15 messages a second, together 30', () => {
    const one = telegramTimes(1, 61);
    const half = telegramTimes(2, 61);
    // 60 messages after the first take about 2 s alone at 30/s, about 4 s at a half share.
    expect(one.at(-1)! - one[0]!).toBeGreaterThanOrEqual(2_000);
    expect(one.at(-1)! - one[0]!).toBeLessThan(2_200);
    expect(half.at(-1)! - half[0]!).toBeGreaterThanOrEqual(4_000);
    expect(half.at(-1)! - half[0]!).toBeLessThan(4_400);
    expect(sharedLimiters(2).telegram.limits.globalPerSecond).toBe(TELEGRAM_LIMITS.globalPerSecond / 2);
    expect(sharedLimiters(2).telegram.limits.perChatPerSecond).toBe(TELEGRAM_LIMITS.perChatPerSecond);
  });

  it('a Discord dispatcher with a half share gets half the global window', async () => {
    const half = Math.floor(DISCORD_GLOBAL_LIMIT.limit / 2);
    // Asked at once, without waiting: one window admits the share and no more.
    const limiter = sharedLimiters(2).discord;
    let admitted = 0;
    for (let i = 0; i < DISCORD_GLOBAL_LIMIT.limit; i++)
      if ((await limiter.acquire(`channel-${i}`, 0)).ok) admitted++;
    expect(admitted).toBe(half);
  });

  it('reads the share from the environment and refuses a bad one', () => {
    expect(dispatcherShareFromEnv({})).toBe(1);
    expect(dispatcherShareFromEnv({ [ENV.alertDispatchConcurrency]: ' 2 ' })).toBe(2);
    for (const bad of ['0', '-1', '1.5', 'two', '1000'])
      expect(() => dispatcherShareFromEnv({ [ENV.alertDispatchConcurrency]: bad })).toThrow(
        new RegExp(`${ENV.alertDispatchConcurrency} must be a whole number from 1 to 100, not "${bad}"`),
      );
    expect(() => sharedLimiters(0)).toThrow(/whole number of 1 or more/);
  });
});
