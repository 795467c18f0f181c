/**
 * Kept eras in the process and, for cold starts, as compressed blobs in the store. A warm Lambda
 * hits memory; a cold one reads the blobs instead of the chain. Blobs are keyed by the chain's
 * genesis hash and the era (`era-archive/<genesis hash>/<era>`).
 */
import { gunzipSync, gzipSync } from 'node:zlib';
import type { BlobStore } from '../../../core/ports/snapshot-store.js';
import type { ChainEraArchive, EraArchive, KeptEra } from './era-archive.js';

const PREFIX = 'era-archive/';
const BIGINT = /^-?\d+n$/;
const GENESIS = /^0x[0-9a-f]{64}$/;

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
  private readonly memory = new Map<string, Map<number, KeptEra>>();
  /** Per chain, the window start this process last pruned the stored blobs before. */
  private readonly pruned = new Map<string, number>();
  blobReads = 0;
  blobWrites = 0;

  constructor(
    private readonly blobs: BlobStore,
    private readonly log: (message: string) => void = () => undefined,
  ) {}

  forChain(genesisHash: string): ChainEraArchive {
    const genesis = genesisHash.toLowerCase();
    if (!GENESIS.test(genesis)) throw new Error(`era archive: "${genesisHash}" is not a genesis hash`);
    let memory = this.memory.get(genesis);
    if (!memory) {
      memory = new Map();
      this.memory.set(genesis, memory);
    }
    return new ChainBlobs(this, this.blobs, this.log, `${PREFIX}${genesis}/`, memory, this.pruned, genesis);
  }
}

class ChainBlobs implements ChainEraArchive {
  constructor(
    private readonly counts: { blobReads: number; blobWrites: number },
    private readonly blobs: BlobStore,
    private readonly log: (message: string) => void,
    private readonly prefix: string,
    private readonly memory: Map<number, KeptEra>,
    private readonly pruned: Map<string, number>,
    private readonly genesis: string,
  ) {}

  async get(era: number): Promise<KeptEra | undefined> {
    const hit = this.memory.get(era);
    if (hit) return hit;
    try {
      const bytes = await this.blobs.getBlob(`${this.prefix}${era}`);
      if (!bytes) return undefined;
      this.counts.blobReads++;
      const kept = decodeKeptEra(bytes);
      if (kept.era !== era) throw new Error(`the blob holds era ${kept.era}`);
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
      await this.blobs.putBlob(`${this.prefix}${kept.era}`, encodeKeptEra(kept));
      this.counts.blobWrites++;
    } catch (error) {
      this.log(`era archive: era ${kept.era} kept in memory only (${(error as Error).message})`);
    }
  }

  /**
   * Drops this chain's eras before `era`, and the blobs written before they were keyed by chain
   * (`era-archive/<era>`): no chain can tell whose they are, so none reads them. The stored blobs
   * are listed only when the window has moved since this process last pruned them (at its first
   * run, and after an era change): listing reads every blob's first part, which a steady run
   * would otherwise pay for every time (about 6,000 read units at Kusama's 84 eras).
   */
  async pruneBefore(era: number): Promise<void> {
    for (const e of this.memory.keys()) if (e < era) this.memory.delete(e);
    if (this.pruned.get(this.genesis) === era) return;
    const keys = await this.blobs.listBlobs(PREFIX).catch(() => [] as string[]);
    for (const key of keys) {
      const rest = key.slice(PREFIX.length);
      const unkeyed = /^\d+$/.test(rest);
      const ours = key.startsWith(this.prefix) && Number(key.slice(this.prefix.length)) < era;
      if (unkeyed || ours) await this.blobs.deleteBlob(key).catch(() => false);
    }
    this.pruned.set(this.genesis, era);
  }
}
