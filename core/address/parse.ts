/** User-facing address parsing: any SS58 prefix or a 0x account id in, Kusama (prefix 2) form out. */
import { KUSAMA_SS58_PREFIX } from '../kusama/constants.js';
import type { Address } from '../types/staking.js';
import { AddressError } from './errors.js';
import { ACCOUNT_ID_BYTES, decodeSs58, encodeAddress } from './ss58.js';

export interface ParsedAddress {
  /** The account in Kusama form (SS58 prefix 2). */
  address: Address;
  publicKey: Uint8Array;
  /** Prefix the input was written with, or null for a 0x account id. */
  inputPrefix: number | null;
  /** True when the input was not already a prefix-2 address. */
  converted: boolean;
}

export type AddressResult = ({ ok: true } & ParsedAddress) | { ok: false; error: AddressError };

const HEX_RE = /^0x[0-9a-fA-F]*$/;

function decodeHexAccount(input: string): Uint8Array {
  if (!HEX_RE.test(input)) {
    throw new AddressError('bad-hex', input, 'A 0x account id may only hold the hex digits 0-9 and a-f.');
  }
  const digits = input.length - 2;
  if (digits !== ACCOUNT_ID_BYTES * 2) {
    throw new AddressError(
      'bad-length',
      input,
      `A 0x account id has ${ACCOUNT_ID_BYTES * 2} hex digits; got ${digits}.`,
    );
  }
  const out = new Uint8Array(ACCOUNT_ID_BYTES);
  for (let i = 0; i < ACCOUNT_ID_BYTES; i += 1) {
    out[i] = Number.parseInt(input.slice(2 + i * 2, 4 + i * 2), 16);
  }
  return out;
}

/** Throws AddressError; see parseAddress for the non-throwing form. */
export function decodeAddressInput(raw: string): ParsedAddress {
  const input = typeof raw === 'string' ? raw.trim() : '';
  if (input.length === 0) {
    throw new AddressError('empty', '', 'No address given: paste an SS58 address (any network prefix).');
  }
  if (input.startsWith('0x')) {
    const publicKey = decodeHexAccount(input);
    return {
      address: encodeAddress(publicKey, KUSAMA_SS58_PREFIX),
      publicKey,
      inputPrefix: null,
      converted: true,
    };
  }
  const { publicKey, prefix } = decodeSs58(input);
  return {
    address: encodeAddress(publicKey, KUSAMA_SS58_PREFIX),
    publicKey,
    inputPrefix: prefix,
    converted: prefix !== KUSAMA_SS58_PREFIX,
  };
}

/** Parses any SS58 address (or 0x account id) without throwing. */
export function parseAddress(raw: string): AddressResult {
  try {
    return { ok: true, ...decodeAddressInput(raw) };
  } catch (error) {
    if (error instanceof AddressError) return { ok: false, error };
    throw error;
  }
}

/** The Kusama (prefix 2) form of any valid address; throws AddressError otherwise. */
export function toKusamaAddress(raw: string): Address {
  return decodeAddressInput(raw).address;
}

export function isValidAddress(raw: string): boolean {
  return parseAddress(raw).ok;
}

/** Re-encodes an address for another network (e.g. 0 for Polkadot, 42 for generic Substrate). */
export function reencodeAddress(raw: string, prefix: number): string {
  return encodeAddress(decodeAddressInput(raw).publicKey, prefix);
}

export function publicKeyHex(publicKey: Uint8Array): string {
  let out = '0x';
  for (const byte of publicKey) out += byte.toString(16).padStart(2, '0');
  return out;
}
