/**
 * Past eras never change once they are paid: their exposures, prefs, points, reward and total stake
 * are read once and kept. Only claimed pages are read again each run.
 */
import type { EraHistory } from '../../../core/types/staking.js';

export type KeptEra = Omit<EraHistory, 'claimed'> & { validatorReward: bigint };

export interface EraArchive {
  get(era: number): Promise<KeptEra | undefined>;
  put(kept: KeptEra): Promise<void>;
  /** Drops eras older than `era` (out of the history window). */
  pruneBefore(era: number): Promise<void>;
}

/** Kept in the process: a warm Lambda keeps it between scheduled runs. */
export class MemoryEraArchive implements EraArchive {
  private readonly eras = new Map<number, KeptEra>();

  async get(era: number): Promise<KeptEra | undefined> {
    return this.eras.get(era);
  }

  async put(kept: KeptEra): Promise<void> {
    this.eras.set(kept.era, kept);
  }

  async pruneBefore(era: number): Promise<void> {
    for (const e of this.eras.keys()) if (e < era) this.eras.delete(e);
  }

  get size(): number {
    return this.eras.size;
  }
}
