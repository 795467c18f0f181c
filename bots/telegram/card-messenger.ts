/**
 * Live cards on Telegram: `sendPhoto` or `sendMessage` to create, `editMessageMedia` (a new chart
 * and caption), `editMessageCaption` (a photo card's final words, without a chart) or
 * `editMessageText` to edit, all inside the bot's send limits (edits count like sends: about one a
 * second per chat, 30 a second for the bot). A message id is kept with its form ("p:42" a photo,
 * "t:42" a text), so an edit uses the call its message takes. The Bot API cannot read a chat's
 * messages, so a create whose answer was lost cannot be looked for (`find` says so).
 */
import type { Telegram } from 'telegraf';
import type { CardLookup, CardMessage, CardMessenger, CardOutcome } from '../../core/ports/card-messenger.js';
import type { DeliveryTarget } from '../../core/ports/notifier.js';
import type { TelegramCardPayload } from './card-render.js';
import { classifyApiError } from './errors.js';
import { TelegramRateLimiter } from './rate-limiter.js';

export type CardTelegram = Pick<
  Telegram,
  'sendMessage' | 'sendPhoto' | 'editMessageText' | 'editMessageMedia' | 'editMessageCaption'
>;

export interface TelegramCardOptions {
  telegram: CardTelegram;
  limiter?: TelegramRateLimiter;
  /** Longest wait for a send slot before answering retry (default 20 s). */
  maxWaitMs?: number;
  sleep?: (ms: number) => Promise<void>;
}

const HTML = { parse_mode: 'HTML' } as const;
const NO_PREVIEW = { link_preview_options: { is_disabled: true } } as const;
const defaultSleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

function outcomeOf(error: unknown, limiter: TelegramRateLimiter, chatId: string): CardOutcome {
  const failure = classifyApiError(error);
  if (/message is not modified/i.test(failure.reason)) return { status: 'ok', messageIds: [] };
  if (/message to edit not found|message can't be edited|message_id_invalid/i.test(failure.reason))
    return { status: 'missing', reason: failure.reason };
  switch (failure.kind) {
    case 'rate-limited':
      limiter.pause(chatId, failure.retryAfterMs);
      return { status: 'retry', afterMs: failure.retryAfterMs, reason: failure.reason };
    case 'gone':
      return { status: 'gone', reason: failure.reason };
    case 'transient':
      return { status: 'retry', afterMs: 0, reason: failure.reason };
    case 'rejected':
      return { status: 'failed', reason: failure.reason };
  }
}

export function createTelegramCardMessenger(options: TelegramCardOptions): CardMessenger {
  const limiter = options.limiter ?? new TelegramRateLimiter();
  const maxWaitMs = options.maxWaitMs ?? 20_000;
  const sleep = options.sleep ?? defaultSleep;

  /** Waits for the chat's next send slot; false when it is further off than the wait limit. */
  async function slot(chatId: string): Promise<CardOutcome | null> {
    const reserved = limiter.reserve(chatId, maxWaitMs);
    if (!reserved.ok)
      return {
        status: 'retry',
        afterMs: reserved.waitMs,
        reason: 'rate limit: no slot within the wait limit',
      };
    if (reserved.waitMs > 0) await sleep(reserved.waitMs);
    for (let wait = limiter.dispatch(chatId); wait > 0; wait = limiter.dispatch(chatId)) await sleep(wait);
    return null;
  }

  async function call(chatId: string, run: () => Promise<string[]>): Promise<CardOutcome> {
    const blocked = await slot(chatId);
    if (blocked) return blocked;
    try {
      return { status: 'ok', messageIds: await run() };
    } catch (error) {
      return outcomeOf(error, limiter, chatId);
    }
  }

  return {
    platform: 'telegram',

    create(target: DeliveryTarget, card: CardMessage) {
      const p = card.payload as TelegramCardPayload;
      const markup = p.keyboard ? { reply_markup: p.keyboard } : {};
      return call(target.id, async () => {
        if (p.photo) {
          const sent = await options.telegram.sendPhoto(
            target.id,
            { source: Buffer.from(p.photo.png), filename: p.photo.fileName },
            { caption: p.caption, ...HTML, ...markup },
          );
          return [`p:${sent.message_id}`];
        }
        const sent = await options.telegram.sendMessage(target.id, p.text, {
          ...HTML,
          ...NO_PREVIEW,
          ...markup,
        });
        return [`t:${sent.message_id}`];
      });
    },

    async edit(target, messageIds, card) {
      const p = card.payload as TelegramCardPayload;
      const id = messageIds[0] ?? '';
      const form = id.slice(0, 2);
      const messageId = Number(id.slice(2));
      if ((form !== 'p:' && form !== 't:') || !Number.isSafeInteger(messageId))
        return { status: 'missing', reason: `not a card message id: ${JSON.stringify(id)}` };
      const markup = p.keyboard ? { reply_markup: p.keyboard } : {};
      const done = await call(target.id, async () => {
        if (form === 't:')
          await options.telegram.editMessageText(target.id, messageId, undefined, p.text, {
            ...HTML,
            ...NO_PREVIEW,
            ...markup,
          });
        else if (p.photo)
          await options.telegram.editMessageMedia(
            target.id,
            messageId,
            undefined,
            {
              type: 'photo',
              media: { source: Buffer.from(p.photo.png), filename: p.photo.fileName },
              caption: p.caption,
              ...HTML,
            },
            markup,
          );
        else
          await options.telegram.editMessageCaption(target.id, messageId, undefined, p.caption, {
            ...HTML,
            ...markup,
          });
        return [id];
      });
      return done.status === 'ok' ? { status: 'ok', messageIds: [id] } : done;
    },

    async find(): Promise<CardLookup> {
      return { status: 'unsupported', reason: "the Bot API cannot read a chat's messages" };
    },
  };
}
