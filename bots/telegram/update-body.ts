/**
 * A webhook body to a Telegram update: base64 decoded when the gateway encoded it, JSON parsed,
 * and checked to be an update (an object with a non-negative integer update_id and a payload).
 */
import type { Update } from 'telegraf/types';

/** Telegram's updates are far smaller; anything larger is not from Telegram. */
export const MAX_UPDATE_BYTES = 1024 * 1024;

export type ParsedUpdate = { ok: true; update: Update } | { ok: false; status: 400 | 413; error: string };

export function parseUpdateBody(
  body: string | Uint8Array | null | undefined,
  isBase64Encoded = false,
): ParsedUpdate {
  if (body === null || body === undefined || body.length === 0) return bad('the request has no body');
  let bytes: Buffer;
  if (typeof body === 'string') {
    if (isBase64Encoded && !/^[A-Za-z0-9+/=\s_-]*$/.test(body))
      return bad('the body is marked base64 but is not');
    bytes = isBase64Encoded ? Buffer.from(body, 'base64') : Buffer.from(body, 'utf8');
  } else {
    bytes = Buffer.from(body.buffer, body.byteOffset, body.byteLength);
    if (isBase64Encoded) bytes = Buffer.from(bytes.toString('latin1'), 'base64');
  }
  if (bytes.length > MAX_UPDATE_BYTES)
    return {
      ok: false,
      status: 413,
      error: `the body is ${bytes.length} bytes; updates are under ${MAX_UPDATE_BYTES}`,
    };
  let value: unknown;
  try {
    value = JSON.parse(bytes.toString('utf8'));
  } catch (error) {
    return bad(`the body is not JSON: ${(error as Error).message}`);
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value))
    return bad('the body is not a JSON object');
  const update = value as Record<string, unknown>;
  const id = update.update_id;
  if (typeof id !== 'number' || !Number.isSafeInteger(id) || id < 0)
    return bad('update_id is missing or not a non-negative integer');
  const payload = Object.keys(update).filter((k) => k !== 'update_id');
  if (!payload.some((k) => typeof update[k] === 'object' && update[k] !== null))
    return bad(`update ${id} carries no payload object`);
  return { ok: true, update: value as Update };
}

function bad(error: string): ParsedUpdate {
  return { ok: false, status: 400, error };
}
