/**
 * The era archive as the snapshot job hands it to the reader, marking every era it keeps or hands
 * back as immutable for the fingerprints: a kept era never changes (the archive keeps an era only
 * once it is over and paid), so its exposures, prefs and points are fingerprinted by identity.
 */
import type { EraArchive, KeptEra } from '../read/era-archive.js';
import type { Fingerprinter } from './fingerprint.js';

function mark(fingerprints: Fingerprinter, kept: KeptEra | undefined): void {
  if (!kept) return;
  for (const part of Object.values(kept))
    if (typeof part === 'object' && part !== null) fingerprints.markImmutable(part);
}

export function markingKeptEras(archive: EraArchive, fingerprints: Fingerprinter): EraArchive {
  return {
    forChain(genesisHash) {
      const chain = archive.forChain(genesisHash);
      return {
        get: async (era) => {
          const kept = await chain.get(era);
          mark(fingerprints, kept);
          return kept;
        },
        put: async (kept) => {
          await chain.put(kept);
          mark(fingerprints, kept);
        },
        pruneBefore: (era) => chain.pruneBefore(era),
      };
    },
  };
}
