/**
 * The webhook's shared secret: Telegram sends it in X-Telegram-Bot-Api-Secret-Token on every
 * update. Compared in constant time over SHA-256 digests, so neither content nor length leaks.
 */
import { createHash, timingSafeEqual } from 'node:crypto';

export const SECRET_HEADER = 'x-telegram-bot-api-secret-token';

/** Null when Telegram accepts the secret (1-256 characters of A-Z, a-z, 0-9, _ and -), else why not. */
export function secretTokenProblem(secret: unknown): string | null {
  if (typeof secret !== 'string' || secret.length === 0) return 'the webhook secret is empty';
  if (secret.length > 256) return `the webhook secret has ${secret.length} characters; Telegram allows 256`;
  if (!/^[A-Za-z0-9_-]+$/.test(secret)) return 'the webhook secret may hold only A-Z, a-z, 0-9, _ and -';
  return null;
}

const digest = (text: string) => createHash('sha256').update(text, 'utf8').digest();

/** True when the header carries exactly the expected secret; a missing or repeated header never matches. */
export function secretMatches(expected: string, received: string | string[] | undefined): boolean {
  if (typeof received !== 'string' || expected.length === 0) return false;
  return timingSafeEqual(digest(expected), digest(received));
}

/** The header from a Node or API Gateway header map (names in any case). */
export function headerValue(
  headers: Record<string, string | string[] | undefined> | undefined,
  name: string,
): string | string[] | undefined {
  if (!headers) return undefined;
  const direct = headers[name];
  if (direct !== undefined) return direct;
  const key = Object.keys(headers).find((k) => k.toLowerCase() === name);
  return key === undefined ? undefined : headers[key];
}
