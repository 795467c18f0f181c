import { describe, expect, it } from 'vitest';
import {
  DEFAULT_STALE_AFTER_MS,
  freshnessOf,
  replyToJson,
  staleAfterMsFrom,
} from '../../../core/reply/index.js';

const input = {
  relayBlock: 31_000_000,
  assetHubBlock: 11_000_000,
  chainTimeMs: 1_000,
  snapshotAtMs: 1_000_000,
  version: 7,
};

describe('freshnessOf', () => {
  it('measures age from the commit time and flags it stale past the threshold only', () => {
    const fresh = freshnessOf(input, 1_000_000 + DEFAULT_STALE_AFTER_MS, DEFAULT_STALE_AFTER_MS);
    expect(fresh).toMatchObject({
      ageMs: DEFAULT_STALE_AFTER_MS,
      stale: false,
      relayBlock: 31_000_000,
      version: 7,
    });
    const stale = freshnessOf(input, 1_000_001 + DEFAULT_STALE_AFTER_MS, DEFAULT_STALE_AFTER_MS);
    expect(stale.stale).toBe(true);
  });

  it('never reports a negative age, and an unknown commit time is stale', () => {
    expect(freshnessOf(input, 0, 60_000)).toMatchObject({ ageMs: 0, stale: false });
    expect(freshnessOf({ ...input, snapshotAtMs: Number.NaN }, 5, 60_000)).toMatchObject({
      ageMs: null,
      stale: true,
    });
  });

  it('falls back to the default threshold for a nonsensical one', () => {
    expect(freshnessOf(input, 1_000_000, -5).staleAfterMs).toBe(DEFAULT_STALE_AFTER_MS);
    expect(freshnessOf(input, 1_000_000, Number.NaN).staleAfterMs).toBe(DEFAULT_STALE_AFTER_MS);
  });
});

describe('staleAfterMsFrom (HERALD_STALE_AFTER_SECONDS)', () => {
  it('reads seconds, and defaults to 15 minutes for missing or bad values', () => {
    expect(staleAfterMsFrom('60')).toBe(60_000);
    expect(staleAfterMsFrom('1.5')).toBe(1_500);
    expect(staleAfterMsFrom(undefined)).toBe(15 * 60_000);
    for (const bad of ['', ' ', 'soon', '-1', '0', 'Infinity'])
      expect(staleAfterMsFrom(bad)).toBe(DEFAULT_STALE_AFTER_MS);
  });
});

describe('replyToJson', () => {
  it('writes bigints as decimal strings, non-finite numbers as null, bytes as hex', () => {
    const text = replyToJson({
      a: 12345678901234567890n,
      b: Number.POSITIVE_INFINITY,
      c: new Uint8Array([1, 255]),
    });
    expect(JSON.parse(text)).toEqual({ a: '12345678901234567890', b: null, c: '0x01ff' });
  });
});
