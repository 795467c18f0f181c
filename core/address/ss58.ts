/**
 * SS58 encoding of 32-byte account ids (https://docs.substrate.io/reference/address-formats/):
 * base58(prefix ‖ publicKey ‖ blake2b-512("SS58PRE" ‖ prefix ‖ publicKey)[0..2]).
 * Prefixes 0..63 take one byte; 64..16383 take two.
 */
import { blake2b } from '@noble/hashes/blake2.js';
import { base58 } from '@scure/base';
import { AddressError } from './errors.js';

export const ACCOUNT_ID_BYTES = 32;
export const SS58_CHECKSUM_BYTES = 2;
export const MAX_SS58_PREFIX = 16_383;

const SS58_PRE = new TextEncoder().encode('SS58PRE');
const BASE58_ALPHABET = '123456789ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz';

export interface DecodedAddress {
  publicKey: Uint8Array;
  prefix: number;
}

function checksum(body: Uint8Array): Uint8Array {
  const data = new Uint8Array(SS58_PRE.length + body.length);
  data.set(SS58_PRE, 0);
  data.set(body, SS58_PRE.length);
  return blake2b(data, { dkLen: 64 }).subarray(0, SS58_CHECKSUM_BYTES);
}

/** Prefixes the SS58 registry reserves; no network may use them. */
export const RESERVED_SS58_PREFIXES: readonly number[] = [46, 47];

export function encodePrefix(prefix: number): Uint8Array {
  if (!Number.isInteger(prefix) || prefix < 0 || prefix > MAX_SS58_PREFIX) {
    throw new AddressError(
      'bad-prefix',
      String(prefix),
      `SS58 prefix ${prefix} is out of range: it must be a whole number from 0 to ${MAX_SS58_PREFIX}.`,
    );
  }
  if (RESERVED_SS58_PREFIXES.includes(prefix)) {
    throw new AddressError(
      'bad-prefix',
      String(prefix),
      `SS58 prefix ${prefix} is reserved; no network uses it.`,
    );
  }
  if (prefix < 64) return Uint8Array.of(prefix);
  const first = ((prefix & 0b1111_1100) >> 2) | 0b0100_0000;
  const second = (prefix >> 8) | ((prefix & 0b11) << 6);
  return Uint8Array.of(first, second);
}

export function encodeAddress(publicKey: Uint8Array, prefix: number): string {
  if (publicKey.length !== ACCOUNT_ID_BYTES) {
    throw new AddressError(
      'bad-public-key',
      `${publicKey.length} bytes`,
      `An account id is ${ACCOUNT_ID_BYTES} bytes; got ${publicKey.length}.`,
    );
  }
  const prefixBytes = encodePrefix(prefix);
  const body = new Uint8Array(prefixBytes.length + ACCOUNT_ID_BYTES);
  body.set(prefixBytes, 0);
  body.set(publicKey, prefixBytes.length);
  const sum = checksum(body);
  const full = new Uint8Array(body.length + SS58_CHECKSUM_BYTES);
  full.set(body, 0);
  full.set(sum, body.length);
  return base58.encode(full);
}

function decodeBase58(input: string): Uint8Array {
  for (let i = 0; i < input.length; i += 1) {
    const ch = input[i]!;
    if (!BASE58_ALPHABET.includes(ch)) {
      throw new AddressError(
        'bad-base58',
        input,
        `"${ch}" at position ${i + 1} is not a base58 character (base58 has no 0, O, I or l, and no punctuation).`,
      );
    }
  }
  return base58.decode(input);
}

function readPrefix(input: string, bytes: Uint8Array): { prefix: number; length: number } {
  const first = bytes[0]!;
  if (RESERVED_SS58_PREFIXES.includes(first)) {
    throw new AddressError(
      'bad-prefix',
      input,
      `The address uses the reserved SS58 prefix ${first}; no network uses it.`,
    );
  }
  if (first < 64) return { prefix: first, length: 1 };
  if (first < 128) {
    const second = bytes[1] ?? 0;
    const prefix = ((first & 0b0011_1111) << 2) | (second >> 6) | ((second & 0b0011_1111) << 8);
    return { prefix, length: 2 };
  }
  throw new AddressError(
    'bad-prefix',
    input,
    `The address starts with the reserved SS58 prefix byte ${first}; no network uses it.`,
  );
}

/** Decodes an SS58 account address of any prefix. Throws AddressError with the specific fault. */
export function decodeSs58(input: string): DecodedAddress {
  const bytes = decodeBase58(input);
  const shortest = 1 + ACCOUNT_ID_BYTES + SS58_CHECKSUM_BYTES;
  if (bytes.length !== shortest && bytes.length !== shortest + 1) {
    throw new AddressError(
      'bad-length',
      input,
      `The address decodes to ${bytes.length} bytes; an account address has ${shortest} or ${shortest + 1} ` +
        '(network prefix, 32-byte public key, 2-byte checksum). Check for missing or extra characters.',
    );
  }
  const { prefix, length: prefixLength } = readPrefix(input, bytes);
  const expected = prefixLength + ACCOUNT_ID_BYTES + SS58_CHECKSUM_BYTES;
  if (bytes.length !== expected) {
    throw new AddressError(
      'bad-length',
      input,
      `The address decodes to ${bytes.length} bytes, but its ${prefixLength}-byte network prefix needs ` +
        `${expected}. Check for missing or extra characters.`,
    );
  }
  const body = bytes.subarray(0, prefixLength + ACCOUNT_ID_BYTES);
  const sum = checksum(body);
  const given = bytes.subarray(body.length);
  if (sum[0] !== given[0] || sum[1] !== given[1]) {
    throw new AddressError(
      'bad-checksum',
      input,
      'The address checksum does not match: a character is mistyped or the address was cut and pasted wrongly.',
    );
  }
  return { publicKey: bytes.slice(prefixLength, prefixLength + ACCOUNT_ID_BYTES), prefix };
}
