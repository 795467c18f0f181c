/**
 * The active era's exposures and validator prefs, kept between reads so a warm container reads
 * them once per era instead of every run (at Kusama size about 3 MB: ~1,000 overviews, their pages
 * and prefs); its reward points, which grow through the era, are still read every run.
 *
 * Why they are final once the era is active (staking-async): `ErasStakersOverview`,
 * `ErasStakersPaged` and `ErasValidatorPrefs` are written by the election (`upsert_exposure`,
 * `set_validator_prefs`) for the era being planned, `CurrentEra`, which `plan_new_era` sets to the
 * active era + 1 before the election starts (`maybe_fetch_election_results` asserts it); the era
 * becomes active only once the relay chain reports the validator set that the election's last page
 * sent, so by then every page is written, and afterwards the election writes the next era. They are
 * removed only when `prune_era` clears the era as it leaves the history window.
 *
 * Used only where that holds: on the same chain, under the same runtime, for the same active era,
 * at a block no older than the one they were read at.
 */
import type { KeptEra } from './era-archive.js';

export type EraExposures = Pick<KeptEra, 'prefs' | 'overviews' | 'pages'>;

/** The kept exposures of one chain at one pinned block. */
export interface BlockExposures {
  /** The active era's exposures as read before, or undefined when they must be read. */
  get(activeEra: number): EraExposures | undefined;
  put(activeEra: number, exposures: EraExposures): void;
}

interface Kept {
  specVersion: number;
  block: number;
  era: number;
  exposures: EraExposures;
}

export class ActiveEraExposures {
  private readonly chains = new Map<string, Kept>();

  at(block: { genesisHash: string; specVersion: number; number: number }): BlockExposures {
    return {
      get: (era) => {
        const kept = this.chains.get(block.genesisHash);
        const holds =
          kept !== undefined &&
          kept.specVersion === block.specVersion &&
          kept.era === era &&
          block.number >= kept.block;
        return holds ? kept.exposures : undefined;
      },
      put: (era, exposures) => {
        this.chains.set(block.genesisHash, {
          specVersion: block.specVersion,
          block: block.number,
          era,
          exposures,
        });
      },
    };
  }
}

/** One per warm container. */
export const containerActiveEraExposures = new ActiveEraExposures();
