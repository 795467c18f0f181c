/**
 * Kept eras in the process and, for cold starts, as compressed blobs in the store. A warm Lambda
 * hits memory; a cold one reads the blobs instead of the chain.
 */
import { gunzipSync, gzipSync } from 'node:zlib';
import type { BlobStore } from '../../../core/ports/snapshot-store.js';
import type { EraArchive, KeptEra } from './era-archive.js';

const PREFIX = 'era-archive/';
const BIGINT = /^-?\d+n$/;

export function encodeKeptEra(kept: KeptEra): Uint8Array {
  const json = JSON.stringify(kept, (_k, v) => (typeof v === 'bigint' ? `${v}n` : v));
  return gzipSync(json, { level: 6 });
}

export function decodeKeptEra(bytes: Uint8Array): KeptEra {
  return JSON.parse(gunzipSync(bytes).toString('utf8'), (_k, v) =>
    typeof v === 'string' && BIGINT.test(v) ? BigInt(v.slice(0, -1)) : v,
  ) as KeptEra;
}

export class BlobEraArchive implements EraArchive {
  private readonly memory = new Map<number, KeptEra>();
  blobReads = 0;
  blobWrites = 0;

  constructor(
    private readonly blobs: BlobStore,
    private readonly log: (message: string) => void = () => undefined,
  ) {}

  async get(era: number): Promise<KeptEra | undefined> {
    const hit = this.memory.get(era);
    if (hit) return hit;
    try {
      const bytes = await this.blobs.getBlob(`${PREFIX}${era}`);
      if (!bytes) return undefined;
      this.blobReads++;
      const kept = decodeKeptEra(bytes);
      this.memory.set(era, kept);
      return kept;
    } catch (error) {
      // A damaged or unreadable blob only costs a re-read from the chain.
      this.log(
        `era archive: era ${era} could not be loaded (${(error as Error).message}); reading it from the chain`,
      );
      return undefined;
    }
  }

  async put(kept: KeptEra): Promise<void> {
    this.memory.set(kept.era, kept);
    try {
      await this.blobs.putBlob(`${PREFIX}${kept.era}`, encodeKeptEra(kept));
      this.blobWrites++;
    } catch (error) {
      this.log(`era archive: era ${kept.era} kept in memory only (${(error as Error).message})`);
    }
  }

  async pruneBefore(era: number): Promise<void> {
    for (const e of this.memory.keys()) if (e < era) this.memory.delete(e);
    const keys = await this.blobs.listBlobs(PREFIX).catch(() => [] as string[]);
    for (const key of keys) {
      const e = Number(key.slice(PREFIX.length));
      if (Number.isInteger(e) && e < era) await this.blobs.deleteBlob(key).catch(() => false);
    }
  }
}
