/** Entity counts per scenario size. `kusama` mirrors the live network's order of magnitude. */
import { ScenarioError } from './errors.js';
import type { ScenarioSize } from './types.js';

export interface ScenarioProfile {
  electedValidators: number;
  waitingValidators: number;
  chilledValidators: number;
  /** Exposure counts of the few heavily nominated validators (over 512 means several pages). */
  popularExposures: number[];
  nominators: number;
  pools: number;
  poolMembers: number;
  referenda: number;
  ongoingReferenda: number;
  /** Live `Treasury.Spends` entries (the named cases among them). */
  treasurySpends: number;
  /** Active legacy bounties besides the one of each status. */
  extraActiveBounties: number;
  /** The first voters: one account per track with votes on ongoing referenda (and one delegation). */
  voters: number;
  /** The voting crowd around the named voter cases (voting-crowd.ts). */
  crowdVoters: number;
  delegates: number;
  bigDelegates: number;
  delegators: number;
}

const PROFILES: Record<ScenarioSize, ScenarioProfile> = {
  small: {
    electedValidators: 12,
    waitingValidators: 4,
    chilledValidators: 1,
    popularExposures: [530],
    nominators: 600,
    pools: 4,
    poolMembers: 40,
    referenda: 40,
    ongoingReferenda: 16,
    treasurySpends: 12,
    extraActiveBounties: 0,
    voters: 8,
    crowdVoters: 12,
    delegates: 3,
    bigDelegates: 1,
    delegators: 8,
  },
  kusama: {
    electedValidators: 1_000,
    waitingValidators: 60,
    chilledValidators: 5,
    popularExposures: [560, 700, 900, 1_100, 1_300],
    nominators: 12_500,
    pools: 250,
    poolMembers: 5_000,
    referenda: 600,
    ongoingReferenda: 40,
    treasurySpends: 40,
    extraActiveBounties: 6,
    voters: 60,
    crowdVoters: 2_550,
    delegates: 40,
    bigDelegates: 3,
    delegators: 270,
  },
};

export function profileFor(size: ScenarioSize): ScenarioProfile {
  const profile = (PROFILES as Partial<Record<string, ScenarioProfile>>)[size];
  if (!profile) throw new ScenarioError(`unknown scenario size "${String(size)}" (use "small" or "kusama")`);
  return profile;
}
