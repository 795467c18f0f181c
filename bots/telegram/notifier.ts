/**
 * The Telegram side of alert delivery. Groups a target's alerts into as few messages as fit, keeps
 * within the bot's rate limits, and turns every Bot API failure into an outcome: 429 → retry after
 * Telegram's `retry_after`, 5xx or network → retry with backoff, 403 / chat not found → gone (and
 * the target's subscriptions are disabled through `disableTarget`), other refusals → failed. The
 * alerts' links go as URL buttons (an inline keyboard) under each message's last part.
 */
import type { DeliveryOutcome, DeliveryTarget, Notifier } from '../../core/ports/notifier.js';
import { type AlertGroup, alertKeyboard, groupAlerts } from './alert-html.js';
import { classifyApiError } from './errors.js';
import { TelegramRateLimiter } from './rate-limiter.js';

/** The one Bot API call the notifier makes (telegraf's `Telegram` has it). */
export interface MessageSender {
  sendMessage(chatId: string, text: string, extra: object): Promise<{ message_id: number }>;
}

/** Called once when Telegram says a target is gone for good; it should disable the target's subscriptions. */
export type DisableTarget = (target: DeliveryTarget, reason: string) => Promise<void>;

export interface TelegramNotifierOptions {
  telegram: MessageSender;
  limiter?: TelegramRateLimiter;
  disableTarget?: DisableTarget;
  /** Longest the notifier waits for a rate-limit slot before answering `retry` instead. */
  maxWaitMs?: number;
  /** Retries of a 5xx or network failure within one call, and the first backoff. */
  transientRetries?: number;
  backoffMs?: number;
  sleep?: (ms: number) => Promise<void>;
  log?: (line: string) => void;
  /** The clock relative times ("in 23h 57m") are measured on when a message is rendered. */
  now?: () => number;
}

const defaultSleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

export function createTelegramNotifier(options: TelegramNotifierOptions): Notifier {
  const limiter = options.limiter ?? new TelegramRateLimiter();
  const maxWaitMs = options.maxWaitMs ?? 20_000;
  const retries = options.transientRetries ?? 2;
  const backoffMs = options.backoffMs ?? 500;
  const sleep = options.sleep ?? defaultSleep;
  const log = options.log ?? (() => {});

  /** Sends one message, retrying transient failures; the outcome for its group when it fails. */
  async function sendOne(target: DeliveryTarget, group: AlertGroup, html: string, last: boolean) {
    for (let attempt = 0; ; attempt++) {
      const slot = limiter.reserve(target.id, maxWaitMs);
      if (!slot.ok)
        return { fail: retry(group, slot.waitMs, 'rate limit: no send slot within the wait limit') };
      if (slot.waitMs > 0) await sleep(slot.waitMs);
      for (let wait = limiter.dispatch(target.id); wait > 0; wait = limiter.dispatch(target.id))
        await sleep(wait);
      try {
        const keyboard = last && group.buttons.length > 0 ? inlineKeyboard(group) : null;
        const sent = await options.telegram.sendMessage(target.id, html, {
          parse_mode: 'HTML',
          link_preview_options: { is_disabled: true },
          ...(keyboard ? { reply_markup: keyboard } : {}),
        });
        return { messageId: String(sent.message_id) };
      } catch (error) {
        const failure = classifyApiError(error);
        if (failure.kind === 'rate-limited') {
          limiter.pause(target.id, failure.retryAfterMs);
          return { fail: retry(group, failure.retryAfterMs, failure.reason) };
        }
        if (failure.kind === 'gone') return { fail: gone(group, failure.reason) };
        if (failure.kind === 'rejected') return { fail: failed(group, failure.reason) };
        const delay = backoffMs * 2 ** attempt;
        if (attempt >= retries) return { fail: retry(group, delay, failure.reason) };
        log(`telegram: ${failure.reason}; retrying chat ${target.id} in ${delay} ms`);
        await sleep(delay);
      }
    }
  }

  return {
    platform: 'telegram',
    async send(target, messages) {
      const groups = groupAlerts(messages, { nowMs: (options.now ?? Date.now)() });
      const problem = targetProblem(target);
      if (problem) return groups.map((g) => failed(g, problem));
      const outcomes: DeliveryOutcome[] = [];
      for (let i = 0; i < groups.length; i++) {
        const group = groups[i]!;
        const messageIds: string[] = [];
        let stop: DeliveryOutcome | undefined;
        for (const [p, html] of group.parts.entries()) {
          const result = await sendOne(target, group, html, p === group.parts.length - 1);
          if ('fail' in result) {
            stop = result.fail;
            break;
          }
          messageIds.push(result.messageId);
        }
        if (!stop) {
          outcomes.push({ status: 'sent', alertIds: group.alertIds, messageIds });
          continue;
        }
        outcomes.push(stop);
        if (stop.status === 'failed') continue;
        // Retry or gone applies to the whole chat: the remaining groups share the fate.
        for (const rest of groups.slice(i + 1)) outcomes.push({ ...stop, alertIds: rest.alertIds });
        if (stop.status === 'gone') await disable(target, stop.reason);
        break;
      }
      return outcomes;
    },
  };

  async function disable(target: DeliveryTarget, reason: string) {
    try {
      await options.disableTarget?.(target, reason);
    } catch (error) {
      log(`telegram: could not disable chat ${target.id} (${reason}): ${(error as Error).message}`);
    }
  }
}

/** The group's buttons as an inline keyboard. */
function inlineKeyboard(group: AlertGroup) {
  return alertKeyboard(group.buttons);
}

function targetProblem(target: DeliveryTarget): string | null {
  if (target?.platform !== 'telegram') return `not a Telegram target: platform ${String(target?.platform)}`;
  if (target.kind !== 'chat' && target.kind !== 'dm')
    return `a Telegram target is a chat or dm, not ${String(target.kind)}`;
  if (typeof target.id !== 'string' || !/^-?[1-9][0-9]{0,19}$/.test(target.id))
    return `a Telegram chat id is a non-zero integer, not ${JSON.stringify(target.id)}`;
  return null;
}

const retry = (g: AlertGroup, afterMs: number, reason: string): DeliveryOutcome => ({
  status: 'retry',
  alertIds: g.alertIds,
  afterMs,
  reason,
});
const gone = (g: AlertGroup, reason: string): DeliveryOutcome => ({
  status: 'gone',
  alertIds: g.alertIds,
  reason,
});
const failed = (g: AlertGroup, reason: string): DeliveryOutcome => ({
  status: 'failed',
  alertIds: g.alertIds,
  reason,
});
