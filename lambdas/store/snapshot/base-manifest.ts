/**
 * Loading the manifest of the committed version a run builds on. Its record and chunks carry
 * `exp` like every other item, so after a pause longer than their lifetime they may be gone: a
 * part that can only be missing because it expired is read as empty (everything in it had expired
 * too, so the run writes those entities anew); a part missing before its time is corruption.
 */

import type { StorePointer } from '../../../core/ports/snapshot-reader.js';
import type { TableIo, WriteTally } from '../table/index.js';
import { CorruptDataError, keyString, manifestChunkKey, versionRecordKey } from '../table/index.js';
import type { ExpiryPolicy } from './expiry.js';
import { decodeChunk, directoryOfRecord, type Manifest, type ManifestDirectory } from './manifest.js';
import { readValue } from './value-items.js';

export interface BaseState {
  directory: ManifestDirectory | undefined;
  manifest: Manifest;
  /** Parts of the base that had expired and were read as empty. */
  notes: string[];
}

export interface BaseClock {
  now: number;
  policy: ExpiryPolicy;
  maxRunMs: number;
}

export async function loadBase(
  io: TableIo,
  pointer: StorePointer | undefined,
  clock: BaseClock,
  tally: WriteTally,
): Promise<BaseState> {
  const manifest: Manifest = new Map();
  const empty: BaseState = { directory: undefined, manifest, notes: [] };
  if (!pointer) return empty;
  const base = pointer.version;
  const record = await io.get(versionRecordKey(base), true, tally);
  if (!record) {
    // The record was written at most maxRunMs before the commit, with exp = its run's start + lifetime.
    if (clock.now >= pointer.committedAt + clock.policy.lifetimeMs - clock.maxRunMs) {
      empty.notes.push(`the record of version ${base} had expired; every entity was written anew`);
      return empty;
    }
    throw new CorruptDataError(`the record of committed version ${base} is missing`);
  }
  const directory = directoryOfRecord(record, `version ${base}`);
  const notes: string[] = [];
  const keys = directory.chunks.map((ref, bucket) => manifestChunkKey(ref.version, bucket));
  const heads = await io.batchGet(keys, true, tally);
  for (const [bucket, key] of keys.entries()) {
    const expired = (directory.chunks[bucket]?.exp ?? 0) * 1000 <= clock.now;
    const head = heads.get(keyString(key));
    const what = `manifest chunk ${key.sk}`;
    try {
      if (!head) throw new CorruptDataError(`${what} of version ${base} is missing`);
      const bytes = await readValue(io, head, key.sk, true, what, tally);
      decodeChunk(bytes.toString('utf8'), manifest, what);
    } catch (error) {
      // An expired chunk's head or parts may already be deleted.
      if (!expired || !(error instanceof CorruptDataError)) throw error;
      notes.push(`${what} had expired; its entities were written anew`);
    }
  }
  return { directory, manifest, notes };
}
