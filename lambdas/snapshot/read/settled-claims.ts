/**
 * Claimed pages that can no longer change, kept between reads so a warm container asks the chain
 * only for the rest of `Staking.ClaimedRewards` (at Kusama size most of the window's ~84,000 keys).
 *
 * Why a fully claimed entry is final (staking-async): `ClaimedRewards(era, validator)` is written only
 * by `set_rewards_as_claimed`, which appends one page, and is removed only when `prune_era` clears the
 * whole era as it leaves the history window. `payout_stakers_by_page` refuses a page that is not below
 * `exposure_page_count(era, validator)` (`InvalidPage`) and one already in the list (`AlreadyClaimed`),
 * and a past era's exposure overview is never written again (`upsert_exposure` writes the era being
 * planned). So once the list holds `exposure_page_count` pages, nothing can add to it or remove from
 * it until its era is pruned.
 *
 * What is kept is used only where it is sure to hold: on the same chain (genesis hash), under the same
 * runtime (a runtime upgrade could migrate the item, so everything is dropped), at a block no older
 * than the newest one anything was kept at (an endpoint lagging behind could serve a block from before
 * a claim), for eras still in the window and before the active era (which is not paid yet).
 */
import type { Address, ExposureOverview } from '../../../core/types/staking.js';

/** `Eras::exposure_page_count`: a validator with only its own stake still has one page to pay. */
export function exposurePageCount(overview: Pick<ExposureOverview, 'pageCount' | 'own'>): number {
  return overview.pageCount === 0 && overview.own > 0n ? 1 : overview.pageCount;
}

/** Whether `pages` (the claimed list as stored) claims every page of `overview`'s exposure. */
export function allPagesClaimed(
  overview: Pick<ExposureOverview, 'pageCount' | 'own'>,
  pages: readonly number[],
): boolean {
  const count = exposurePageCount(overview);
  return new Set(pages.filter((p) => p < count)).size >= count;
}

interface ChainClaims {
  specVersion: number;
  /** The newest block anything was kept at. */
  block: number;
  eras: Map<number, Map<Address, number[]>>;
}

/** The settled claims of one chain at one pinned block. */
export interface BlockClaims {
  /** The claimed pages of a settled entry, or undefined when it must be read. */
  get(era: number, validator: Address): number[] | undefined;
  /** Keeps an entry read at this block when every page of the exposure is claimed. */
  offer(era: number, overview: ExposureOverview, pages: readonly number[]): void;
}

export class SettledClaims {
  private readonly chains = new Map<string, ChainClaims>();

  /**
   * What may be used at this block: `firstEra` is the window's first era, `activeEra` the active
   * era (neither it nor later eras are kept).
   */
  at(
    block: { genesisHash: string; specVersion: number; number: number },
    firstEra: number,
    activeEra: number,
  ): BlockClaims {
    let chain = this.chains.get(block.genesisHash);
    if (!chain || chain.specVersion !== block.specVersion) {
      chain = { specVersion: block.specVersion, block: block.number, eras: new Map() };
      this.chains.set(block.genesisHash, chain);
    }
    const kept = chain;
    const usable = block.number >= kept.block;
    if (usable) for (const era of kept.eras.keys()) if (era < firstEra) kept.eras.delete(era);
    return {
      get: (era, validator) => (usable ? kept.eras.get(era)?.get(validator) : undefined),
      offer: (era, overview, pages) => {
        if (era >= activeEra || era < firstEra || !allPagesClaimed(overview, pages)) return;
        let eraClaims = kept.eras.get(era);
        if (!eraClaims) {
          eraClaims = new Map();
          kept.eras.set(era, eraClaims);
        }
        eraClaims.set(overview.validator, [...pages]);
        kept.block = Math.max(kept.block, block.number);
      },
    };
  }

  /** Settled entries kept, over every chain. */
  get size(): number {
    let n = 0;
    for (const chain of this.chains.values()) for (const era of chain.eras.values()) n += era.size;
    return n;
  }
}

/** One per warm container, as the era archive's memory is. */
export const containerSettledClaims = new SettledClaims();
