/** Storage key arithmetic: prefixes and the parts of `Twox64Concat` / `Blake2_128Concat` map keys. */
import { xxhashAsHex } from '@polkadot/util-crypto';
import { DecodeError } from '../scale/errors.js';
import { accountFromBytes, hexToBytes } from '../scale/reader.js';

const prefixCache = new Map<string, string>();

/** twox128(pallet) ++ twox128(item), as 0x-hex. */
export function storagePrefix(pallet: string, item: string): string {
  const id = `${pallet}.${item}`;
  let prefix = prefixCache.get(id);
  if (prefix === undefined) {
    prefix = xxhashAsHex(pallet, 128) + xxhashAsHex(item, 128).slice(2);
    prefixCache.set(id, prefix);
  }
  return prefix;
}

export type KeyHasher = 'Twox64Concat' | 'Blake2_128Concat' | 'Identity';
export type KeyPart = 'u16' | 'u32' | 'AccountId32' | 'H256';
/** What one hasher hashes: a key part, or a tuple of them (which encodes as their concatenation). */
export type KeyParts = KeyPart | readonly KeyPart[];
/** A map's key as its declaration gives it: one hasher and what it hashes, per hashed part. */
export type KeySpec = ReadonlyArray<readonly [KeyHasher, KeyParts]>;

const HASH_BYTES: Record<KeyHasher, number> = { Twox64Concat: 8, Blake2_128Concat: 16, Identity: 0 };
const PART_BYTES: Record<KeyPart, number> = { u16: 2, u32: 4, AccountId32: 32, H256: 32 };

function readPart(bytes: Uint8Array, offset: number, part: KeyPart): number | string {
  if (part === 'AccountId32') return accountFromBytes(bytes.subarray(offset, offset + 32));
  if (part === 'H256') return `0x${Buffer.from(bytes.subarray(offset, offset + 32)).toString('hex')}`;
  if (part === 'u32')
    return (
      bytes[offset]! | (bytes[offset + 1]! << 8) | (bytes[offset + 2]! << 16) | (bytes[offset + 3]! * 2 ** 24)
    );
  return bytes[offset]! | (bytes[offset + 1]! << 8);
}

/**
 * Reads the plain key parts back out of a full storage key (after the 32-byte prefix), flattening
 * tuples, and checks nothing is left over. Numbers come back as numbers, account ids as SS58
 * prefix 2, hashes as 0x-hex.
 */
export function decodeMapKey(key: string, spec: KeySpec): Array<number | string> {
  const bytes = hexToBytes(key);
  let offset = 32;
  const out: Array<number | string> = [];
  for (const [hasher, parts] of spec) {
    offset += HASH_BYTES[hasher];
    for (const part of typeof parts === 'string' ? [parts] : parts) {
      const size = PART_BYTES[part];
      if (offset + size > bytes.length)
        throw new DecodeError(`storage key ${key.slice(0, 80)}… is too short`);
      out.push(readPart(bytes, offset, part));
      offset += size;
    }
  }
  if (offset !== bytes.length)
    throw new DecodeError(`storage key ${key.slice(0, 80)}… has ${bytes.length - offset} trailing bytes`);
  return out;
}

/** The hex of `twox64(n) ++ n` for a u32, to address one era's slice of a double map. */
export function twox64ConcatU32(n: number): string {
  const le = new Uint8Array(4);
  new DataView(le.buffer).setUint32(0, n, true);
  return xxhashAsHex(le, 64).slice(2) + Buffer.from(le).toString('hex');
}

/** The hex of `twox64(bytes) ++ bytes`, e.g. for an account id key part. */
export function twox64ConcatBytes(bytes: Uint8Array): string {
  return xxhashAsHex(bytes, 64).slice(2) + Buffer.from(bytes).toString('hex');
}
