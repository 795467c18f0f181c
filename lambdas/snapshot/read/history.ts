/**
 * The history window (Staking.HistoryDepth eras): per era the validator reward, total stake, reward
 * points, prefs, exposure overviews and pages (kept once paid), and the claimed pages (read every run).
 */
import { decodeAddress } from '@polkadot/util-crypto';
import type {
  EraHistory,
  ExposureOverview,
  ExposurePage,
  ValidatorPrefs,
} from '../../../core/types/staking.js';
import type { ItemLayout } from '../guard/item.js';
import { decodeMapKey, storagePrefix, twox64ConcatBytes, twox64ConcatU32 } from '../rpc/keys.js';
import {
  decodeU32Vec,
  decodeU128,
  ERAS_REWARD_POINTS,
  ERAS_STAKERS_OVERVIEW,
  ERAS_STAKERS_PAGED,
  ERAS_VALIDATOR_PREFS,
} from '../scale/staking-codecs.js';
import { ERAS_TOTAL_STAKE, ERAS_VALIDATOR_REWARD } from '../scale/staking-values.js';
import type { BlockExposures, EraExposures } from './active-era-exposures.js';
import { decodeAll, type ReadContext } from './context.js';
import type { ChainEraArchive, KeptEra } from './era-archive.js';
import { readEraIncentive, readIncentiveTotals } from './incentive.js';
import type { BlockClaims } from './settled-claims.js';

const S = (item: string) => storagePrefix('Staking', item);

export interface HistoryStats {
  erasInWindow: number;
  erasReadFromChain: number;
  erasFromArchive: number;
  /** `Staking.ClaimedRewards` entries asked of the chain, and those known settled (`settled-claims.ts`). */
  claimsRead: number;
  claimsSettled: number;
}

async function readEraExposures(ctx: ReadContext, era: number): Promise<EraExposures> {
  const e = twox64ConcatU32(era);
  const [prefsEntries, overviewEntries, pageEntries] = await Promise.all([
    ctx.storage.entries(S('ErasValidatorPrefs') + e),
    ctx.storage.entries(S('ErasStakersOverview') + e),
    ctx.storage.entries(S('ErasStakersPaged') + e),
  ]);
  const decodePrefs = ctx.decoders.decoder(ERAS_VALIDATOR_PREFS);
  const decodeOverview = ctx.decoders.decoder(ERAS_STAKERS_OVERVIEW);
  const decodePage = ctx.decoders.decoder(ERAS_STAKERS_PAGED);
  const prefs = decodeAll<ValidatorPrefs>(ctx, `Staking.ErasValidatorPrefs(${era})`, prefsEntries, (k, v) =>
    decodePrefs(v, decodeMapKey(k, ERAS_VALIDATOR_PREFS.keys)[1] as string),
  );
  const overviews = decodeAll<ExposureOverview>(
    ctx,
    `Staking.ErasStakersOverview(${era})`,
    overviewEntries,
    (k, v) => decodeOverview(v, decodeMapKey(k, ERAS_STAKERS_OVERVIEW.keys)[1] as string),
  );
  const pages = decodeAll<ExposurePage>(ctx, `Staking.ErasStakersPaged(${era})`, pageEntries, (k, v) => {
    const [, validator, page] = decodeMapKey(k, ERAS_STAKERS_PAGED.keys);
    return { validator: validator as string, page: page as number, ...decodePage(v) };
  });
  pages.sort((a, b) => (a.validator < b.validator ? -1 : a.validator > b.validator ? 1 : a.page - b.page));
  return {
    prefs: Object.fromEntries(prefs.map((p) => [p.stash, p])),
    overviews: Object.fromEntries(overviews.map((o) => [o.validator, o])),
    pages,
  };
}

/** An era's maps; `known`: its exposures when already read (only the points are read then). */
async function readEraMaps(
  ctx: ReadContext,
  era: number,
  known?: EraExposures,
): Promise<Omit<KeptEra, 'validatorReward' | 'totalStake'>> {
  const [exposures, pointsHex] = await Promise.all([
    known ?? readEraExposures(ctx, era),
    ctx.storage.value(S('ErasRewardPoints') + twox64ConcatU32(era)),
  ]);
  const decodePoints = ctx.decoders.decoder(ERAS_REWARD_POINTS);
  return {
    era,
    rewardPoints: pointsHex ? decodePoints(pointsHex) : { total: 0, individual: {} },
    prefs: exposures.prefs,
    overviews: exposures.overviews,
    pages: exposures.pages,
  };
}

async function readEraTotals(ctx: ReadContext, { item, keys }: ItemLayout): Promise<Map<number, bigint>> {
  const entries = await ctx.storage.entries(S(item));
  const decoded = decodeAll(ctx, `Staking.${item}`, entries, (k, v) => {
    return [decodeMapKey(k, keys)[0] as number, decodeU128(v, item)] as const;
  });
  return new Map(decoded);
}

const accountKeyCache = new Map<string, string>();
function twox64ConcatAccount(address: string): string {
  let hex = accountKeyCache.get(address);
  if (hex === undefined) {
    hex = twox64ConcatBytes(decodeAddress(address));
    accountKeyCache.set(address, hex);
  }
  return hex;
}

