/**
 * Reading a value decoded through the metadata (its polkadot-js JSON form) by field and variant
 * names, for the fallbacks of hand-decoded items. A name that is not there is a DecodeError.
 */
import { stringCamelCase } from '@polkadot/util';
import { decodeAddress } from '@polkadot/util-crypto';
import { DecodeError } from '../scale/errors.js';
import { accountFromBytes } from '../scale/reader.js';

type Json = Record<string, unknown>;

/** The field the metadata calls `name` (snake_case; JSON keys are camelCase). */
export function field(json: unknown, name: string): unknown {
  const key = stringCamelCase(name);
  if (typeof json !== 'object' || json === null || !(key in json))
    throw new DecodeError(`field ${name} is not in the decoded value`);
  return (json as Json)[key];
}

export function big(x: unknown): bigint {
  if (typeof x === 'bigint') return x;
  if (
    (typeof x === 'number' && Number.isSafeInteger(x)) ||
    (typeof x === 'string' && /^(0x[0-9a-f]+|\d+)$/i.test(x))
  )
    return BigInt(x);
  throw new DecodeError(`${JSON.stringify(x)} is not an integer`);
}

export function num(x: unknown): number {
  const n = big(x);
  if (n > BigInt(Number.MAX_SAFE_INTEGER)) throw new DecodeError(`${n} is too large`);
  return Number(n);
}

export function bool(x: unknown): boolean {
  if (typeof x !== 'boolean') throw new DecodeError(`${JSON.stringify(x)} is not a boolean`);
  return x;
}

/** An account id in any SS58 format (or hex) as Herald's address (SS58 prefix 2). */
export function account(x: unknown): string {
  if (typeof x !== 'string') throw new DecodeError(`${JSON.stringify(x)} is not an account id`);
  const bytes = decodeAddress(x);
  if (bytes.length !== 32) throw new DecodeError(`${x} is not a 32-byte account id`);
  return accountFromBytes(bytes);
}

export function list(x: unknown): unknown[] {
  if (!Array.isArray(x)) throw new DecodeError(`${JSON.stringify(x)} is not a list`);
  return x;
}

/** A BTreeMap's entries (JSON objects keep its key order for integer keys and strings alike). */
export function entries(x: unknown): Array<[string, unknown]> {
  if (typeof x !== 'object' || x === null || Array.isArray(x))
    throw new DecodeError(`${JSON.stringify(x)} is not a map`);
  return Object.entries(x);
}

/** An enum as [variant name as the metadata spells it, its value]; `names` are the known ones. */
export function variantOf(json: unknown, names: readonly string[]): [string, unknown] {
  const [key, body] =
    typeof json === 'string' ? [json, null] : (Object.entries((json ?? {}) as Json)[0] ?? ['', null]);
  const name = names.find((n) => n === key || stringCamelCase(n) === key);
  if (!name) throw new DecodeError(`unknown enum variant ${key}`);
  return [name, body];
}
