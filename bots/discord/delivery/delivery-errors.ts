/**
 * What a failed Discord request means for delivery: wait and retry (rate limits, Discord's own
 * trouble, the network), give the target up (the bot was removed or blocked), or drop the message
 * (Discord rejected its content).
 */
import { DiscordAPIError, HTTPError, RateLimitError } from '@discordjs/rest';

export type DeliveryVerdict =
  | { status: 'retry'; afterMs: number | null; reason: string }
  | { status: 'gone'; reason: string }
  | { status: 'failed'; reason: string };

/** JSON error codes that mean the target is gone (https://discord.com/developers/docs/topics/opcodes-and-status-codes). */
const GONE_CODES: Record<number, string> = {
  10003: 'Unknown Channel',
  10013: 'Unknown User',
  50001: 'Missing Access',
  50007: 'Cannot send messages to this user',
  50013: 'Missing Permissions',
};

/** Wait before retrying when the bot token itself was refused: an operator has to fix it. */
export const UNAUTHORISED_RETRY_MS = 5 * 60_000;

/** `afterMs: null` means "use the caller's backoff". */
export function classifyDiscordError(error: unknown): DeliveryVerdict {
  if (error instanceof RateLimitError) {
    const afterMs = Math.max(error.retryAfter, error.timeToReset, 0);
    return {
      status: 'retry',
      afterMs: Math.ceil(afterMs),
      reason: `rate limited by Discord${error.global ? ' (global limit)' : ''} on ${error.route}`,
    };
  }
  if (error instanceof DiscordAPIError) {
    const code = typeof error.code === 'number' ? error.code : Number(error.code);
    const label = GONE_CODES[code] ?? error.message;
    if (error.status === 403 || error.status === 404 || code in GONE_CODES) {
      return { status: 'gone', reason: `${label} (HTTP ${error.status}, code ${error.code})` };
    }
    if (error.status === 401) {
      return {
        status: 'retry',
        afterMs: UNAUTHORISED_RETRY_MS,
        reason: 'Discord refused the bot token (HTTP 401)',
      };
    }
    if (error.status === 429) return { status: 'retry', afterMs: null, reason: 'rate limited by Discord' };
    return {
      status: 'failed',
      reason: `Discord rejected the message: ${error.message} (HTTP ${error.status})`,
    };
  }
  if (error instanceof HTTPError) {
    return { status: 'retry', afterMs: null, reason: `Discord answered HTTP ${error.status}` };
  }
  const message = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
  return { status: 'retry', afterMs: null, reason: `could not reach Discord (${message})` };
}
