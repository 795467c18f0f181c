/** Hand-built conviction-voting inputs: Kusama's rules, addresses, and record builders. */

import type {
  AccountVote,
  CastVote,
  ClassVoting,
  Conviction,
  VoterRecord,
  VotingRules,
} from '../../../core/types/voting.js';
import type { ReferendumOutcomes } from '../../../core/voting/outcomes.js';

export const KSM = 10n ** 12n;
export const ksm = (n: number): bigint => BigInt(Math.round(n * 1000)) * (KSM / 1000n);

/** Kusama Asset Hub 2,003,000: 7-day periods, LockedNx = 2^(N-1) periods, N× votes, None 0.1×. */
export const KUSAMA_RULES: VotingRules = {
  voteLockingPeriod: 100_800,
  lockPeriods: [0, 1, 2, 4, 8, 16, 32],
  voteTenths: [1, 10, 20, 30, 40, 50, 60],
  voteCall: { pallet: 91, call: 0 },
  removeVoteCall: 4,
  unlockCall: 3,
  specVersion: 2_003_000,
};

export const PERIOD = KUSAMA_RULES.voteLockingPeriod;

/** Valid Kusama addresses (the well-known dev accounts in Kusama form). */
export const ALICE = 'HNZata7iMYWmk5RvZRTiAsSDhV8366zq2YGb3tLH5Upf74F';
export const BOB = 'FoQJpPyadYccjavVdTWxpxU7rUEaYhfLCPwXgkfD6Zat9QP';
export const CHARLIE = 'Fr4NzY1udSFFLzb2R3qxVQkwz9cZraWkyfH4h3mVVk7BK7P';

export function aye(balance: bigint, conviction: Conviction): AccountVote {
  return { type: 'standard', aye: true, conviction, balance };
}
export function nay(balance: bigint, conviction: Conviction): AccountVote {
  return { type: 'standard', aye: false, conviction, balance };
}

export const noPrior = { until: 0, amount: 0n };
export const noDelegations = { votes: 0n, capital: 0n };

export function casting(
  votes: Array<[number, AccountVote]>,
  prior = noPrior,
  delegations = noDelegations,
): ClassVoting {
  const cast: CastVote[] = votes.map(([referendum, vote]) => ({ referendum, vote }));
  return { type: 'casting', votes: cast, delegations, prior };
}

export function delegating(
  target: string,
  conviction: Conviction,
  balance: bigint,
  prior = noPrior,
): ClassVoting {
  return { type: 'delegating', target, conviction, balance, delegations: noDelegations, prior };
}

export function record(
  classes: Record<number, ClassVoting>,
  classLocks: Array<[number, bigint]>,
  delegators: VoterRecord['delegators'] = {},
): VoterRecord {
  return { classes, classLocks: classLocks.map(([track, amount]) => ({ track, amount })), delegators };
}

export const outcomes = (o: ReferendumOutcomes): ReferendumOutcomes => o;
