/**
 * `Staking.LastValidatorEra` (statemine 2,003,000 on): the last era each stash was elected in. The
 * scenario's validators were last elected in the last window era they have exposures in; the
 * chilled ones long before the window, so they unbond as nominators do.
 */
import type { Address, EraHistory } from '../../core/types/index.js';
import { HISTORY_DEPTH_ERAS } from './chain-constants.js';
import type { StorageContext } from './storage-context.js';
import type { StoragePair } from './types.js';

export function lastValidatorEras(
  ctx: StorageContext,
  history: readonly EraHistory[],
  chilled: readonly Address[],
  activeEra: number,
): Record<Address, number> {
  if (!ctx.has('Staking', 'LastValidatorEra')) return {};
  const out: Record<Address, number> = {};
  chilled.forEach((v, i) => {
    out[v] = activeEra - HISTORY_DEPTH_ERAS - 10 - i;
  });
  for (const h of history) for (const v of Object.keys(h.overviews)) out[v] = h.era;
  return out;
}

export function lastValidatorEraPairs(ctx: StorageContext, eras: Record<Address, number>): StoragePair[] {
  return Object.entries(eras).map(([stash, era]) => ctx.pair('Staking', 'LastValidatorEra', [stash], era));
}
