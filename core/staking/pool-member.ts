/**
 * A pool member's figures from the pool's records, as the pallet computes them: the active stake
 * (`points_to_balance` on the bonded account's active ledger), the pending rewards
 * (`api_pending_rewards`), each unbonding chunk valued in its unbond pool (`total_balance`) and the
 * roles the member holds in its pool.
 */
import type { Address, BondedPool, PoolMember, UnbondPoolRecord } from '../types/staking.js';
import {
  currentRewardCounter,
  effectiveCommission,
  pendingRewards,
  pointsToBalance,
  unbondPoolOf,
} from './pool-math.js';

export type PoolRole = 'depositor' | 'root' | 'nominator' | 'bouncer';

export interface PoolUnbondingChunk {
  /** The era the chunk unlocks in (withdrawable once it is the active era). */
  era: number;
  /** The member's points in the unbond pool. */
  points: bigint;
  /** What they are worth now: points × balance / points of the unbond pool, rounded down. */
  value: bigint;
  /** 'era': its own unbond pool; 'no-era': merged into the era-less pool; 'missing': no sub-pools on chain. */
  source: 'era' | 'no-era' | 'missing';
  /** The unbond pool holds less balance than points: it was slashed. */
  slashed: boolean;
}

export function memberRoles(pool: BondedPool | null, who: Address): PoolRole[] {
  if (!pool) return [];
  const r = pool.roles;
  const out: PoolRole[] = [];
  if (r.depositor === who) out.push('depositor');
  if (r.root === who) out.push('root');
  if (r.nominator === who) out.push('nominator');
  if (r.bouncer === who) out.push('bouncer');
  return out;
}

/** The member's active stake in planck (0 for a pool missing from the snapshot). */
export function memberBonded(member: PoolMember, pool: BondedPool | null, bondedActive: bigint): bigint {
  return pool ? pointsToBalance(bondedActive, pool.points, member.points) : 0n;
}

/**
 * Pending rewards as `api_pending_rewards` returns them; null where the chain's call returns none
 * (no pool or reward pool, a pool without points, a counter that would overflow).
 */
export function memberPendingRewards(
  member: PoolMember,
  pool: BondedPool | null,
  globalMaxCommission: number | null,
): bigint | null {
  const reward = pool?.rewardPool ?? null;
  if (!pool || !reward) return null;
  const commission = effectiveCommission(pool.commission.current?.rate ?? null, globalMaxCommission);
  const now = currentRewardCounter(reward, pool.rewardBalance ?? 0n, pool.points, commission);
  if (!now) return null;
  return pendingRewards(now.counter, member.lastRecordedRewardCounter, member.points);
}

const slashed = (p: UnbondPoolRecord): boolean => p.balance < p.points;

export function memberUnbonding(member: PoolMember, pool: BondedPool | null): PoolUnbondingChunk[] {
  const sub = pool?.subPools ?? null;
  return [...member.unbondingEras]
    .sort((a, b) => a.era - b.era)
    .map(({ era, points }) => {
      const found = unbondPoolOf(sub, era);
      if (!found) return { era, points, value: 0n, source: 'missing', slashed: false };
      return {
        era,
        points,
        value: pointsToBalance(found.pool.balance, found.pool.points, points),
        source: found.merged ? 'no-era' : 'era',
        slashed: slashed(found.pool),
      };
    });
}
