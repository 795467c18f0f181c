/** Loading the manifest of the committed version a run builds on. */
import { CorruptDataError } from './errors.js';
import { keyString, manifestChunkKey, versionRecordKey } from './keys.js';
import { decodeChunk, type Manifest, type ManifestDirectory, parseDirectory } from './manifest.js';
import type { TableIo, WriteTally } from './table-io.js';
import { readValue } from './value-items.js';

export interface BaseState {
  directory: ManifestDirectory | undefined;
  manifest: Manifest;
}

export async function loadBase(io: TableIo, base: number | null, tally: WriteTally): Promise<BaseState> {
  const manifest: Manifest = new Map();
  if (base === null) return { directory: undefined, manifest };
  const record = await io.get(versionRecordKey(base), true, tally);
  if (!record) throw new CorruptDataError(`the record of committed version ${base} is missing`);
  const directory = parseDirectory(record.dir, `version ${base}`);
  const keys = directory.chunks.map((ref, bucket) => manifestChunkKey(ref.version, bucket));
  const heads = await io.batchGet(keys, true, tally);
  for (const key of keys) {
    const head = heads.get(keyString(key));
    if (!head) throw new CorruptDataError(`manifest chunk ${key.sk} of version ${base} is missing`);
    const bytes = await readValue(io, head, key.sk, true, `manifest chunk ${key.sk}`, tally);
    decodeChunk(bytes.toString('utf8'), manifest, `manifest chunk ${key.sk}`);
  }
  return { directory, manifest };
}
