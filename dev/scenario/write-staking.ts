/** Staking storage pairs (pallet_staking_async on Kusama Asset Hub) from the expected staking state. */

import type {
  EraHistory,
  EraRewardPoints,
  RewardDestination,
  StakingLedger,
  StakingState,
} from '../../core/types/index.js';
import { compareAccounts } from './accounts.js';
import { BONDING_DURATION_ERAS } from './chain-constants.js';
import { eraIncentiveKeys, eraIncentivePairs } from './incentive-model.js';
import type { StorageContext } from './storage-context.js';
import type { StoragePair } from './types.js';

/** Relay sessions per era on Kusama (6 one-hour sessions); BondedEras records each era's first session. */
export const SESSIONS_PER_ERA = 6;
export const SESSION_OFFSET = 1_200;

export function payeeValue(p: RewardDestination): unknown {
  return p.kind === 'Account' ? { Account: p.account } : p.kind;
}

export function ledgerValue(l: StakingLedger): unknown {
  return { stash: l.stash, total: l.total, active: l.active, unlocking: l.unlocking };
}

export function pointsValue(p: EraRewardPoints): unknown {
  const individual = Object.entries(p.individual).sort((a, b) => compareAccounts(a[0], b[0]));
  return { total: p.total, individual };
}

export function bondedEras(activeEra: number): Array<[number, number]> {
  const out: Array<[number, number]> = [];
  for (let e = Math.max(0, activeEra - BONDING_DURATION_ERAS); e <= activeEra; e++) {
    out.push([e, SESSION_OFFSET + e * SESSIONS_PER_ERA]);
  }
  return out;
}

/** Every storage pair of one history era. */
export function eraPairs(ctx: StorageContext, h: EraHistory, out: StoragePair[]): void {
  const e = h.era;
  if (h.validatorReward !== null)
    out.push(ctx.pair('Staking', 'ErasValidatorReward', [e], h.validatorReward));
  out.push(ctx.pair('Staking', 'ErasTotalStake', [e], h.totalStake));
  out.push(ctx.pair('Staking', 'ErasRewardPoints', [e], pointsValue(h.rewardPoints)));
  for (const [v, prefs] of Object.entries(h.prefs))
    out.push(ctx.pair('Staking', 'ErasValidatorPrefs', [e, v], prefs));
  for (const [v, o] of Object.entries(h.overviews))
    out.push(ctx.pair('Staking', 'ErasStakersOverview', [e, v], o));
  for (const p of h.pages) out.push(ctx.pair('Staking', 'ErasStakersPaged', [e, p.validator, p.page], p));
  for (const [v, pages] of Object.entries(h.claimed))
    out.push(ctx.pair('Staking', 'ClaimedRewards', [e, v], pages));
  eraIncentivePairs(ctx, h, out);
}

/** Storage keys of one history era, for pruning it. */
export function eraKeys(ctx: StorageContext, h: EraHistory): string[] {
  const e = h.era;
  const keys = [
    ctx.key('Staking', 'ErasValidatorReward', e),
    ctx.key('Staking', 'ErasTotalStake', e),
    ctx.key('Staking', 'ErasRewardPoints', e),
  ];
  for (const v of Object.keys(h.prefs)) keys.push(ctx.key('Staking', 'ErasValidatorPrefs', e, v));
  for (const v of Object.keys(h.overviews)) keys.push(ctx.key('Staking', 'ErasStakersOverview', e, v));
  for (const p of h.pages) keys.push(ctx.key('Staking', 'ErasStakersPaged', e, p.validator, p.page));
  for (const v of Object.keys(h.claimed)) keys.push(ctx.key('Staking', 'ClaimedRewards', e, v));
  keys.push(...eraIncentiveKeys(ctx, h));
  return keys;
}

export function eraMarkerPairs(ctx: StorageContext, s: StakingState): StoragePair[] {
  const pairs: StoragePair[] = [
    ctx.pair('Staking', 'ActiveEra', [], { index: s.activeEra.index, start: s.activeEra.startMs }),
    ctx.pair('Staking', 'BondedEras', [], bondedEras(s.activeEra.index)),
  ];
  if (s.currentEra !== null) pairs.push(ctx.pair('Staking', 'CurrentEra', [], s.currentEra));
  return pairs;
}

export interface StakingExtras {
  /** Stash → controller for every bonded account. */
  bonded: Record<string, string>;
  /** Pool stashes: virtual stakers whose funds are delegated. */
  virtualStakers: string[];
  validatorCount: number;
}

export function stakingPairs(
  ctx: StorageContext,
  s: StakingState,
  extras: StakingExtras,
  onEra?: (done: number, total: number) => void,
): StoragePair[] {
  const out: StoragePair[] = [
    ...eraMarkerPairs(ctx, s),
    ctx.pair('Staking', 'ValidatorCount', [], extras.validatorCount),
    ctx.pair('Staking', 'MinNominatorBond', [], s.minNominatorBond),
    ctx.pair('Staking', 'MinimumActiveStake', [], s.minimumActiveStake),
    ctx.pair('Staking', 'CounterForValidators', [], Object.keys(s.validators).length),
    ctx.pair('Staking', 'CounterForNominators', [], Object.keys(s.nominators).length),
    ctx.pair('Staking', 'CounterForVirtualStakers', [], extras.virtualStakers.length),
  ];
  for (const [stash, controller] of Object.entries(extras.bonded)) {
    out.push(ctx.pair('Staking', 'Bonded', [stash], controller));
  }
  for (const l of Object.values(s.ledgers))
    out.push(ctx.pair('Staking', 'Ledger', [l.controller], ledgerValue(l)));
  for (const [stash, p] of Object.entries(s.payees))
    out.push(ctx.pair('Staking', 'Payee', [stash], payeeValue(p)));
  for (const [stash, v] of Object.entries(s.validators))
    out.push(ctx.pair('Staking', 'Validators', [stash], v));
  for (const [stash, n] of Object.entries(s.nominators))
    out.push(ctx.pair('Staking', 'Nominators', [stash], n));
  for (const stash of extras.virtualStakers) out.push(ctx.pair('Staking', 'VirtualStakers', [stash], null));
  s.history.forEach((h, i) => {
    eraPairs(ctx, h, out);
    onEra?.(i + 1, s.history.length);
  });
  return out;
}
