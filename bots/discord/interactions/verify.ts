/**
 * Ed25519 verification of interaction requests: Discord signs timestamp + raw body with the
 * application's key and sends X-Signature-Ed25519 and X-Signature-Timestamp. The body is checked
 * before it is parsed; a request signed too long ago (or in the future) is refused as a replay.
 */
import { createPublicKey, type KeyObject, verify } from 'node:crypto';
import { DiscordConfigError } from '../errors.js';

/** How far the signed timestamp may be from the receiver's clock, seconds. */
export const MAX_SIGNATURE_SKEW_SECONDS = 300;

export type SignatureVerdict =
  | { ok: true }
  | {
      ok: false;
      reason: 'missing-signature' | 'malformed-signature' | 'malformed-timestamp' | 'stale' | 'bad-signature';
    };

/** The raw 32-byte key as DER SubjectPublicKeyInfo: the fixed Ed25519 prefix, then the key. */
const SPKI_PREFIX = Buffer.from('302a300506032b6570032100', 'hex');

/** A verifier for one application key (64 hex digits, as the developer portal shows it). */
export function publicKeyFromHex(hex: string): KeyObject {
  const text = hex.trim();
  if (!/^[0-9a-fA-F]{64}$/.test(text))
    throw new DiscordConfigError('The Discord public key must be 64 hex digits (General Information page).');
  return createPublicKey({
    key: Buffer.concat([SPKI_PREFIX, Buffer.from(text, 'hex')]),
    format: 'der',
    type: 'spki',
  });
}

function header(headers: Record<string, string | string[] | undefined>, name: string): string | undefined {
  const value = headers[name] ?? headers[name.toLowerCase()];
  if (Array.isArray(value)) return value.length === 1 ? value[0] : undefined;
  return value;
}

/** Checks the two signature headers against the raw body; never throws. */
export function verifyInteractionSignature(
  key: KeyObject,
  headers: Record<string, string | string[] | undefined>,
  rawBody: Uint8Array,
  nowMs: number = Date.now(),
): SignatureVerdict {
  const signature = header(headers, 'x-signature-ed25519');
  const timestamp = header(headers, 'x-signature-timestamp');
  if (signature === undefined || timestamp === undefined) return { ok: false, reason: 'missing-signature' };
  if (!/^[0-9a-fA-F]{128}$/.test(signature)) return { ok: false, reason: 'malformed-signature' };
  if (!/^[0-9]{1,12}$/.test(timestamp)) return { ok: false, reason: 'malformed-timestamp' };
  if (Math.abs(nowMs / 1000 - Number(timestamp)) > MAX_SIGNATURE_SKEW_SECONDS)
    return { ok: false, reason: 'stale' };
  const message = Buffer.concat([Buffer.from(timestamp, 'utf8'), rawBody]);
  try {
    return verify(null, message, key, Buffer.from(signature, 'hex'))
      ? { ok: true }
      : { ok: false, reason: 'bad-signature' };
  } catch {
    return { ok: false, reason: 'bad-signature' };
  }
}
