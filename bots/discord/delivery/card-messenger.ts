/**
 * Live cards on Discord: POST a channel message to create (with a nonce per card generation,
 * enforced, so a resend within Discord's few minutes gets the same message back), PATCH
 * `/channels/{channel}/messages/{id}` to edit (replacing the chart), both through the channel's rate
 * limit buckets (`@discordjs/rest` sits out a 429's `retry_after` up to its limit, then says retry)
 * after the in-process channel window. A create whose answer was lost is looked for among the
 * channel's messages after it began: the bot's own message whose embed is the referendum's card.
 */
import { createHash } from 'node:crypto';
import { DiscordAPIError, type RawFile, type REST } from '@discordjs/rest';
import { Routes } from 'discord-api-types/v10';
import type {
  CardLookup,
  CardMessage,
  CardMessenger,
  CardOutcome,
} from '../../../core/ports/card-messenger.js';
import type { DeliveryTarget } from '../../../core/ports/notifier.js';
import type { DiscordCardPayload } from './card-render.js';
import { classifyDiscordError } from './delivery-errors.js';
import { NONCE_MAX_LENGTH } from './message-nonce.js';
import { SlidingWindowLimiter } from './rate-limiter.js';

export interface DiscordCardOptions {
  rest: REST;
  limiter?: SlidingWindowLimiter;
  /** Longest wait for the in-process limiter before answering retry (default 10 s). */
  maxLimiterWaitMs?: number;
}

const UNKNOWN_MESSAGE = 10008;
const DISCORD_EPOCH = 1_420_070_400_000n;

export function cardNonce(seed: string): string {
  return `c${createHash('sha256')
    .update(seed)
    .digest('base64url')
    .slice(0, NONCE_MAX_LENGTH - 1)}`;
}

function files(p: DiscordCardPayload): RawFile[] | undefined {
  return p.photo ? [{ name: p.photo.fileName, data: Buffer.from(p.photo.png) }] : undefined;
}

function outcomeOf(error: unknown): CardOutcome {
  if (error instanceof DiscordAPIError && Number(error.code) === UNKNOWN_MESSAGE)
    return { status: 'missing', reason: `Unknown Message (HTTP ${error.status}, code ${error.code})` };
  const verdict = classifyDiscordError(error);
  if (verdict.status === 'retry')
    return { status: 'retry', afterMs: verdict.afterMs ?? 0, reason: verdict.reason };
  return verdict;
}

export function createDiscordCardMessenger(options: DiscordCardOptions): CardMessenger {
  const limiter = options.limiter ?? new SlidingWindowLimiter();
  const maxWait = options.maxLimiterWaitMs ?? 10_000;
  const dmChannels = new Map<string, string>();
  let me: string | null = null;

  async function channelOf(target: DeliveryTarget): Promise<string> {
    if (target.kind === 'channel') return target.id;
    const known = dmChannels.get(target.id);
    if (known) return known;
    const channel = (await options.rest.post(Routes.userChannels(), {
      body: { recipient_id: target.id },
    })) as {
      id: string;
    };
    dmChannels.set(target.id, channel.id);
    return channel.id;
  }

  async function call(
    target: DeliveryTarget,
    run: (channel: string) => Promise<string[]>,
  ): Promise<CardOutcome> {
    try {
      const channel = await channelOf(target);
      const room = await limiter.acquire(channel, maxWait);
      if (!room.ok)
        return { status: 'retry', afterMs: room.afterMs, reason: 'in-process channel or global rate limit' };
      return { status: 'ok', messageIds: await run(channel) };
    } catch (error) {
      return outcomeOf(error);
    }
  }

  return {
    platform: 'discord',

    create(target, card: CardMessage) {
      const p = card.payload as DiscordCardPayload;
      return call(target, async (channel) => {
        const message = (await options.rest.post(Routes.channelMessages(channel), {
          body: {
            embeds: p.embeds,
            components: p.components,
            allowed_mentions: { parse: [] },
            nonce: cardNonce(card.nonceSeed),
            enforce_nonce: true,
            ...(p.photo ? { attachments: [{ id: 0, filename: p.photo.fileName }] } : {}),
          },
          files: files(p),
        })) as { id: string };
        return [message.id];
      });
    },

    edit(target, messageIds, card) {
      const p = card.payload as DiscordCardPayload;
      const id = messageIds[0];
      if (!id) return Promise.resolve({ status: 'missing', reason: 'the card has no message id' });
      return call(target, async (channel) => {
        await options.rest.patch(Routes.channelMessage(channel, id), {
          body: {
            embeds: p.embeds,
            components: p.components,
            allowed_mentions: { parse: [] },
            attachments: p.photo ? [{ id: 0, filename: p.photo.fileName }] : [],
          },
          files: files(p),
        });
        return [id];
      });
    },

    async find(target, card, sinceMs): Promise<CardLookup> {
      try {
        const channel = await channelOf(target);
        if (me === null) me = ((await options.rest.get(Routes.user('@me'))) as { id: string }).id;
        const after = (BigInt(Math.max(0, Math.floor(sinceMs) - 5_000)) - DISCORD_EPOCH) << 22n;
        const query = new URLSearchParams({ after: String(after > 0n ? after : 0n), limit: '100' });
        const messages = (await options.rest.get(Routes.channelMessages(channel), { query })) as Array<{
          id: string;
          author?: { id?: string };
          embeds?: Array<{ title?: string }>;
        }>;
        const prefix = `Referendum #${card.referendum} `;
        const mine = messages.find((m) => m.author?.id === me && m.embeds?.[0]?.title?.startsWith(prefix));
        return mine ? { status: 'found', messageIds: [mine.id] } : { status: 'none' };
      } catch (error) {
        return { status: 'retry', reason: outcomeOf(error).status };
      }
    },
  };
}
