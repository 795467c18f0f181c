/** Validation of what callers hand the store: entities, meta and summaries, blob keys. */

import type { Entity } from '../../../core/snapshot/entities.js';
import { InvalidInputError, KIND_PATTERN, MAX_ID_BYTES, toCanonicalJson } from '../table/index.js';

export const MAX_META_BYTES = 64 * 1024;

/** What `write()` takes: an iterable or async iterable (of entities, checked one by one). */
export function checkEntitySource(entities: unknown): void {
  const source = entities as Record<symbol, unknown> | null;
  if (
    source === null ||
    typeof source !== 'object' ||
    (typeof source[Symbol.iterator] !== 'function' && typeof source[Symbol.asyncIterator] !== 'function')
  ) {
    throw new InvalidInputError('write() takes an iterable or async iterable of entities');
  }
}

export function checkKind(kind: unknown): string {
  if (typeof kind !== 'string' || !KIND_PATTERN.test(kind)) {
    throw new InvalidInputError(
      `entity kind ${JSON.stringify(kind) ?? String(kind)} is invalid: use 1-63 chars of a-z, 0-9, '_' or '-', starting with a letter`,
    );
  }
  return kind;
}

export function checkId(id: unknown, kind: string): string {
  if (typeof id !== 'string' || id.length === 0) {
    throw new InvalidInputError(`entity id of kind ${kind} must be a non-empty string, got ${describe(id)}`);
  }
  if (Buffer.byteLength(id) > MAX_ID_BYTES) {
    throw new InvalidInputError(`entity id of kind ${kind} is longer than ${MAX_ID_BYTES} bytes`);
  }
  return id;
}

/** Checks an entity's shape and returns its canonical JSON text. */
export function checkEntity(entity: unknown): { kind: string; id: string; text: string } {
  if (typeof entity !== 'object' || entity === null) {
    throw new InvalidInputError(
      `an entity must be an object with kind, id and data, got ${describe(entity)}`,
    );
  }
  const e = entity as Partial<Entity>;
  if (e.kind === undefined) throw new InvalidInputError('entity is missing its kind');
  const kind = checkKind(e.kind);
  if (e.id === undefined) throw new InvalidInputError(`entity of kind ${kind} is missing its id`);
  const id = checkId(e.id, kind);
  if (e.data === undefined) throw new InvalidInputError(`entity ${kind}/${id} is missing its data`);
  return { kind, id, text: toCanonicalJson(e.data, `${kind}/${id}`) };
}

/** Canonical JSON of a run's meta or summary, bounded in size. */
export function checkSmallValue(value: unknown, what: string): string {
  const text = toCanonicalJson(value === undefined ? null : value, what);
  if (Buffer.byteLength(text) > MAX_META_BYTES) {
    throw new InvalidInputError(`${what} is larger than ${MAX_META_BYTES} bytes`);
  }
  return text;
}

export function checkBlobKey(key: unknown): string {
  if (typeof key !== 'string' || key.length === 0) {
    throw new InvalidInputError(`blob key must be a non-empty string, got ${describe(key)}`);
  }
  if (Buffer.byteLength(key) > MAX_ID_BYTES)
    throw new InvalidInputError(`blob key is longer than ${MAX_ID_BYTES} bytes`);
  return key;
}

function describe(value: unknown): string {
  if (value === null) return 'null';
  if (typeof value === 'string') return JSON.stringify(value);
  return typeof value;
}
