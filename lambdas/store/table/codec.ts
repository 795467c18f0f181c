/**
 * Value encoding: canonical JSON (sorted keys) with lossless bigints, a content hash, and
 * deflate plus splitting into parts for values that do not fit one DynamoDB item.
 *
 * Strings are tagged so that bigints survive the round trip: a bigint is written as "$n<decimal>"
 * and a string that starts with "$" gets one more "$" in front.
 */
import { createHash } from 'node:crypto';
import { deflateRawSync, inflateRawSync } from 'node:zlib';
import { CorruptDataError, InvalidInputError } from './errors.js';
import { COMPRESS_MIN_BYTES, MAX_PART_BYTES, MAX_VALUE_BYTES } from './schema.js';

const MAX_DEPTH = 128;

export function toCanonicalJson(value: unknown, what = 'value'): string {
  const out: string[] = [];
  writeValue(value, { what, segments: [] }, out, [], 0);
  return out.join('');
}

/**
 * Where in the value the writer is: the segments are spelled out only for an error message
 * (building the path string for every value was a large part of the work on big entities).
 */
interface Path {
  what: string;
  segments: Array<string | number>;
}

function fail(path: Path, reason: string): never {
  let where = path.what;
  for (const segment of path.segments) where += typeof segment === 'number' ? `[${segment}]` : `.${segment}`;
  throw new InvalidInputError(`${where} is not serialisable: ${reason}`);
}

function writeValue(value: unknown, path: Path, out: string[], stack: object[], depth: number): void {
  switch (typeof value) {
    case 'string':
      out.push(JSON.stringify(value.startsWith('$') ? `$${value}` : value));
      return;
    case 'number':
      if (!Number.isFinite(value)) fail(path, `${value} is not a finite number`);
      out.push(JSON.stringify(value));
      return;
    case 'boolean':
      out.push(value ? 'true' : 'false');
      return;
    case 'bigint':
      out.push(`"$n${value.toString()}"`);
      return;
    case 'object':
      if (value === null) {
        out.push('null');
        return;
      }
      writeObject(value, path, out, stack, depth);
      return;
    default:
      fail(path, `a ${typeof value} cannot be stored`);
  }
}

function writeObject(value: object, path: Path, out: string[], stack: object[], depth: number): void {
  if (depth >= MAX_DEPTH) fail(path, `nested deeper than ${MAX_DEPTH} levels`);
  if (stack.includes(value)) fail(path, 'it contains a circular reference');
  stack.push(value);
  if (Array.isArray(value)) {
    out.push('[');
    for (let i = 0; i < value.length; i++) {
      if (i > 0) out.push(',');
      const item: unknown = value[i];
      path.segments.push(i);
      if (item === undefined) fail(path, 'undefined inside an array');
      writeValue(item, path, out, stack, depth + 1);
      path.segments.pop();
    }
    out.push(']');
  } else {
    const proto = Object.getPrototypeOf(value);
    if (proto !== Object.prototype && proto !== null) {
      fail(
        path,
        `only plain objects and arrays can be stored, not ${proto?.constructor?.name ?? 'this object'}`,
      );
    }
    const record = value as Record<string, unknown>;
    const keys = Object.keys(record).sort();
    out.push('{');
    let first = true;
    for (const key of keys) {
      const item = record[key];
      if (item === undefined) continue;
      if (!first) out.push(',');
      first = false;
      out.push(JSON.stringify(key), ':');
      path.segments.push(key);
      writeValue(item, path, out, stack, depth + 1);
      path.segments.pop();
    }
    out.push('}');
  }
  stack.pop();
}

export function fromCanonicalJson(text: string, what: string): unknown {
  try {
    return JSON.parse(text, (_key, value: unknown) => {
      if (typeof value !== 'string' || !value.startsWith('$')) return value;
      if (value.startsWith('$$')) return value.slice(1);
      if (value.startsWith('$n')) return BigInt(value.slice(2));
      throw new Error(`unknown tag in ${JSON.stringify(value.slice(0, 12))}`);
    });
  } catch (error) {
    throw new CorruptDataError(`${what} does not decode: ${(error as Error).message}`, { cause: error });
  }
}

/** A 132-bit content hash of canonical JSON text, base64url. */
export function contentHash(text: string): string {
  return createHash('sha256').update(text).digest('base64url').slice(0, 22);
}

/** A stored payload: inline text when small, otherwise deflated bytes split into parts. */
export type Packed =
  | { kind: 'text'; text: string }
  | { kind: 'bytes'; deflated: boolean; parts: Uint8Array[] };

export function packText(text: string, what: string): Packed {
  const raw = Buffer.from(text, 'utf8');
  if (raw.length <= COMPRESS_MIN_BYTES) return { kind: 'text', text };
  return packBytes(raw, what, true);
}

export function packBytes(bytes: Uint8Array, what: string, alwaysDeflate = false): Packed {
  const deflated = deflateRawSync(bytes);
  const useDeflated = alwaysDeflate || deflated.length < bytes.length;
  const body = useDeflated ? deflated : Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  if (body.length > MAX_VALUE_BYTES) {
    throw new InvalidInputError(
      `${what} is ${body.length} bytes after compression; the limit is ${MAX_VALUE_BYTES}`,
    );
  }
  const parts: Uint8Array[] = [];
  for (let offset = 0; offset < body.length || parts.length === 0; offset += MAX_PART_BYTES) {
    parts.push(body.subarray(offset, offset + MAX_PART_BYTES));
  }
  return { kind: 'bytes', deflated: useDeflated, parts };
}

export function partCount(packed: Packed): number {
  return packed.kind === 'text' ? 1 : packed.parts.length;
}

export function packedSize(packed: Packed): number {
  if (packed.kind === 'text') return Buffer.byteLength(packed.text);
  return packed.parts.reduce((sum, part) => sum + part.length, 0);
}

export function unpackBytes(parts: Uint8Array[], deflated: boolean, what: string): Buffer {
  const body = Buffer.concat(parts);
  if (!deflated) return body;
  try {
    return inflateRawSync(body, { maxOutputLength: 64 * MAX_VALUE_BYTES });
  } catch (error) {
    throw new CorruptDataError(`${what} does not inflate: ${(error as Error).message}`, { cause: error });
  }
}
