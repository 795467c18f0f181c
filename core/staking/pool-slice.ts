/** The pool part of an account slice: the member's pool, its bonded ledger, targets and era rewards. */
import type { Snapshot } from '../types/snapshot.js';
import type { Address, PoolMember } from '../types/staking.js';
import { exposureReward } from './payout.js';
import { poolRewardAccount } from './pool-account.js';
import { recentEraRewards } from './recent-rewards.js';
import type { PoolEraReward, PoolMembershipSlice } from './slice-types.js';
import type { SnapshotIndex } from './snapshot-index.js';

export type PoolShared = Omit<PoolMembershipSlice, 'member' | 'pool' | 'globalMaxCommission'>;
export type PoolCache = Map<number, PoolShared>;
export type PoolAccounts = Map<Address, { poolId: number; kind: 'bonded' | 'reward' }>;

/** A membership's figures before its pool is known (no pool, or none stored). */
export const NO_POOL: Readonly<PoolShared> = {
  bondedActive: 0n,
  bondedTotal: 0n,
  targetCount: 0,
  activeTargetCount: 0,
  exposedThisEra: 0n,
  eraRewards: [],
};

function poolShared(idx: SnapshotIndex, bonded: Address): PoolShared {
  const { staking } = idx.snapshot;
  const ledger = staking.ledgers[bonded];
  const targets = staking.nominators[bonded]?.targets ?? [];
  const exposures = idx.exposuresOf.get(bonded) ?? [];
  let exposedThisEra = 0n;
  const byEra = new Map<number, bigint>();
  for (const e of exposures) {
    if (e.era === idx.activeEra) exposedThisEra += e.value;
    const h = idx.historyByEra.get(e.era);
    const figures = idx.figures(e.era, e.validator);
    if (!h || h.validatorReward === null || !figures) continue;
    const reward = exposureReward(
      { eraReward: h.validatorReward, totalPoints: h.rewardPoints.total, figures },
      e,
    );
    byEra.set(e.era, (byEra.get(e.era) ?? 0n) + reward);
  }
  const eraRewards: PoolEraReward[] = recentEraRewards(idx, byEra);
  return {
    bondedActive: ledger?.active ?? 0n,
    bondedTotal: ledger?.total ?? 0n,
    targetCount: targets.length,
    activeTargetCount: targets.filter((t) => idx.activeSet.has(t)).length,
    exposedThisEra,
    eraRewards,
  };
}

export function poolAccountsOf(snapshot: Snapshot): PoolAccounts {
  const out: PoolAccounts = new Map();
  for (const pool of Object.values(snapshot.pools.pools)) {
    out.set(pool.bondedAccount, { poolId: pool.id, kind: 'bonded' });
    out.set(poolRewardAccount(pool.id), { poolId: pool.id, kind: 'reward' });
  }
  return out;
}

/** The member's part plus the pool's shared figures, computed once per pool. */
export function poolMembership(
  idx: SnapshotIndex,
  member: PoolMember,
  cache: PoolCache,
): PoolMembershipSlice {
  const pool = idx.snapshot.pools.pools[member.poolId] ?? null;
  let shared = cache.get(member.poolId);
  if (!shared) {
    shared = pool ? poolShared(idx, pool.bondedAccount) : NO_POOL;
    cache.set(member.poolId, shared);
  }
  const globalMaxCommission = idx.snapshot.pools.rules?.globalMaxCommission ?? null;
  return { member, pool, ...shared, globalMaxCommission };
}
