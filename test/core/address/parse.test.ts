import { encodeAddress as pjsEncode } from '@polkadot/util-crypto';
import { describe, expect, it } from 'vitest';
import {
  decodeAddressInput,
  isValidAddress,
  parseAddress,
  publicKeyHex,
  reencodeAddress,
  toKusamaAddress,
} from '../../../core/address/index.js';

const KEY_HEX = '0xd43593c715fdd31c61141abd04a99fd6822c8558854ccde39a5684e7a56da27d';
const KEY = Uint8Array.from(Buffer.from(KEY_HEX.slice(2), 'hex'));
const KUSAMA = pjsEncode(KEY, 2);
const POLKADOT = pjsEncode(KEY, 0);
const GENERIC = pjsEncode(KEY, 42);
const TWO_BYTE = pjsEncode(KEY, 1284);

describe('parseAddress', () => {
  it('accepts a Kusama address unchanged', () => {
    const r = parseAddress(KUSAMA);
    expect(r).toMatchObject({ ok: true, address: KUSAMA, inputPrefix: 2, converted: false });
  });

  it('accepts addresses of other networks, incl. two-byte prefixes, and converts them to prefix 2', () => {
    for (const [input, prefix] of [
      [POLKADOT, 0],
      [GENERIC, 42],
      [TWO_BYTE, 1284],
    ] as const) {
      const r = parseAddress(input);
      expect(r).toMatchObject({ ok: true, address: KUSAMA, inputPrefix: prefix, converted: true });
    }
  });

  it('accepts a 0x account id and surrounding whitespace', () => {
    expect(parseAddress(`  ${KEY_HEX}\n`)).toMatchObject({ ok: true, address: KUSAMA, inputPrefix: null });
    expect(toKusamaAddress(` ${POLKADOT} `)).toBe(KUSAMA);
  });

  it('says plainly when nothing was given', () => {
    for (const empty of ['', '   ', '\n']) {
      const r = parseAddress(empty);
      expect(r.ok).toBe(false);
      if (!r.ok) {
        expect(r.error.code).toBe('empty');
        expect(r.error.message).toMatch(/No address given/);
      }
    }
  });

  it('gives specific messages for broken hex ids', () => {
    const short = parseAddress('0xd435');
    expect(!short.ok && short.error.code).toBe('bad-length');
    expect(!short.ok && short.error.message).toMatch(/64 hex digits; got 4/);
    const bad = parseAddress(`0x${'zz'.repeat(32)}`);
    expect(!bad.ok && bad.error.code).toBe('bad-hex');
  });

  it('never throws on garbage, and returns the error instead', () => {
    for (const junk of ['!!!', 'O0Il', '1', KUSAMA.slice(1), `${KUSAMA}x`]) {
      const r = parseAddress(junk);
      expect(r.ok).toBe(false);
      expect(isValidAddress(junk)).toBe(false);
    }
    expect(() => decodeAddressInput('bad address')).toThrow(/not a base58 character/);
  });

  it('re-encodes for another network and prints the public key', () => {
    expect(reencodeAddress(KUSAMA, 0)).toBe(POLKADOT);
    expect(publicKeyHex(KEY)).toBe(KEY_HEX);
  });
});
