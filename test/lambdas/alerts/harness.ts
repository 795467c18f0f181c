/**
 * The delivery test bench: a dynalite table with the alert records, the real Telegram and Discord
 * notifiers talking to the fake platform servers (Discord behind a recording proxy), an in-process
 * queue, and a count of what each chat really received.
 */
import { Telegram } from 'telegraf';
import { DiscordNotifier, SlidingWindowLimiter } from '../../../bots/discord/delivery/index.js';
import { createDiscordRest } from '../../../bots/discord/rest.js';
import { createTelegramNotifier } from '../../../bots/telegram/notifier.js';
import { TelegramRateLimiter } from '../../../bots/telegram/rate-limiter.js';
import type { Alert } from '../../../core/alerts/alert-types.js';
import { makeAlert } from '../../../core/alerts/engine.js';
import type { DeliveryJob } from '../../../core/alerts/grouping.js';
import type { AlertRecordStore } from '../../../core/ports/alert-records.js';
import type { DeliveryTarget, Notifier, Platform } from '../../../core/ports/notifier.js';
import type { MemoryQueue } from '../../../dev/alerts/memory-queue.js';
import type { BackoffPolicy } from '../../../lambdas/alerts/backoff.js';
import { encodeJob } from '../../../lambdas/alerts/job-message.js';
import { createAlertRecordStore } from '../../../lambdas/store/alert-records/index.js';
import { startTestDynamo, type TestDynamo } from '../../helpers/dynamo.js';
import { type FakeDiscord, startFakeDiscord } from '../../helpers/fake-discord.js';
import { type FakeTelegram, type SendLimits, startFakeTelegram } from '../../helpers/fake-telegram.js';
import { type LimitProxy, type ProxyLimit, startLimitProxy } from './limit-proxy.js';

export const FAST_BACKOFF: BackoffPolicy = { baseMs: 30, maxMs: 400, maxAttempts: 8 };

export interface PlatformsOptions {
  telegramLimits?: SendLimits;
  discordGlobal?: ProxyLimit;
  discordPerChannel?: ProxyLimit;
  /** Discord's rate-limit headers on every answer of a limited route (off unless asked). */
  discordHeaders?: boolean;
}

export interface Platforms {
  telegram: FakeTelegram;
  discord: FakeDiscord;
  discordProxy: LimitProxy;
  /** Fresh notifiers (a new process has its own rate limiters and caches). */
  notifiers(options?: NotifierOptions): Record<Platform, Notifier>;
  /** How many times each (platform, target id, alert title) arrived. */
  received(): Map<string, number>;
  close(): Promise<void>;
}

export interface NotifierOptions {
  /** The in-process Discord limit (default 45 a second). */
  discordPerSecond?: number;
  telegramMarginMs?: number;
  /** Longest wait for a rate-limit slot before answering retry (default the notifiers' own). */
  maxWaitMs?: number;
  /** While false, no request leaves for the platform (a killed process sends nothing more). */
  alive?: () => boolean;
}

const CHANNEL_ROUTE = /\/channels\/([0-9]+)\/messages$/;

