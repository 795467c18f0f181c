/**
 * The staking constants the scenario is shaped by (Kusama's: an 84-era window, 28-era bonding,
 * 512-nominator pages, 6 h eras), and the rules its runtime states, which a correct reader reads back.
 * A runtime whose constants differ from the shape is refused rather than seeded with the wrong one.
 */
import { KUSAMA_STAKING } from '../../core/kusama/constants.js';
import { nominalEraMs } from '../../core/staking/context.js';
import type { StakingConstants } from '../../core/types/chain-constants.js';
import { ScenarioError } from './errors.js';
import type { StorageContext } from './storage-context.js';

export const HISTORY_DEPTH_ERAS = KUSAMA_STAKING.historyDepth;
export const BONDING_DURATION_ERAS = KUSAMA_STAKING.bondingDuration;
export const MAX_EXPOSURE_PAGE_SIZE = KUSAMA_STAKING.maxExposurePageSize;
export const NOMINAL_ERA_MS = nominalEraMs(KUSAMA_STAKING);

function hasConstant(ctx: StorageContext, name: string): boolean {
  const staking = ctx.metadata.asLatest.pallets.find((p) => p.name.toString() === 'Staking');
  return staking?.constants.some((c) => c.name.toString() === name) ?? false;
}

/**
 * The runtime's staking constants; nominators are slashable (AreNominatorsSlashable is not seeded),
 * and no incentive curve is set (the scenario sets its own where the runtime has one).
 */
export function runtimeConstants(ctx: StorageContext): StakingConstants {
  const n = (name: string) => Number(ctx.constant('Staking', name).toString());
  const constants: StakingConstants = {
    historyDepth: n('HistoryDepth'),
    bondingDuration: n('BondingDuration'),
    nominatorFastUnbondDuration: hasConstant(ctx, 'NominatorFastUnbondDuration')
      ? n('NominatorFastUnbondDuration')
      : null,
    nominatorsSlashable: true,
    sessionsPerEra: n('SessionsPerEra'),
    maxExposurePageSize: n('MaxExposurePageSize'),
    selfStakeIncentive: null,
  };
  for (const key of ['historyDepth', 'bondingDuration', 'sessionsPerEra', 'maxExposurePageSize'] as const) {
    if (constants[key] !== KUSAMA_STAKING[key]) {
      throw new ScenarioError(
        `the runtime's ${key} is ${constants[key]}, but the scenario is shaped for ${KUSAMA_STAKING[key]}`,
      );
    }
  }
  return constants;
}
