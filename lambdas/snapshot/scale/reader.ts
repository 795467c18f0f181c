/**
 * A small, fast SCALE reader for the hot storage types (exposures, ledgers, nominations). Decoding
 * tens of thousands of entries through the generic codec dominates a snapshot; these readers walk
 * the bytes once and intern account ids.
 */
import { encodeAddress } from '@polkadot/util-crypto';
import { KUSAMA_SS58_PREFIX } from '../../../core/kusama/constants.js';
import { DecodeError } from './errors.js';

const accountCache = new Map<string, string>();

/** SS58 (prefix 2) for a 32-byte account id, memoised: the same few thousand accounts recur. */
export function accountFromBytes(bytes: Uint8Array): string {
  const key = Buffer.from(bytes.buffer, bytes.byteOffset, 32).toString('latin1');
  let address = accountCache.get(key);
  if (address === undefined) {
    address = encodeAddress(bytes.slice(0, 32), KUSAMA_SS58_PREFIX);
    accountCache.set(key, address);
  }
  return address;
}

export function hexToBytes(hex: string): Uint8Array {
  return Buffer.from(hex.startsWith('0x') ? hex.slice(2) : hex, 'hex');
}

export class ScaleReader {
  offset = 0;
  private readonly view: DataView;

  constructor(
    readonly bytes: Uint8Array,
    readonly what = 'value',
  ) {
    this.view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  }

  static fromHex(hex: string, what?: string): ScaleReader {
    return new ScaleReader(hexToBytes(hex), what);
  }

  private need(n: number): void {
    if (this.offset + n > this.bytes.length) {
      throw new DecodeError(
        `${this.what}: needs ${n} more bytes at offset ${this.offset} of ${this.bytes.length}`,
      );
    }
  }

  get remaining(): number {
    return this.bytes.length - this.offset;
  }

  u8(): number {
    this.need(1);
    return this.bytes[this.offset++]!;
  }

  bool(): boolean {
    const b = this.u8();
    if (b > 1) throw new DecodeError(`${this.what}: invalid bool byte ${b} at offset ${this.offset - 1}`);
    return b === 1;
  }

  u16(): number {
    this.need(2);
    const v = this.view.getUint16(this.offset, true);
    this.offset += 2;
    return v;
  }

  u32(): number {
    this.need(4);
    const v = this.view.getUint32(this.offset, true);
    this.offset += 4;
    return v;
  }

  u64(): bigint {
    this.need(8);
    const v = this.view.getBigUint64(this.offset, true);
    this.offset += 8;
    return v;
  }

  u128(): bigint {
    this.need(16);
    const lo = this.view.getBigUint64(this.offset, true);
    const hi = this.view.getBigUint64(this.offset + 8, true);
    this.offset += 16;
    return (hi << 64n) | lo;
  }

  /** A compact integer as bigint (balances). */
  compact(): bigint {
    const first = this.u8();
    const mode = first & 3;
    if (mode === 0) return BigInt(first >> 2);
    if (mode === 1) return BigInt((first | (this.u8() << 8)) >> 2);
    if (mode === 2) {
      this.offset -= 1;
      return BigInt(this.u32() >>> 2);
    }
    const len = (first >> 2) + 4;
    this.need(len);
    let v = 0n;
    for (let i = len - 1; i >= 0; i--) v = (v << 8n) | BigInt(this.bytes[this.offset + i]!);
    this.offset += len;
    return v;
  }

  /** A compact integer that must fit a JS number (lengths, counts). */
  compactNumber(): number {
    const v = this.compact();
    if (v > BigInt(Number.MAX_SAFE_INTEGER)) throw new DecodeError(`${this.what}: compact ${v} is too large`);
    return Number(v);
  }

  raw(n: number): Uint8Array {
    this.need(n);
    const out = this.bytes.subarray(this.offset, this.offset + n);
    this.offset += n;
    return out;
  }

  account(): string {
    return accountFromBytes(this.raw(32));
  }

  option<T>(read: (r: ScaleReader) => T): T | null {
    const tag = this.u8();
    if (tag === 0) return null;
    if (tag === 1) return read(this);
    throw new DecodeError(`${this.what}: invalid Option tag ${tag} at offset ${this.offset - 1}`);
  }

  vec<T>(read: (r: ScaleReader) => T): T[] {
    const n = this.compactNumber();
    if (n > this.remaining)
      throw new DecodeError(`${this.what}: vector of ${n} items cannot fit ${this.remaining} bytes`);
    const out: T[] = new Array(n);
    for (let i = 0; i < n; i++) out[i] = read(this);
    return out;
  }

  /** Enum tag with a bound: an unknown variant is a decode error the caller can report. */
  variant(names: readonly string[]): string {
    const tag = this.u8();
    const name = names[tag];
    if (name === undefined) throw new DecodeError(`${this.what}: unknown enum variant ${tag}`);
    return name;
  }

  end(): void {
    if (this.offset !== this.bytes.length) {
      throw new DecodeError(`${this.what}: ${this.bytes.length - this.offset} trailing bytes`);
    }
  }
}