export async function startPlatforms(options: PlatformsOptions = {}): Promise<Platforms> {
  const telegram = await startFakeTelegram({ limits: options.telegramLimits });
  const discord = await startFakeDiscord();
  const discordProxy = await startLimitProxy({
    upstream: discord.api.replace(/\/api$/, ''),
    global: options.discordGlobal,
    perKey: options.discordPerChannel,
    rateLimitHeaders: options.discordHeaders,
    keyOf: (method, path) => (method === 'POST' ? (CHANNEL_ROUTE.exec(path)?.[1] ?? null) : null),
  });
  return {
    telegram,
    discord,
    discordProxy,
    notifiers(o = {}) {
      const alive = o.alive ?? (() => true);
      const dead = () => Promise.reject(Object.assign(new Error('process killed'), { code: 'ECONNRESET' }));
      const client = new Telegram(telegram.token, { apiRoot: telegram.apiRoot });
      const tg = {
        sendMessage: (chatId: string, text: string, extra: object) =>
          alive() ? client.sendMessage(chatId, text, extra) : dead(),
      };
      const rest = createDiscordRest({ token: 'test-token', api: `${discordProxy.url}/api`, retries: 0 });
      const post = rest.post.bind(rest);
      rest.post = ((...args: Parameters<typeof post>) =>
        alive() ? post(...args) : dead()) as typeof rest.post;
      const limiter = new TelegramRateLimiter({
        globalPerSecond: options.telegramLimits?.globalPerSecond ?? 30,
        perChatPerSecond: options.telegramLimits?.perChatPerSecond ?? 1,
        perGroupPerMinute: options.telegramLimits?.perGroupPerMinute ?? 20,
        marginMs: o.telegramMarginMs ?? 15,
      });
      return {
        telegram: createTelegramNotifier({
          telegram: tg,
          limiter,
          transientRetries: 0,
          backoffMs: 10,
          maxWaitMs: o.maxWaitMs,
        }),
        discord: new DiscordNotifier({
          rest,
          limiter: new SlidingWindowLimiter({ limit: o.discordPerSecond ?? 45, windowMs: 1_000 }),
          maxLimiterWaitMs: o.maxWaitMs,
          backoffBaseMs: 30,
          backoffMaxMs: 400,
        }),
      };
    },
    received() {
      const counts = new Map<string, number>();
      const add = (key: string) => counts.set(key, (counts.get(key) ?? 0) + 1);
      for (const call of telegram.delivered()) {
        for (const m of String(call.params.text).matchAll(/Referendum #([0-9]+) submitted/g))
          add(`telegram:${String(call.params.chat_id)}:${m[1]}`);
      }
      for (const call of discordProxy.calls) {
        const channel = CHANNEL_ROUTE.exec(call.path)?.[1];
        if (call.method !== 'POST' || call.status !== 200 || !channel) continue;
        for (const embed of (call.json as { embeds?: Array<{ title?: string }> }).embeds ?? []) {
          const m = /Referendum #([0-9]+) submitted/.exec(embed.title ?? '');
          if (m) add(`discord:${channel}:${m[1]}`);
        }
      }
      return counts;
    },
    async close() {
      await Promise.all([telegram.close(), discord.close(), discordProxy.close()]);
    },
  };
}

export const tgChat = (i: number): DeliveryTarget => ({
  platform: 'telegram',
  kind: 'chat',
  id: `-100${1_000_000 + i}`,
});
export const dcChannel = (i: number): DeliveryTarget => ({
  platform: 'discord',
  kind: 'channel',
  id: `${900_000_000_000_000_000n + BigInt(i)}`,
});

export function submittedAlert(referendum: number, nowMs = Date.now()): Alert {
  return makeAlert(
    { version: 1, relayBlock: 30_000_000, timestampMs: nowMs, nowMs },
    `ref:${referendum}:submitted`,
    'info',
    { type: 'referendum', referendum, track: 32 },
    { kind: 'ref-submitted', referendum, track: 32, proposal: null },
  );
}

export function jobOf(target: DeliveryTarget, referenda: number[]): DeliveryJob {
  return {
    target,
    items: referenda.map((n) => ({ alert: submittedAlert(n), subscriptionId: 'r00001', quietHours: null })),
  };
}

export async function enqueue(queue: MemoryQueue, jobs: readonly DeliveryJob[]): Promise<void> {
  await queue.send(jobs.map((job) => ({ body: encodeJob(job) })));
}

/** Expected receipts: every (target, referendum) once. */
export function expectedOnce(jobs: readonly DeliveryJob[]): Map<string, number> {
  const out = new Map<string, number>();
  for (const job of jobs)
    for (const item of job.items)
      out.set(
        `${job.target.platform}:${job.target.id}:${(item.alert.facts as { referendum: number }).referendum}`,
        1,
      );
  return out;
}

export interface RecordsBench {
  dynamo: TestDynamo;
  newRecords(now?: () => number): Promise<{ records: AlertRecordStore; tableName: string }>;
}

export async function startRecords(): Promise<RecordsBench> {
  const dynamo = await startTestDynamo();
  return {
    dynamo,
    async newRecords(now) {
      const tableName = await dynamo.newTable('alerts');
      return { records: createAlertRecordStore({ client: dynamo.client, tableName, now }), tableName };
    },
  };
}

export const sortedEntries = (m: Map<string, number>) =>
  [...m.entries()].sort(([a], [b]) => a.localeCompare(b));
