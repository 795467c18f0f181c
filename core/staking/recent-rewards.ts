/**
 * Per-era reward estimates kept in slices only for the eras an APY estimate can use: the last
 * DEFAULT_APY_ERAS paid eras of the window. Older eras would only make every stored item larger.
 */
import { DEFAULT_APY_ERAS } from './context.js';
import type { PoolEraReward } from './slice-types.js';
import type { SnapshotIndex } from './snapshot-index.js';

const recentCache = new WeakMap<SnapshotIndex, Set<number>>();

export function recentPaidEraSet(idx: SnapshotIndex, count = DEFAULT_APY_ERAS): Set<number> {
  let set = recentCache.get(idx);
  if (!set) {
    const paid = idx.history
      .filter((h) => h.validatorReward !== null && h.era <= idx.activeEra)
      .map((h) => h.era);
    set = new Set(paid.slice(-count));
    recentCache.set(idx, set);
  }
  return set;
}

/** The estimates of `byEra` that fall in the recent paid eras, oldest first. */
export function recentEraRewards(idx: SnapshotIndex, byEra: ReadonlyMap<number, bigint>): PoolEraReward[] {
  const recent = recentPaidEraSet(idx);
  return [...byEra]
    .filter(([era]) => recent.has(era))
    .sort(([a], [b]) => a - b)
    .map(([era, reward]) => ({ era, reward }));
}
