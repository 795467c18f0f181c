/** A pool member's position: points turned into KSM, unbonding, and whether the pool earns this era. */
import type { PoolState } from '../types/staking.js';
import { type ApyEstimate, poolApy } from './apy.js';
import type { ViewContext } from './context.js';
import type { PoolMembershipSlice } from './slice-types.js';
import { type UnlockingSummary, unlockingView } from './unbonding.js';

export interface PoolView {
  poolId: number;
  /** Null when the pool is missing from the snapshot. */
  state: PoolState | null;
  memberPoints: bigint;
  poolPoints: bigint;
  bondedActive: bigint;
  /** memberPoints × bondedActive / poolPoints (rounded down, as the pallet does). */
  value: bigint;
  /** Pool commission, Perbill parts, null when none is set. */
  commission: number | null;
  /** Unbonding points valued 1:1 (exact unless the unbonding pool was slashed). */
  unbonding: UnlockingSummary;
  targetCount: number;
  activeTargetCount: number;
  exposedThisEra: bigint;
  earningThisEra: boolean;
  apy: ApyEstimate;
}

/** points → balance at the pool's current ratio. */
export function poolPointsToBalance(points: bigint, poolPoints: bigint, bondedActive: bigint): bigint {
  if (points <= 0n || poolPoints <= 0n || bondedActive <= 0n) return 0n;
  return (points * bondedActive) / poolPoints;
}

export function poolView(slice: PoolMembershipSlice, ctx: ViewContext): PoolView {
  const { member, pool } = slice;
  const poolPoints = pool?.points ?? 0n;
  return {
    poolId: member.poolId,
    state: pool?.state ?? null,
    memberPoints: member.points,
    poolPoints,
    bondedActive: slice.bondedActive,
    value: poolPointsToBalance(member.points, poolPoints, slice.bondedActive),
    commission: pool?.commission.current?.rate ?? null,
    unbonding: unlockingView(
      member.unbondingEras.map((u) => ({ value: u.points, era: u.era })),
      ctx,
    ),
    targetCount: slice.targetCount,
    activeTargetCount: slice.activeTargetCount,
    exposedThisEra: slice.exposedThisEra,
    earningThisEra: slice.exposedThisEra > 0n && member.points > 0n,
    apy: poolApy(slice, ctx),
  };
}
