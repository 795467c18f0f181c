/** Errors of the Telegram bot, and what a failed Bot API call means for the caller. */

export class TelegramConfigError extends Error {
  override readonly name = 'TelegramConfigError';
}

/** What a failed Bot API call says about the chat it was for. */
export type ApiFailure =
  /** 429: wait this long before the next message to the chat. */
  | { kind: 'rate-limited'; retryAfterMs: number; reason: string }
  /** The bot can never write to the chat again (blocked, kicked, chat deleted or migrated). */
  | { kind: 'gone'; reason: string }
  /** Telegram or the network failed; the same call may work later. */
  | { kind: 'transient'; reason: string }
  /** Telegram refused this call (bad markup, too long, ...); other calls to the chat may work. */
  | { kind: 'rejected'; reason: string };

interface ApiErrorShape {
  response?: {
    error_code?: unknown;
    description?: unknown;
    parameters?: { retry_after?: unknown; migrate_to_chat_id?: unknown };
  };
  code?: unknown;
  type?: unknown;
  message?: unknown;
}

const GONE_DESCRIPTIONS = [
  'chat not found',
  'bot was blocked by the user',
  'bot was kicked',
  'user is deactivated',
  'bot is not a member',
  'have no rights to send a message',
  'group chat was deactivated',
  'not enough rights to send text messages',
  'peer_id_invalid',
];

/** Maps anything telegraf or node-fetch throws to what it means; never throws itself. */
export function classifyApiError(error: unknown): ApiFailure {
  const e = (typeof error === 'object' && error !== null ? error : {}) as ApiErrorShape;
  const response = e.response;
  if (response && typeof response.error_code === 'number') {
    const code = response.error_code;
    const description = typeof response.description === 'string' ? response.description : `error ${code}`;
    const reason = `${code}: ${description}`;
    const lower = description.toLowerCase();
    if (code === 429) {
      const seconds = Number(response.parameters?.retry_after);
      return {
        kind: 'rate-limited',
        retryAfterMs: Number.isFinite(seconds) && seconds > 0 ? seconds * 1000 : 1000,
        reason,
      };
    }
    const migrated = response.parameters?.migrate_to_chat_id;
    if (migrated !== undefined)
      return { kind: 'gone', reason: `${reason} (the group is now chat ${String(migrated)})` };
    if (code === 403 || GONE_DESCRIPTIONS.some((d) => lower.includes(d))) return { kind: 'gone', reason };
    if (code >= 500) return { kind: 'transient', reason };
    if (code === 401 || code === 404) return { kind: 'transient', reason: `${reason} (check the bot token)` };
    return { kind: 'rejected', reason };
  }
  const message = typeof e.message === 'string' ? e.message : String(error);
  return { kind: 'transient', reason: `network: ${message}` };
}
