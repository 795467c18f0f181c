/**
 * nextEra: the active era ends and is paid, the next one starts with the same exposures (nobody
 * changed stake), the oldest era leaves the 84-era window, and time moves one nominal era.
 */
import { RELAY_BLOCK_MS } from '../../core/kusama/constants.js';
import type { Address, EraHistory, ValidatorPrefs } from '../../core/types/index.js';
import { finishChange } from './apply-changes.js';
import { HISTORY_DEPTH_ERAS, NOMINAL_ERA_MS } from './chain-constants.js';
import { eraReward, rewardPoints } from './era-history.js';
import { ScenarioError } from './errors.js';
import { eraIncentive, eraIncentivePairs } from './incentive-model.js';
import { storageContext } from './storage-context.js';
import type { Scenario, ScenarioChange, StorageChange, StoragePair } from './types.js';
import { chainPairs } from './write-chain.js';
import { eraKeys, eraMarkerPairs, eraPairs, pointsValue } from './write-staking.js';

/** Share of the new era already produced when the second run reads it (a few minutes in). */
const NEW_ERA_PROGRESS = 0.02;

export function nextEra(scenario: Scenario): ScenarioChange {
  const ctx = storageContext(scenario.runtime);
  const e = scenario.expected;
  const history = e.staking.history;
  if (history.length === 0) throw new ScenarioError('the scenario has no era history to advance');
  const current = history[history.length - 1]!;
  const active = e.staking.activeEra.index;
  if (current.era !== active)
    throw new ScenarioError(`history ends at era ${current.era}, active era is ${active}`);
  const validators = Object.keys(current.overviews).sort();

  const finished: EraHistory = {
    ...current,
    validatorReward: eraReward(scenario.seed, active, current.totalStake),
    rewardPoints: rewardPoints(scenario.seed, active, validators, 1),
  };
  // The era's incentive pot is set as it ends, where the scenario has one.
  const incentive = e.constants.selfStakeIncentive
    ? eraIncentive(finished, e.constants.selfStakeIncentive)
    : undefined;
  if (incentive) finished.incentive = incentive;
  const prefs: Record<Address, ValidatorPrefs> = {};
  for (const v of validators) prefs[v] = { ...(e.staking.validators[v] ?? current.prefs[v]!) };
  const started: EraHistory = {
    era: active + 1,
    validatorReward: null,
    totalStake: current.totalStake,
    rewardPoints: rewardPoints(scenario.seed, active + 1, validators, NEW_ERA_PROGRESS),
    prefs,
    overviews: { ...current.overviews },
    pages: current.pages.map((p) => ({ ...p, others: p.others.map((o) => ({ ...o })) })),
    claimed: {},
  };
  const dropped = history.length >= HISTORY_DEPTH_ERAS ? history[0]! : null;
  const kept = dropped ? history.slice(1, -1) : history.slice(0, -1);

  const startMs = (e.staking.activeEra.startMs ?? e.anchor.timestampMs) + NOMINAL_ERA_MS;
  const timestampMs = startMs + Math.round(NEW_ERA_PROGRESS * NOMINAL_ERA_MS);
  const relayBlock = e.anchor.relayBlock + Math.round((timestampMs - e.anchor.timestampMs) / RELAY_BLOCK_MS);
  const expected = {
    ...e,
    anchor: { ...e.anchor, relayBlock, timestampMs },
    staking: {
      ...e.staking,
      activeEra: { index: active + 1, startMs },
      currentEra: active + 2,
      history: [...kept, finished, started],
      lastValidatorEra: ctx.has('Staking', 'LastValidatorEra')
        ? { ...e.staking.lastValidatorEra, ...Object.fromEntries(validators.map((v) => [v, active + 1])) }
        : e.staking.lastValidatorEra,
    },
  };

  const writes: StorageChange[] = [];
  if (dropped) for (const k of eraKeys(ctx, dropped)) writes.push([k, null]);
  const pairs: StoragePair[] = [
    ...chainPairs(ctx, expected),
    ...eraMarkerPairs(ctx, expected.staking),
    ctx.pair('Staking', 'ErasValidatorReward', [active], finished.validatorReward),
    ctx.pair('Staking', 'ErasRewardPoints', [active], pointsValue(finished.rewardPoints)),
  ];
  eraPairs(ctx, started, pairs);
  eraIncentivePairs(ctx, finished, pairs);
  if (ctx.has('Staking', 'LastValidatorEra'))
    for (const v of validators) pairs.push(ctx.pair('Staking', 'LastValidatorEra', [v], active + 1));
  writes.push(...pairs);

  const oldest = active + 1 - HISTORY_DEPTH_ERAS + 1;
  const fixtures = {
    ...scenario.fixtures,
    eras: { active: active + 1, current: active + 2, oldest, expiresNext: oldest },
  };
  return finishChange(scenario, { size: scenario.size, seed: scenario.seed, expected, fixtures }, writes);
}
