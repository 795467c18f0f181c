/**
 * The one way this bot talks to Discord's REST API: `@discordjs/rest`, which queues requests per
 * rate-limit bucket and honours the global limit. A limit that would make a caller wait longer
 * than `maxRateLimitWaitMs` is thrown as a RateLimitError instead, so a Lambda never sleeps it out.
 */
import { REST } from '@discordjs/rest';

export const DISCORD_API_ROOT = 'https://discord.com/api';

export interface DiscordRestOptions {
  /** Bot token; null for interaction webhooks, which authenticate by the token in the URL. */
  token: string | null;
  /** API root, e.g. a local fake in tests (default https://discord.com/api). */
  api?: string;
  /** Longest rate-limit wait sat out in process (default 5 s). */
  maxRateLimitWaitMs?: number;
  /** Retries of a 5xx or a dropped connection before the error surfaces (default 1). */
  retries?: number;
  /** Per-request timeout (default 8 s). */
  timeoutMs?: number;
}

export function createDiscordRest(options: DiscordRestOptions): REST {
  const maxWait = options.maxRateLimitWaitMs ?? 5_000;
  const rest = new REST({
    api: options.api ?? DISCORD_API_ROOT,
    version: '10',
    retries: options.retries ?? 1,
    timeout: options.timeoutMs ?? 8_000,
    rejectOnRateLimit: (data) => Math.max(data.retryAfter, data.timeToReset) > maxWait,
    // Sweeps only matter to long-lived gateway bots; they would keep a CLI's event loop busy.
    hashSweepInterval: 0,
    handlerSweepInterval: 0,
  });
  if (options.token) rest.setToken(options.token);
  return rest;
}
