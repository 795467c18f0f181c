/**
 * The benchmark's servers, each in a child process of its own so the table and the platforms each
 * get a core: dynalite ("dynamo"), and the fake Telegram and Discord (behind the proxy that
 * enforces Discord's global and per-channel limits) with the fake SQS ("platforms"). The platforms
 * child answers "count" (targets reached, sends, 429s, SQS requests and queue depth), "report"
 * (every message each chat received) and "reset".
 */
import { createInterface } from 'node:readline';
import { startDynalite } from '../../../dev/dynamodb/dynalite.js';
import { startPlatforms } from '../../lambdas/alerts/harness.js';
import { say } from './child.js';
import { startFakeSqs } from './fake-sqs.js';

export const LIMITS = { telegram: 30, discord: 50 } as const;

export interface PlatformsHello {
  telegram: { apiRoot: string; token: string };
  discord: string;
  sqs: string;
  queues: { telegram: string; discord: string };
}

export interface PlatformCount {
  /** Chats and channels that received at least one message. */
  reached: number;
  sends: { telegram: number; discord: number };
  violations: number;
  sqs: Record<string, number>;
  depth: Record<string, number>;
}

export interface PlatformReport {
  /** Messages received per chat or channel id. */
  perTarget: Record<string, number>;
  /** Send times (ms) by platform. */
  times: { telegram: number[]; discord: number[] };
  violations: number;
}

export async function serveDynamo(): Promise<void> {
  const dynamo = await startDynalite({});
  say({ dynamo: dynamo.endpoint });
  for await (const _ of createInterface({ input: process.stdin })) break;
  await dynamo.close();
  process.exit(0);
}

export async function servePlatforms(): Promise<void> {
  const platforms = await startPlatforms({
    telegramLimits: { globalPerSecond: LIMITS.telegram, perChatPerSecond: 1, perGroupPerMinute: 20 },
    discordGlobal: { limit: LIMITS.discord, windowMs: 1_000 },
    discordPerChannel: { limit: 5, windowMs: 5_000 },
    discordHeaders: true,
  });
  const sqs = await startFakeSqs();
  const hello: PlatformsHello = {
    telegram: { apiRoot: platforms.telegram.apiRoot, token: platforms.telegram.token },
    discord: `${platforms.discordProxy.url}/api`,
    sqs: sqs.endpoint,
    queues: { telegram: sqs.queueUrl('dispatch-telegram'), discord: sqs.queueUrl('dispatch-discord') },
  };
  say(hello);
  const sends = () => {
    const out: Array<['telegram' | 'discord', string, number]> = [];
    for (const c of platforms.telegram.delivered()) out.push(['telegram', String(c.params.chat_id), c.atMs]);
    // Messages the fake Discord created: a resend answered through its nonce creates none.
    for (const m of platforms.discord.created()) out.push(['discord', m.channelId, m.atMs]);
    return out;
  };
  const violations = () => platforms.telegram.limitViolations() + platforms.discordProxy.violations();
  for await (const line of createInterface({ input: process.stdin })) {
    if (line === 'count') {
      const all = sends();
      const count: PlatformCount = {
        reached: new Set(all.map(([, id]) => id)).size,
        sends: {
          telegram: all.filter(([p]) => p === 'telegram').length,
          discord: all.filter(([p]) => p === 'discord').length,
        },
        violations: violations(),
        sqs: sqs.requests(),
        depth: sqs.depth(),
      };
      say(count);
    } else if (line === 'report') {
      const report: PlatformReport = {
        perTarget: {},
        times: { telegram: [], discord: [] },
        violations: violations(),
      };
      for (const [platform, id, at] of sends()) {
        report.perTarget[id] = (report.perTarget[id] ?? 0) + 1;
        report.times[platform].push(at);
      }
      say(report);
    } else if (line === 'reset') {
      platforms.telegram.reset();
      platforms.discord.reset();
      platforms.discordProxy.calls.length = 0;
      say({ ok: true });
    } else break;
  }
  await Promise.all([platforms.close(), sqs.close()]);
  process.exit(0);
}
