/**
 * Sends a rendered answer: its HTML messages in order (the first replying to the command), then
 * the chart photo, with the keyboard on the last message. An answer whose text is the photo's
 * caption is one photo; when its chart cannot be drawn the caption goes as a text message instead. A 429 with a short retry_after or a 5xx
 * is retried once; paging edits the message the button sat on instead of sending a new one.
 */
import type { Telegram } from 'telegraf';
import type { ChartData } from '../../core/opengov/chart-data.js';
import { classifyApiError } from './errors.js';
import type { TelegramAnswer } from './render-reply.js';

export type ChartRenderer = (chart: ChartData) => Promise<Uint8Array>;

export interface SendOptions {
  replyTo?: number;
  renderChart?: ChartRenderer;
  log?: (line: string) => void;
  sleep?: (ms: number) => Promise<void>;
}

/** Longest 429 wait a webhook answer sits out before giving up on the message. */
const MAX_INLINE_RETRY_MS = 5_000;
const defaultSleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

async function withRetry<T>(call: () => Promise<T>, sleep: (ms: number) => Promise<void>): Promise<T> {
  try {
    return await call();
  } catch (error) {
    const failure = classifyApiError(error);
    if (failure.kind === 'rate-limited' && failure.retryAfterMs <= MAX_INLINE_RETRY_MS) {
      await sleep(failure.retryAfterMs);
      return call();
    }
    if (failure.kind === 'transient') {
      await sleep(300);
      return call();
    }
    throw error;
  }
}

const TEXT_EXTRA = { parse_mode: 'HTML', link_preview_options: { is_disabled: true } } as const;

export async function sendAnswer(
  telegram: Telegram,
  chatId: number,
  answer: TelegramAnswer,
  options: SendOptions = {},
): Promise<number[]> {
  const sleep = options.sleep ?? defaultSleep;
  const log = options.log ?? (() => {});
  let png: Uint8Array | null = null;
  if (answer.photo && options.renderChart) {
    try {
      png = await options.renderChart(answer.photo.chart);
    } catch (error) {
      log(`telegram: chart for ${answer.photo.fileName} failed: ${(error as Error).message}`);
    }
  }
  const ids: number[] = [];
  const captioned = answer.photo?.caption ?? null;
  const messages = captioned !== null && !png ? [captioned] : answer.messages;
  const reply = options.replyTo
    ? { reply_parameters: { message_id: options.replyTo, allow_sending_without_reply: true } }
    : {};
  for (const [i, html] of messages.entries()) {
    const last = i === messages.length - 1;
    const markup = last && !png && answer.keyboard ? { reply_markup: answer.keyboard } : {};
    const sent = await withRetry(
      () => telegram.sendMessage(chatId, html, { ...TEXT_EXTRA, ...(i === 0 ? reply : {}), ...markup }),
      sleep,
    );
    ids.push(sent.message_id);
  }
  if (png && answer.photo) {
    const photo = { source: Buffer.from(png), filename: answer.photo.fileName };
    const markup = answer.keyboard ? { reply_markup: answer.keyboard } : {};
    const caption = captioned !== null ? { caption: captioned, parse_mode: 'HTML' as const } : {};
    // A photo goes as multipart, where Telegraf sends only its known JSON fields as JSON: the
    // reply parameters are given as JSON text, or they would be dropped.
    const first =
      ids.length === 0 && 'reply_parameters' in reply
        ? {
            reply_parameters: JSON.stringify(
              reply.reply_parameters,
            ) as unknown as typeof reply.reply_parameters,
          }
        : {};
    const sent = await withRetry(
      () => telegram.sendPhoto(chatId, photo, { ...caption, ...first, ...markup }),
      sleep,
    );
    ids.push(sent.message_id);
  }
  return ids;
}

/** Replaces a message's text and keyboard (paging); falls back to sending when the answer is larger. */
export async function editAnswer(
  telegram: Telegram,
  chatId: number,
  messageId: number,
  answer: TelegramAnswer,
  options: SendOptions = {},
): Promise<void> {
  if (answer.messages.length !== 1 || answer.photo) {
    await sendAnswer(telegram, chatId, answer, options);
    return;
  }
  const markup = answer.keyboard ? { reply_markup: answer.keyboard } : {};
  try {
    await withRetry(
      () =>
        telegram.editMessageText(chatId, messageId, undefined, answer.messages[0]!, {
          ...TEXT_EXTRA,
          ...markup,
        }),
      options.sleep ?? defaultSleep,
    );
  } catch (error) {
    // Pressing the same page twice is not an error for the user.
    if (!/message is not modified/i.test(classifyApiError(error).reason)) throw error;
  }
}
