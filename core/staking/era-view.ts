/** `/era`: where the active era stands and the network's staking figures. */
import { type ApyEstimate, networkApy } from './apy.js';
import type { EraTiming, ViewContext } from './context.js';
import { type EraProgress, eraProgress } from './era-timing.js';
import type { EraSlice } from './slice-types.js';

export interface EraView {
  activeEra: number;
  /** The planned era (usually active + 1 on Kusama). */
  currentEra: number | null;
  progress: EraProgress;
  timing: EraTiming;
  totalStake: bigint;
  validatorCount: number;
  candidateCount: number;
  waitingCount: number;
  nominatorCount: number;
  poolCount: number;
  poolMemberCount: number;
  minNominatorBond: bigint;
  minimumActiveStake: bigint;
  pointsThisEra: number;
  lastPaid: { era: number; validatorReward: bigint } | null;
  offenceQueueEarliestEra: number | null;
  apy: ApyEstimate;
}

export function eraView(slice: EraSlice, ctx: ViewContext): EraView {
  const active = ctx.eraByIndex.get(ctx.activeEra.index);
  const paid = ctx.eras.filter((e) => e.validatorReward !== null && e.era <= ctx.activeEra.index).at(-1);
  return {
    activeEra: ctx.activeEra.index,
    currentEra: ctx.currentEra,
    progress: eraProgress(ctx),
    timing: ctx.timing,
    totalStake: active?.totalStake ?? 0n,
    validatorCount: slice.electedCount,
    candidateCount: slice.candidateCount,
    waitingCount: slice.waitingCount,
    nominatorCount: slice.nominatorCount,
    poolCount: slice.poolCount,
    poolMemberCount: slice.poolMemberCount,
    minNominatorBond: ctx.minNominatorBond,
    minimumActiveStake: ctx.minimumActiveStake,
    pointsThisEra: active?.totalPoints ?? 0,
    lastPaid:
      paid && paid.validatorReward !== null ? { era: paid.era, validatorReward: paid.validatorReward } : null,
    offenceQueueEarliestEra: ctx.offenceQueueEarliestEra,
    apy: networkApy(ctx),
  };
}
