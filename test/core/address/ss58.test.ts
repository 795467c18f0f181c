import { decodeAddress as pjsDecode, encodeAddress as pjsEncode } from '@polkadot/util-crypto';
import { base58 } from '@scure/base';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { AddressError, decodeSs58, encodeAddress, encodePrefix } from '../../../core/address/index.js';

const ALICE_KEY = Uint8Array.from(
  Buffer.from('d43593c715fdd31c61141abd04a99fd6822c8558854ccde39a5684e7a56da27d', 'hex'),
);

describe('encodeAddress', () => {
  it('matches the well-known Alice addresses', () => {
    expect(encodeAddress(ALICE_KEY, 42)).toBe('5GrwvaEF5zXb26Fz9rcQpDWS57CtERHpNehXCPcNoHGKutQY');
    expect(encodeAddress(ALICE_KEY, 2)).toBe(pjsEncode(ALICE_KEY, 2));
    expect(encodeAddress(ALICE_KEY, 0)).toBe(pjsEncode(ALICE_KEY, 0));
  });

  it('agrees with @polkadot/util-crypto for random keys and prefixes, incl. two-byte prefixes', () => {
    fc.assert(
      fc.property(
        fc.uint8Array({ minLength: 32, maxLength: 32 }),
        fc.integer({ min: 0, max: 16_383 }).filter((p) => p !== 46 && p !== 47),
        (key, prefix) => {
          const ours = encodeAddress(key, prefix);
          expect(ours).toBe(pjsEncode(key, prefix));
          const back = decodeSs58(ours);
          expect(back.prefix).toBe(prefix);
          expect(Buffer.from(back.publicKey).equals(Buffer.from(pjsDecode(ours)))).toBe(true);
        },
      ),
      { numRuns: 300 },
    );
  });

  it('refuses keys that are not 32 bytes and prefixes out of range', () => {
    expect(() => encodeAddress(new Uint8Array(31), 2)).toThrow(/32 bytes; got 31/);
    expect(() => encodePrefix(16_384)).toThrow(AddressError);
    expect(() => encodePrefix(-1)).toThrow(/out of range/);
    expect(() => encodePrefix(2.5)).toThrow(/whole number/);
    expect(() => encodePrefix(46)).toThrow(/reserved/);
    expect(() => encodePrefix(47)).toThrow(/reserved/);
    // A key under the reserved prefix 46, checksummed like any other address: still refused.
    const body = Uint8Array.of(46, ...ALICE_KEY);
    expect(() => decodeSs58(base58.encode(Uint8Array.of(...body, 0, 0)))).toThrow(/reserved SS58 prefix 46/);
  });
});

describe('decodeSs58', () => {
  const kusamaAlice = pjsEncode(ALICE_KEY, 2);

  function codeOf(input: string): string | undefined {
    try {
      decodeSs58(input);
      return undefined;
    } catch (error) {
      return (error as AddressError).code;
    }
  }

  it('names the offending base58 character and its position', () => {
    const bad = `${kusamaAlice.slice(0, 5)}0${kusamaAlice.slice(6)}`;
    expect(() => decodeSs58(bad)).toThrow('"0" at position 6 is not a base58 character');
    expect(codeOf('Hello World')).toBe('bad-base58');
  });

  it('detects a single mistyped character as a checksum failure', () => {
    const last = kusamaAlice.at(-1)!;
    const swapped = `${kusamaAlice.slice(0, -1)}${last === 'a' ? 'b' : 'a'}`;
    expect(codeOf(swapped)).toBe('bad-checksum');
  });

  it('reports truncated or padded addresses as a length problem', () => {
    expect(codeOf(kusamaAlice.slice(0, -3))).toBe('bad-length');
    expect(() => decodeSs58(kusamaAlice.slice(0, -3))).toThrow(
      /decodes to 32 bytes; an account address has 35 or 36/,
    );
    expect(codeOf(`${kusamaAlice}1111`)).toBe('bad-length');
    const twoBytePrefixButShort = new Uint8Array(35);
    twoBytePrefixButShort[0] = 70;
    expect(() => decodeSs58(base58.encode(twoBytePrefixButShort))).toThrow(/2-byte network prefix needs 36/);
  });

  it('refuses the reserved prefix bytes 128..255', () => {
    const bytes = new Uint8Array(35);
    bytes[0] = 200;
    expect(codeOf(base58.encode(bytes))).toBe('bad-prefix');
  });
});