/**
 * Claimed pages per era and validator: the settled ones from `settled`, the rest from the chain. Each
 * era's record lists its validators in the same order either way (the order of its overviews), as
 * a full read gives them.
 */
async function readClaimed(
  ctx: ReadContext,
  eras: ReadonlyArray<Omit<EraHistory, 'claimed'>>,
  settled: BlockClaims,
  stats: HistoryStats,
): Promise<Map<number, Record<string, number[]>>> {
  const keys: string[] = [];
  const owners: Array<[number, string]> = [];
  const found = new Map<string, number[]>();
  const at = (era: number, validator: string) => `${era}/${validator}`;
  for (const h of eras) {
    const e = twox64ConcatU32(h.era);
    for (const validator of Object.keys(h.overviews)) {
      const kept = settled.get(h.era, validator);
      if (kept) {
        stats.claimsSettled++;
        found.set(at(h.era, validator), kept);
        continue;
      }
      keys.push(S('ClaimedRewards') + e + twox64ConcatAccount(validator));
      owners.push([h.era, validator]);
    }
  }
  stats.claimsRead += keys.length;
  const values = await ctx.storage.values(keys);
  const byEra = new Map(eras.map((h) => [h.era, h]));
  const offer = (i: number, pages: number[]) => {
    const [era, validator] = owners[i]!;
    settled.offer(era, byEra.get(era)!.overviews[validator]!, pages);
  };
  const stored: Array<[string, string]> = [];
  values.forEach((hex, i) => {
    // Nothing stored: no page claimed (settled too when the exposure has no page to pay).
    if (hex) stored.push([String(i), hex]);
    else offer(i, []);
  });
  decodeAll(ctx, 'Staking.ClaimedRewards', stored, (i, hex) => {
    const [era, validator] = owners[Number(i)]!;
    const pages = decodeU32Vec(hex, `staking.claimedRewards(${era}, ${validator})`);
    found.set(at(era, validator), pages);
    offer(Number(i), pages);
  });
  const out = new Map<number, Record<string, number[]>>();
  for (const h of eras) {
    const claimed: Record<string, number[]> = {};
    for (const validator of Object.keys(h.overviews)) {
      const pages = found.get(at(h.era, validator));
      if (pages && pages.length > 0) claimed[validator] = pages;
    }
    out.set(h.era, claimed);
  }
  return out;
}

/** What a warm container knows of the chain at the pinned block, so it reads less. */
export interface WarmHistory {
  /** The claims known final (`SettledClaims.at`) given the window's first era. */
  claims(firstEra: number): BlockClaims;
  /** The active era's exposures once read (`ActiveEraExposures.at`). */
  activeExposures: BlockExposures;
}

/** Nothing known: everything is read. */
const COLD: WarmHistory = {
  claims: () => ({ get: () => undefined, offer: () => undefined }),
  activeExposures: { get: () => undefined, put: () => undefined },
};

/**
 * `archive`: the kept eras of the chain being read; `historyDepth`: its Staking.HistoryDepth;
 * `warm`: what is known from earlier reads (nothing when left out).
 */
export async function readHistory(
  ctx: ReadContext,
  activeEra: number,
  archive: ChainEraArchive,
  historyDepth: number,
  warm: WarmHistory = COLD,
): Promise<{ history: EraHistory[]; stats: HistoryStats }> {
  const first = Math.max(0, activeEra - historyDepth + 1);
  const [rewards, totals, incentives] = await Promise.all([
    readEraTotals(ctx, ERAS_VALIDATOR_REWARD),
    readEraTotals(ctx, ERAS_TOTAL_STAKE),
    readIncentiveTotals(ctx),
  ]);
  await archive.pruneBefore(first);
  const stats: HistoryStats = {
    erasInWindow: activeEra - first + 1,
    erasReadFromChain: 0,
    erasFromArchive: 0,
    claimsRead: 0,
    claimsSettled: 0,
  };
  const eras = await Promise.all(
    Array.from({ length: activeEra - first + 1 }, async (_, i): Promise<Omit<EraHistory, 'claimed'>> => {
      const era = first + i;
      // The active era is not final: it is always read from the chain, never from the archive.
      const kept = era < activeEra ? await archive.get(era) : undefined;
      if (kept) {
        stats.erasFromArchive++;
        return kept;
      }
      stats.erasReadFromChain++;
      // The active era's exposures are final once it is active (`active-era-exposures.ts`).
      const known = era === activeEra ? warm.activeExposures.get(era) : undefined;
      const [maps, incentive] = await Promise.all([
        readEraMaps(ctx, era, known),
        readEraIncentive(ctx, era, incentives),
      ]);
      if (era === activeEra && !known) warm.activeExposures.put(era, maps);
      const validatorReward = rewards.get(era) ?? null;
      const totalStake = totals.get(era) ?? 0n;
      // An era is final once it is over and paid; only then is it kept.
      if (era < activeEra && validatorReward !== null)
        await archive.put({ ...maps, validatorReward, totalStake, ...incentive });
      return { ...maps, validatorReward, totalStake, ...incentive };
    }),
  );
  const claimed = await readClaimed(ctx, eras, warm.claims(first), stats);
  return { history: eras.map((h) => ({ ...h, claimed: claimed.get(h.era) ?? {} })), stats };
}
