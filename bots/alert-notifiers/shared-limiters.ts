/**
 * The bot-wide send limits split between concurrent dispatchers. Each dispatcher process paces the
 * platforms' limits for itself; when the dispatch queue may run `share` of them at once, each takes
 * its part of the bot-wide limit (Telegram's 30 messages a second, Discord's global window), so
 * together they stay inside it. Per-chat and per-channel limits stay whole: one target's job is
 * sent by one process.
 */
import { DISCORD_GLOBAL_LIMIT, SlidingWindowLimiter } from '../discord/delivery/index.js';
import { TELEGRAM_LIMITS, TelegramRateLimiter } from '../telegram/rate-limiter.js';

export interface SharedLimiters {
  telegram: TelegramRateLimiter;
  discord: SlidingWindowLimiter;
}

export function sharedLimiters(share: number): SharedLimiters {
  if (!Number.isSafeInteger(share) || share < 1)
    throw new RangeError(`the dispatcher share must be a whole number of 1 or more, not ${share}`);
  return {
    telegram: new TelegramRateLimiter({
      ...TELEGRAM_LIMITS,
      globalPerSecond: TELEGRAM_LIMITS.globalPerSecond / share,
    }),
    discord: new SlidingWindowLimiter({
      ...DISCORD_GLOBAL_LIMIT,
      limit: Math.max(1, Math.floor(DISCORD_GLOBAL_LIMIT.limit / share)),
    }),
  };
}
