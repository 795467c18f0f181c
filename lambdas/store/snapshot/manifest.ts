/**
 * The manifest: for every entity of a version, its content hash and the version whose item holds
 * it. It is split into hash buckets; a version rewrites only the buckets whose content changed.
 */
import { deflateRawSync, inflateRawSync } from 'node:zlib';
import { CorruptDataError, contentHash } from '../table/index.js';

export interface ManifestEntry {
  hash: string;
  /** Version that wrote the entity's item. */
  version: number;
  /** Items the value occupies (head plus parts). */
  parts: number;
  /** The items' `exp` (epoch seconds). */
  exp: number;
}

/** Keyed by `${kind}#${id}` (kinds never contain '#'). */
export type Manifest = Map<string, ManifestEntry>;

export interface ChunkRef {
  version: number;
  parts: number;
  hash: string;
  count: number;
  /** The chunk items' `exp`. */
  exp: number;
}

export interface ManifestDirectory {
  buckets: number;
  chunks: ChunkRef[];
}

/**
 * Rows a chunk aims at. A run rewrites each chunk it touches whole, and a typical run touches a
 * few dozen spread over the buckets, so chunks are kept small (~128 rows, a few KB deflated);
 * the directory that lists them is deflated into the version record (`encodeDirectory`).
 */
export const TARGET_CHUNK_ENTRIES = 128;
export const MAX_BUCKETS = 4_096;

export function entityMapKey(kind: string, id: string): string {
  return `${kind}#${id}`;
}

export function splitMapKey(key: string): { kind: string; id: string } {
  const at = key.indexOf('#');
  return { kind: key.slice(0, at), id: key.slice(at + 1) };
}

/**
 * The part of a manifest key its bucket is chosen by: `kind#group` for an id `group.member`, else
 * the whole key. Entities written together share a group (an era's shards: `stake-era#9781.17`),
 * so a run that adds or drops a whole era rewrites one chunk instead of touching every bucket.
 */
export function bucketKeyOf(key: string): string {
  const hash = key.indexOf('#');
  const dot = key.indexOf('.', hash + 1);
  return dot > hash + 1 ? key.slice(0, dot) : key;
}

/** FNV-1a over UTF-16 code units of the key's bucket key; stable across runs and machines. */
export function bucketOf(key: string, buckets: number): number {
  const text = bucketKeyOf(key);
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return (h >>> 0) % buckets;
}

/** Keeps the previous bucket count unless the entity count moved it off by a factor of four. */
export function chooseBuckets(entityCount: number, previous: number | undefined): number {
  let ideal = 1;
  while (ideal < MAX_BUCKETS && ideal * TARGET_CHUNK_ENTRIES < entityCount) ideal *= 2;
  if (previous !== undefined && previous >= ideal / 4 && previous <= ideal * 4) return previous;
  return ideal;
}

/** Canonical text of one bucket: `[kind#id, hash, version, parts, exp]` rows sorted by key. */
export function encodeChunk(entries: Array<[string, ManifestEntry]>): string {
  entries.sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0));
  return JSON.stringify(entries.map(([key, e]) => [key, e.hash, e.version, e.parts, e.exp]));
}

export function chunkHash(text: string): string {
  return contentHash(text);
}

export function decodeChunk(text: string, into: Manifest, what: string): void {
  let rows: unknown;
  try {
    rows = JSON.parse(text);
  } catch (error) {
    throw new CorruptDataError(`${what} is not JSON`, { cause: error });
  }
  if (!Array.isArray(rows)) throw new CorruptDataError(`${what} is not a list`);
  for (const row of rows) {
    if (
      !Array.isArray(row) ||
      typeof row[0] !== 'string' ||
      typeof row[1] !== 'string' ||
      typeof row[2] !== 'number' ||
      typeof row[3] !== 'number' ||
      typeof row[4] !== 'number'
    ) {
      throw new CorruptDataError(`${what} has a malformed entry`);
    }
    into.set(row[0], { hash: row[1], version: row[2], parts: row[3], exp: row[4] });
  }
}

/** The directory as the version record stores it (`dz`): deflated JSON, a few dozen bytes a bucket. */
export function encodeDirectory(directory: ManifestDirectory): Uint8Array {
  return deflateRawSync(Buffer.from(JSON.stringify(directory), 'utf8'));
}

/** The directory of a version record (its deflated `dz`). */
export function directoryOfRecord(record: Record<string, unknown>, what: string): ManifestDirectory {
  if (!(record.dz instanceof Uint8Array)) throw new CorruptDataError(`${what} has no manifest directory`);
  let text: string;
  try {
    text = inflateRawSync(record.dz).toString('utf8');
  } catch (error) {
    throw new CorruptDataError(`${what} has an unreadable manifest directory`, { cause: error });
  }
  return parseDirectory(text, what);
}

export function parseDirectory(text: unknown, what: string): ManifestDirectory {
  try {
    const dir = JSON.parse(String(text)) as ManifestDirectory;
    if (typeof dir.buckets === 'number' && Array.isArray(dir.chunks) && dir.chunks.length === dir.buckets)
      return dir;
  } catch (error) {
    throw new CorruptDataError(`${what} has no readable manifest directory`, { cause: error });
  }
  throw new CorruptDataError(`${what} has a malformed manifest directory`);
}
