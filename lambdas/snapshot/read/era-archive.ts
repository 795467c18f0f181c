/**
 * Past eras never change once they are paid: their exposures, prefs, points, reward and total stake
 * are read once and kept. Only claimed pages are read again each run. Kept eras belong to one chain:
 * an archive is asked for the eras of a chain by its genesis hash, so the eras of another chain (a dev
 * chain seeded differently, a fork) sharing the same storage are never served in their place.
 */
import type { EraHistory } from '../../../core/types/staking.js';

export type KeptEra = Omit<EraHistory, 'claimed'> & { validatorReward: bigint };

/** The kept eras of one chain. */
export interface ChainEraArchive {
  get(era: number): Promise<KeptEra | undefined>;
  put(kept: KeptEra): Promise<void>;
  /** Drops eras older than `era` (out of the history window). */
  pruneBefore(era: number): Promise<void>;
}

export interface EraArchive {
  /** The kept eras of the chain with this genesis hash (`chain_getBlockHash(0)`). */
  forChain(genesisHash: string): ChainEraArchive;
}

/** Kept in the process: a warm Lambda keeps it between scheduled runs. */
export class MemoryEraArchive implements EraArchive {
  private readonly chains = new Map<string, Map<number, KeptEra>>();

  forChain(genesisHash: string): ChainEraArchive {
    let eras = this.chains.get(genesisHash);
    if (!eras) {
      eras = new Map();
      this.chains.set(genesisHash, eras);
    }
    const kept = eras;
    return {
      get: async (era) => kept.get(era),
      put: async (era) => {
        kept.set(era.era, era);
      },
      pruneBefore: async (era) => {
        for (const e of kept.keys()) if (e < era) kept.delete(e);
      },
    };
  }

  /** Kept eras over every chain. */
  get size(): number {
    let n = 0;
    for (const eras of this.chains.values()) n += eras.size;
    return n;
  }
}
