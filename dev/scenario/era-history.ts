/**
 * The 84-era history window. The active era's exposures are the staking model's; older eras come from
 * the same assignment scaled down by each staker's deterministic growth rate (stake compounds), so every
 * era differs while staying coherent: pageTotal = Σ others, total = own + Σ pages, pages hold ≤ 512.
 */

import type {
  Address,
  EraHistory,
  EraRewardPoints,
  ExposureOverview,
  ExposurePage,
  IndividualExposure,
  ValidatorPrefs,
} from '../../core/types/index.js';
import { compareExposures, pageCountFor, sumValues } from './amounts.js';
import { HISTORY_DEPTH_ERAS, MAX_EXPOSURE_PAGE_SIZE } from './chain-constants.js';
import { Rng } from './rng.js';
import type { ActiveExposure } from './staking-model.js';

/** Parts per million of stake added per era, 0..200, fixed per account. */
function growthPpm(seed: number, address: string): bigint {
  let h = 0x811c9dc5 ^ seed;
  for (let i = 0; i < address.length; i++) h = Math.imul(h ^ address.charCodeAt(i), 0x01000193);
  return BigInt((h >>> 0) % 201);
}

function scaled(value: bigint, ppm: bigint, age: number): bigint {
  if (age <= 0 || ppm === 0n) return value;
  return value - (value * ppm * BigInt(age)) / 1_000_000n;
}

export function rewardPoints(
  seed: number,
  era: number,
  elected: Address[],
  fraction: number,
): EraRewardPoints {
  const rng = new Rng(seed, `points/${era}`);
  const individual: Record<Address, number> = {};
  let total = 0;
  for (const v of elected) {
    const blocks = Math.floor(rng.int(2_000, 4_500) * fraction);
    if (blocks === 0) continue;
    individual[v] = blocks * 20;
    total += blocks * 20;
  }
  return { total, individual };
}

/**
 * An era's validator payout: a yearly yield of 13–17% on the era's total stake, spread over the
 * 1,461 eras of a year. Tied to stake, so the APY looks like Kusama's at every scenario size.
 */
export function eraReward(seed: number, era: number, totalStake: bigint): bigint {
  const yieldPpm = new Rng(seed, `reward/${era}`).bigint(130_000n, 170_000n);
  return (totalStake * yieldPpm) / (1_000_000n * 1_461n);
}

/** Share of pages already paid out: old eras are nearly all claimed, the last few much less. */
function claimShare(age: number): number {
  return age >= 12 ? 0.96 : 0.2 + 0.06 * age;
}

export function claimedPages(
  seed: number,
  era: number,
  age: number,
  overviews: Record<Address, ExposureOverview>,
): Record<Address, number[]> {
  const claimed: Record<Address, number[]> = {};
  if (age <= 0) return claimed;
  const rng = new Rng(seed, `claimed/${era}`);
  const share = claimShare(age);
  for (const [v, o] of Object.entries(overviews)) {
    const pages: number[] = [];
    for (let p = 0; p < Math.max(1, o.pageCount); p++) if (rng.chance(share)) pages.push(p);
    if (pages.length > 0) claimed[v] = pages;
  }
  return claimed;
}

/** Overview and sorted, paged exposures of one validator. */
export function pageExposure(
  validator: Address,
  own: bigint,
  others: IndividualExposure[],
): { overview: ExposureOverview; pages: ExposurePage[] } {
  others.sort(compareExposures);
  const pageCount = pageCountFor(others.length);
  const pages: ExposurePage[] = [];
  for (let p = 0; p < pageCount; p++) {
    const chunk = others.slice(p * MAX_EXPOSURE_PAGE_SIZE, (p + 1) * MAX_EXPOSURE_PAGE_SIZE);
    pages.push({ validator, page: p, pageTotal: sumValues(chunk), others: chunk });
  }
  const total = pages.reduce((s, pg) => s + pg.pageTotal, own);
  return { overview: { validator, total, own, nominatorCount: others.length, pageCount }, pages };
}

export interface EraInput {
  seed: number;
  era: number;
  /** Eras between this era and the active state the exposures are derived from (0 = as they are now). */
  age: number;
  exposures: Map<Address, ActiveExposure>;
  prefs: Record<Address, ValidatorPrefs>;
  /** Share of the era's blocks already produced (1 for finished eras). */
  progress: number;
  paid: boolean;
}

export function buildEra(input: EraInput): EraHistory {
  const { seed, era, age } = input;
  const overviews: Record<Address, ExposureOverview> = {};
  const prefs: Record<Address, ValidatorPrefs> = {};
  const pages: ExposurePage[] = [];
  const growth = new Map<Address, bigint>();
  const rate = (a: Address) => {
    let g = growth.get(a);
    if (g === undefined) {
      g = growthPpm(seed, a);
      growth.set(a, g);
    }
    return g;
  };
  let totalStake = 0n;
  const validators = [...input.exposures.keys()].sort();
  validators.forEach((v, i) => {
    const exp = input.exposures.get(v)!;
    const others = exp.others.map((x) => ({ who: x.who, value: scaled(x.value, rate(x.who), age) }));
    const paged = pageExposure(v, scaled(exp.own, rate(v), age), others);
    overviews[v] = paged.overview;
    for (const p of paged.pages) pages.push(p);
    totalStake += paged.overview.total;
    const current = input.prefs[v]!;
    // Some validators changed their commission twenty eras ago.
    const changed = age > 20 && i % 17 === 3;
    prefs[v] = { ...current, commission: changed ? Math.floor(current.commission / 2) : current.commission };
  });
  return {
    era,
    validatorReward: input.paid ? eraReward(seed, era, totalStake) : null,
    totalStake,
    rewardPoints: rewardPoints(seed, era, validators, input.progress),
    prefs,
    overviews,
    pages,
    claimed: claimedPages(seed, era, age, overviews),
  };
}

export function buildHistory(
  seed: number,
  activeEra: number,
  exposures: Map<Address, ActiveExposure>,
  prefs: Record<Address, ValidatorPrefs>,
  activeProgress: number,
  onEra?: (done: number, total: number) => void,
): EraHistory[] {
  const history: EraHistory[] = [];
  for (let k = HISTORY_DEPTH_ERAS - 1; k >= 0; k--) {
    const era = activeEra - k;
    history.push(
      buildEra({ seed, era, age: k, exposures, prefs, progress: k === 0 ? activeProgress : 1, paid: k > 0 }),
    );
    onEra?.(history.length, HISTORY_DEPTH_ERAS);
  }
  return history;
}
