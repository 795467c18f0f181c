/** A pool member's position: points turned into KSM, pending rewards, unbonding, roles and the pool. */
import type { Address, PoolCommission, PoolState } from '../types/staking.js';
import { type ApyEstimate, poolApy } from './apy.js';
import type { ViewContext } from './context.js';
import { effectiveCommission, pointsToBalance } from './pool-math.js';
import {
  memberBonded,
  memberPendingRewards,
  memberRoles,
  memberUnbonding,
  type PoolRole,
  type PoolUnbondingChunk,
} from './pool-member.js';
import type { PoolMembershipSlice } from './slice-types.js';
import { type UnlockingSummary, unlockingView } from './unbonding.js';

export interface PoolView {
  poolId: number;
  /** The pool's name (sanitised metadata), null when it has none or is missing. */
  name: string | null;
  /** Null when the pool is missing from the snapshot. */
  state: PoolState | null;
  memberPoints: bigint;
  poolPoints: bigint;
  bondedActive: bigint;
  /** The member's active stake: memberPoints × bondedActive / poolPoints, rounded down as the pallet does. */
  value: bigint;
  /** Rewards the member can claim now (`claim_payout`); null when the chain could not compute them. */
  pendingRewards: bigint | null;
  /** `value` plus every unbonding chunk's value: what the member has in the pool. */
  totalBalance: bigint;
  /** The pool's current commission rate, Perbill parts, null when none is set. */
  commission: number | null;
  /** The pool's commission settings, and the rate applied to new rewards (capped at the global maximum). */
  commissionDetail: PoolCommission & { applied: number; globalMax: number | null };
  /** The roles the member holds in its pool. */
  roles: PoolRole[];
  poolRoles: {
    depositor: Address;
    root: Address | null;
    nominator: Address | null;
    bouncer: Address | null;
  } | null;
  /** The member's unbonding chunks valued in their unbond pools, oldest era first. */
  unbondingChunks: PoolUnbondingChunk[];
  /** The same chunks (by value) with when each can be withdrawn. */
  unbonding: UnlockingSummary;
  targetCount: number;
  activeTargetCount: number;
  exposedThisEra: bigint;
  earningThisEra: boolean;
  apy: ApyEstimate;
}

/** points → balance at the pool's current ratio. */
export function poolPointsToBalance(points: bigint, poolPoints: bigint, bondedActive: bigint): bigint {
  return pointsToBalance(bondedActive, poolPoints, points);
}

export function poolView(slice: PoolMembershipSlice, ctx: ViewContext): PoolView {
  const { member, pool } = slice;
  const globalMax = slice.globalMaxCommission ?? null;
  const value = memberBonded(member, pool, slice.bondedActive);
  const chunks = memberUnbonding(member, pool);
  const commission: PoolCommission = pool?.commission ?? {
    current: null,
    max: null,
    changeRate: null,
    throttleFrom: null,
  };
  return {
    poolId: member.poolId,
    name: pool?.name ?? null,
    state: pool?.state ?? null,
    memberPoints: member.points,
    poolPoints: pool?.points ?? 0n,
    bondedActive: slice.bondedActive,
    value,
    pendingRewards: memberPendingRewards(member, pool, globalMax),
    totalBalance: chunks.reduce((s, c) => s + c.value, value),
    commission: commission.current?.rate ?? null,
    commissionDetail: {
      current: commission.current,
      max: commission.max,
      changeRate: commission.changeRate ?? null,
      throttleFrom: commission.throttleFrom ?? null,
      applied: Number(effectiveCommission(commission.current?.rate ?? null, globalMax)),
      globalMax,
    },
    roles: memberRoles(pool, member.who),
    poolRoles: pool?.roles ?? null,
    unbondingChunks: chunks,
    unbonding: unlockingView(
      chunks.map((c) => ({ value: c.value, era: c.era })),
      ctx,
    ),
    targetCount: slice.targetCount,
    activeTargetCount: slice.activeTargetCount,
    exposedThisEra: slice.exposedThisEra,
    earningThisEra: slice.exposedThisEra > 0n && member.points > 0n,
    apy: poolApy(slice, ctx),
  };
}
