/**
 * What decides how staking treats an account at the pinned block: the runtime's staking constants
 * (read/constants.ts) and the last era each stash validated in (read/validator-eras.ts).
 */
import type { StakingConstants } from '../../../core/types/chain-constants.js';
import type { Address } from '../../../core/types/staking.js';
import { readConstants } from './constants.js';
import type { ReadContext } from './context.js';
import type { MetadataCodec } from './metadata-codec.js';
import { readLastValidatorEras } from './validator-eras.js';

export interface StakingRules {
  constants: StakingConstants;
  lastValidatorEra: Record<Address, number>;
}

export async function readStakingRules(ctx: ReadContext, codec: MetadataCodec): Promise<StakingRules> {
  const [constants, lastValidatorEra] = await Promise.all([
    readConstants(ctx, codec),
    readLastValidatorEras(ctx),
  ]);
  return { constants, lastValidatorEra };
}
