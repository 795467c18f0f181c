/** The era slice: network-wide figures of the snapshot and of every era in the window. */
import type { Snapshot } from '../types/snapshot.js';
import type { EraHistory } from '../types/staking.js';
import { mergeEraStarts } from './context.js';
import type { EraFigures, EraSlice, EraStart } from './slice-types.js';
import { slashEraRefusingWithdrawals } from './unbonding.js';

export function eraFigures(h: EraHistory): EraFigures {
  let weighted = 0n;
  let points = 0n;
  let plainSum = 0;
  let electedCount = 0;
  for (const validator of Object.keys(h.overviews)) {
    electedCount += 1;
    const commission = h.prefs[validator]?.commission ?? 0;
    const p = BigInt(h.rewardPoints.individual[validator] ?? 0);
    weighted += p * BigInt(Math.round(commission));
    points += p;
    plainSum += commission;
  }
  let weightedCommission = 0;
  if (points > 0n) weightedCommission = Number(weighted / points);
  else if (electedCount > 0) weightedCommission = Math.round(plainSum / electedCount);
  return {
    era: h.era,
    validatorReward: h.validatorReward,
    totalStake: h.totalStake,
    totalPoints: h.rewardPoints.total,
    electedCount,
    weightedCommission,
  };
}

/** `previousStarts`: the era starts of the previous era item; the newest 29 are kept, enough for 28 lengths. */
export function buildEraSlice(snapshot: Snapshot, previousStarts: readonly EraStart[] = []): EraSlice {
  const { staking, pools, anchor } = snapshot;
  const eras = [...staking.history].sort((a, b) => a.era - b.era).map(eraFigures);
  const active = eras.find((e) => e.era === staking.activeEra.index);
  const activeHistory = staking.history.find((h) => h.era === staking.activeEra.index);
  const candidates = Object.keys(staking.validators);
  const elected = activeHistory ? activeHistory.overviews : {};
  const current: EraStart[] =
    staking.activeEra.startMs === null
      ? []
      : [{ era: staking.activeEra.index, startMs: staking.activeEra.startMs }];
  return {
    constants: snapshot.constants,
    anchor: {
      blockNumber: anchor.blockNumber,
      relayBlock: anchor.relayBlock,
      timestampMs: anchor.timestampMs,
      genesisHash: anchor.genesisHash,
    },
    activeEra: staking.activeEra,
    currentEra: staking.currentEra,
    offenceQueueEarliestEra: staking.offenceQueueEarliestEra,
    withdrawalsRefusedBySlashEra: slashEraRefusingWithdrawals(staking.activeEra.index, staking.slashes),
    minNominatorBond: staking.minNominatorBond,
    minimumActiveStake: staking.minimumActiveStake,
    candidateCount: candidates.length,
    electedCount: active?.electedCount ?? 0,
    waitingCount: candidates.filter((v) => elected[v] === undefined).length,
    nominatorCount: Object.keys(staking.nominators).length,
    poolCount: Object.keys(pools.pools).length,
    poolMemberCount: Object.keys(pools.members).length,
    eras,
    eraStarts: mergeEraStarts(previousStarts, current),
  };
}

/**
 * The era starts a new era slice carries over from the stored one: only those of the same chain
 * (a stored slice from before the genesis hash was kept is taken as the same chain).
 */
export function carriedEraStarts(previous: EraSlice | undefined, genesisHash: string): EraStart[] {
  if (!previous) return [];
  const stored = previous.anchor.genesisHash;
  return stored === undefined || stored === genesisHash ? previous.eraStarts : [];
}
