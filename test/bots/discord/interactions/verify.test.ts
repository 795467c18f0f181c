import { generateKeyPairSync, sign } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { DiscordConfigError } from '../../../../bots/discord/errors.js';
import {
  interactionRequest,
  publicKeyFromHex,
  verifyInteractionSignature,
} from '../../../../bots/discord/interactions/index.js';

const pair = generateKeyPairSync('ed25519');
const hex = Buffer.from((pair.publicKey.export({ format: 'jwk' }) as { x: string }).x, 'base64url').toString(
  'hex',
);
const key = publicKeyFromHex(hex);
const NOW = 1_780_000_000_000;
const ts = String(NOW / 1000);

function signed(body: string, timestamp = ts) {
  return {
    'x-signature-ed25519': sign(null, Buffer.from(timestamp + body), pair.privateKey).toString('hex'),
    'x-signature-timestamp': timestamp,
  };
}

describe('interaction signature', () => {
  const body = '{"type":1}';

  it('accepts the signature over timestamp + raw body', () => {
    expect(verifyInteractionSignature(key, signed(body), Buffer.from(body), NOW)).toEqual({ ok: true });
  });

  it('names what is wrong with every kind of bad request', () => {
    const good = signed(body);
    const check = (headers: Record<string, string | string[] | undefined>, raw = body, now = NOW) =>
      verifyInteractionSignature(key, headers, Buffer.from(raw), now);
    expect(check({})).toEqual({ ok: false, reason: 'missing-signature' });
    expect(check({ ...good, 'x-signature-ed25519': 'ab' })).toEqual({
      ok: false,
      reason: 'malformed-signature',
    });
    expect(check({ ...good, 'x-signature-timestamp': '12e5' })).toEqual({
      ok: false,
      reason: 'malformed-timestamp',
    });
    expect(check(good, body, NOW + 301_000)).toEqual({ ok: false, reason: 'stale' });
    expect(check(good, body, NOW - 301_000)).toEqual({ ok: false, reason: 'stale' });
    expect(check(good, '{"type":2}')).toEqual({ ok: false, reason: 'bad-signature' });
    expect(check({ ...good, 'x-signature-timestamp': String(Number(ts) + 1) })).toEqual({
      ok: false,
      reason: 'bad-signature',
    });
    expect(check({ ...good, 'x-signature-ed25519': [good['x-signature-ed25519'], 'x'] })).toEqual({
      ok: false,
      reason: 'missing-signature',
    });
    const other = generateKeyPairSync('ed25519');
    const foreign = sign(null, Buffer.from(ts + body), other.privateKey).toString('hex');
    expect(check({ ...good, 'x-signature-ed25519': foreign })).toEqual({
      ok: false,
      reason: 'bad-signature',
    });
  });

  it('refuses a public key that is not 64 hex digits', () => {
    for (const bad of ['', 'abc', 'g'.repeat(64), `${hex}00`])
      expect(() => publicKeyFromHex(bad)).toThrow(DiscordConfigError);
  });

  it('keeps the raw bytes of a base64 Lambda body, so the signature still holds', () => {
    const raw = '{"type":1,"note":"caf\u00e9"}';
    const request = interactionRequest({
      headers: { 'X-Signature-Ed25519': signed(raw)['x-signature-ed25519'], 'X-Signature-Timestamp': ts },
      body: Buffer.from(raw).toString('base64'),
      isBase64Encoded: true,
    });
    expect(verifyInteractionSignature(key, request.headers, request.body, NOW)).toEqual({ ok: true });
    expect(interactionRequest({}).body.length).toBe(0);
  });
});
