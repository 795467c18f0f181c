/**
 * What the restart tests share: the jobs, the chain time the runner follows, the failures the fake
 * Telegram answers, and a count of what each chat and channel really received.
 */
import type { DeliveryJob } from '../../../core/alerts/grouping.js';
import type { SnapshotReader } from '../../../core/ports/snapshot-reader.js';
import { ENTITY } from '../../../core/snapshot/entities.js';
import type { FakeTelegram } from '../../helpers/fake-telegram.js';
import { dcChannel, jobOf, type Platforms, tgChat } from '../../lambdas/alerts/harness.js';

/** The wall clock both runners are given starts here; only its differences count. */
export const WALL_START = 5_000_000;
/** The chain time of the newest snapshot (in the future, so no emulator expires a record by the real clock). */
export const CHAIN_TIME = Date.UTC(2031, 5, 1, 12);
/** Telegram answers a throttled chat 429 once, asking to come back after this many seconds. */
export const RETRY_AFTER_S = 40;

/** Eight Telegram chats and six Discord channels, two alerts each (one message per target). */
export function restartJobs(): DeliveryJob[] {
  return [
    ...Array.from({ length: 8 }, (_, i) => jobOf(tgChat(i), [100 + i, 200 + i])),
    ...Array.from({ length: 6 }, (_, i) => jobOf(dcChannel(i), [300 + i, 400 + i])),
  ];
}

/**
 * Chats Telegram answers 429 once. Only ones the first runner sends to: the notifier that gets the
 * 429 also holds the chat back for that long in real time, and the second runner must not.
 */
export function throttle(telegram: FakeTelegram, chats: number[]): void {
  for (const i of chats)
    telegram.fail({
      method: 'sendMessage',
      chatId: tgChat(i).id,
      times: 1,
      failure: { code: 429, retryAfter: RETRY_AFTER_S },
    });
}

/** A snapshot reader that knows only the newest status: what the runner's chain clock follows. */
export function statusOnly(chainMs: number): SnapshotReader {
  return {
    getPointer: async () => undefined,
    getEntity: async (kind: string) =>
      kind === ENTITY.status ? { anchor: { timestampMs: chainMs }, activeEra: 1, warnings: [] } : undefined,
  } as unknown as SnapshotReader;
}

/**
 * How many times each (platform, target id, referendum) reached a chat: Telegram's delivered
 * messages, and the messages Discord created (a resend with the same nonce creates none).
 */
export function receipts(platforms: Platforms): Map<string, number> {
  const counts = new Map<string, number>();
  const add = (key: string) => counts.set(key, (counts.get(key) ?? 0) + 1);
  for (const call of platforms.telegram.delivered())
    for (const m of String(call.params.text).matchAll(/Referendum #([0-9]+) submitted/g))
      add(`telegram:${String(call.params.chat_id)}:${m[1]}`);
  for (const message of platforms.discord.created())
    for (const embed of (message.json as { embeds?: Array<{ title?: string }> }).embeds ?? []) {
      const m = /Referendum #([0-9]+) submitted/.exec(embed.title ?? '');
      if (m) add(`discord:${message.channelId}:${m[1]}`);
    }
  return counts;
}

export const receivedBy = (platforms: Platforms, platform: string, id: string) =>
  [...receipts(platforms).keys()].filter((k) => k.startsWith(`${platform}:${id}:`)).length;
