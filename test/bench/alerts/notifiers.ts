/**
 * The notifiers of one benchmark dispatcher process, pointed at the fake platforms: the real
 * Telegram and Discord notifiers, each pacing its `share` of the bots' global limits as the AWS
 * dispatchers do (`sharedLimiters`), except that Discord's global window is kept as evenly spaced
 * slots (one request every 21 ms × share, 47.6 a second in all): a burst of a whole second's worth
 * crosses into the next second at the server as soon as the network jitters. Every request first
 * passes the process's `alive` check, so a process that counts as killed sends nothing more.
 */
import { REST } from '@discordjs/rest';
import { Telegram } from 'telegraf';
import { sharedLimiters } from '../../../bots/alert-notifiers/index.js';
import { DiscordNotifier, SlidingWindowLimiter } from '../../../bots/discord/delivery/index.js';
import { createTelegramNotifier } from '../../../bots/telegram/notifier.js';
import type { Notifier, Platform } from '../../../core/ports/notifier.js';

export interface PlatformEndpoints {
  telegram: { apiRoot: string; token: string };
  /** The Discord API root, version excluded (…/api). */
  discord: string;
}

/** Notifier outcomes by platform, status and reason (digits folded), for the printout. */
export type OutcomeTally = Record<string, number>;

function tallied(n: Notifier, tally: OutcomeTally): Notifier {
  return {
    platform: n.platform,
    send: async (target, messages) => {
      const outcomes = await n.send(target, messages);
      for (const o of outcomes) {
        const why = o.status === 'sent' ? '' : ` ${o.reason.replace(/[0-9]+/g, 'N').slice(0, 60)}`;
        const key = `${n.platform} ${o.status}${why}`;
        tally[key] = (tally[key] ?? 0) + 1;
      }
      return outcomes;
    },
  };
}

export function benchNotifiers(
  at: PlatformEndpoints,
  share: number,
  tally: OutcomeTally,
  alive: () => boolean = () => true,
): Record<Platform, Notifier> {
  const dead = () => Promise.reject(Object.assign(new Error('process killed'), { code: 'ECONNRESET' }));
  const client = new Telegram(at.telegram.token, { apiRoot: at.telegram.apiRoot });
  const rest = new REST({
    api: at.discord,
    version: '10',
    retries: 0,
    timeout: 8_000,
    rejectOnRateLimit: (data) => Math.max(data.retryAfter, data.timeToReset) > 5_000,
    hashSweepInterval: 0,
    handlerSweepInterval: 0,
    makeRequest: (url, init) =>
      (alive() ? fetch(url, init as RequestInit) : dead()) as ReturnType<typeof fetch>,
  }).setToken('bench-token');
  return {
    telegram: tallied(
      createTelegramNotifier({
        telegram: {
          sendMessage: (chatId: string, text: string, extra: object) =>
            alive() ? client.sendMessage(chatId, text, extra) : dead(),
        },
        limiter: sharedLimiters(share).telegram,
        transientRetries: 0,
        maxWaitMs: 8_000,
      }),
      tally,
    ),
    discord: tallied(
      new DiscordNotifier({
        rest,
        limiter: new SlidingWindowLimiter({ limit: 1, windowMs: 21 * share }),
        maxLimiterWaitMs: 8_000,
      }),
      tally,
    ),
  };
}
