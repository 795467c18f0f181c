/**
 * Which entities differ between two committed versions, from their manifests alone: a manifest
 * row holds each entity's content hash, so equal hashes mean equal content. Buckets whose chunk
 * hash is the same in both directories are skipped without being read.
 */
import type { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import type { VersionDiff, VersionDiffer } from '../../../core/ports/version-differ.js';
import {
  CorruptDataError,
  InvalidInputError,
  type ItemKey,
  keyString,
  manifestChunkKey,
  TableIo,
  versionRecordKey,
  WriteTally,
} from '../table/index.js';
import {
  decodeChunk,
  directoryOfRecord,
  type Manifest,
  type ManifestDirectory,
  splitMapKey,
} from './manifest.js';
import { readValue } from './value-items.js';

export interface VersionDifferOptions {
  client: DynamoDBClient;
  tableName: string;
}

async function directoryOf(io: TableIo, version: number, tally: WriteTally): Promise<ManifestDirectory> {
  const record = await io.get(versionRecordKey(version), true, tally);
  if (!record) throw new InvalidInputError(`version ${version} has no record (never committed, or expired)`);
  return directoryOfRecord(record, `version ${version}`);
}

async function readChunks(io: TableIo, keys: ItemKey[], tally: WriteTally): Promise<Manifest> {
  const manifest: Manifest = new Map();
  const heads = await io.batchGet(keys, true, tally);
  for (const key of keys) {
    const head = heads.get(keyString(key));
    if (!head) throw new CorruptDataError(`manifest chunk ${key.sk} is missing`);
    const bytes = await readValue(io, head, key.sk, true, `manifest chunk ${key.sk}`, tally);
    decodeChunk(bytes.toString('utf8'), manifest, `manifest chunk ${key.sk}`);
  }
  return manifest;
}

export function createVersionDiffer(options: VersionDifferOptions): VersionDiffer {
  if (!options?.client || typeof options.tableName !== 'string' || options.tableName.length < 3)
    throw new InvalidInputError('createVersionDiffer needs a DynamoDBClient and a table name');
  const doc = DynamoDBDocumentClient.from(options.client, {
    marshallOptions: { removeUndefinedValues: true, convertEmptyValues: false },
  });
  const io = new TableIo(doc, options.tableName);
  return {
    async diff(from, to, kinds) {
      for (const v of [from, to])
        if (!Number.isSafeInteger(v) || v < 1) throw new InvalidInputError(`not a version number: ${v}`);
      const tally = new WriteTally();
      const [a, b] = await Promise.all([directoryOf(io, from, tally), directoryOf(io, to, tally)]);
      const sameLayout = a.buckets === b.buckets;
      const keysA: ItemKey[] = [];
      const keysB: ItemKey[] = [];
      b.chunks.forEach((ref, bucket) => {
        const old = a.chunks[bucket];
        if (sameLayout && old && old.hash === ref.hash) return;
        keysB.push(manifestChunkKey(ref.version, bucket));
        if (sameLayout && old) keysA.push(manifestChunkKey(old.version, bucket));
      });
      if (!sameLayout)
        a.chunks.forEach((ref, bucket) => {
          keysA.push(manifestChunkKey(ref.version, bucket));
        });
      const [before, after] = await Promise.all([readChunks(io, keysA, tally), readChunks(io, keysB, tally)]);
      const wanted = kinds ? new Set(kinds) : null;
      const pick = (key: string) => {
        const ref = splitMapKey(key);
        return wanted === null || wanted.has(ref.kind) ? ref : null;
      };
      const diff: VersionDiff = {
        from,
        to,
        added: [],
        changed: [],
        removed: [],
        chunksRead: keysA.length + keysB.length,
      };
      for (const [key, entry] of after) {
        const ref = pick(key);
        if (!ref) continue;
        const old = before.get(key);
        if (!old) diff.added.push(ref);
        else if (old.hash !== entry.hash) diff.changed.push(ref);
      }
      for (const key of before.keys()) {
        const ref = after.has(key) ? null : pick(key);
        if (ref) diff.removed.push(ref);
      }
      return diff;
    },
  };
}
