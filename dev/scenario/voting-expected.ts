/** The `VoterRecord`s a correct reader reads back from the scenario's voting records. */
import type { Address } from '../../core/types/index.js';
import type {
  AccountVote,
  ClassVoting,
  Conviction,
  VoterRecord,
  VotingRules,
} from '../../core/types/voting.js';
import type { StorageContext } from './storage-context.js';
import type { VoteSpec, VotingRecord } from './types.js';
import { classLocks, convictionVotes, delegationIndex, delegationsIn } from './voting-model.js';

export function accountVote(v: VoteSpec): AccountVote {
  if (v.kind === 'Standard')
    return { type: 'standard', aye: v.aye, conviction: v.conviction as Conviction, balance: v.balance };
  if (v.kind === 'Split') return { type: 'split', aye: v.aye, nay: v.nay };
  return { type: 'splitAbstain', aye: v.aye, nay: v.nay, abstain: v.abstain };
}

function emptyRecord(): VoterRecord {
  return { classes: {}, classLocks: [], delegators: {} };
}

/** Every account with a `VotingFor` or `ClassLocksFor` entry, as a `VoterRecord`. */
export function expectedVoters(records: readonly VotingRecord[]): Record<Address, VoterRecord> {
  const out: Record<Address, VoterRecord> = {};
  const of = (who: Address) => {
    out[who] ??= emptyRecord();
    return out[who]!;
  };
  const index = delegationIndex(records);
  for (const r of records) {
    const delegations = delegationsIn(index, r.who, r.track);
    const prior = r.prior ?? { until: 0, amount: 0n };
    const voting: ClassVoting =
      r.kind === 'Delegating'
        ? {
            type: 'delegating',
            target: r.target,
            conviction: r.conviction as Conviction,
            balance: r.balance,
            delegations,
            prior,
          }
        : {
            type: 'casting',
            votes: r.votes.map((v) => ({ referendum: v.refId, vote: accountVote(v.vote) })),
            delegations,
            prior,
          };
    of(r.who).classes[r.track] = voting;
    if (r.kind === 'Delegating') {
      const target = of(r.target);
      const d = target.delegators[r.track] ?? { count: 0, capital: 0n, votes: 0n };
      target.delegators[r.track] = {
        count: d.count + 1,
        capital: d.capital + r.balance,
        votes: d.votes + convictionVotes(r.balance, r.conviction),
      };
    }
  }
  for (const [who, locks] of Object.entries(classLocks([...records])))
    of(who).classLocks = locks.map(([track, amount]) => ({ track, amount }));
  return out;
}

/**
 * The voting rules a reader must read from either runtime: Kusama's conviction table (None 0.1x and
 * no lock, LockedNx N times for 2^(N-1) periods), ConvictionVoting at pallet index 91 with `vote` 0,
 * `unlock` 3 and `remove_vote` 4, and the runtime's VoteLockingPeriod.
 */
export function kusamaVotingRules(ctx: StorageContext, specVersion: number): VotingRules {
  return {
    voteLockingPeriod: Number(ctx.constant('ConvictionVoting', 'VoteLockingPeriod').toString()),
    lockPeriods: [0, 1, 2, 4, 8, 16, 32],
    voteTenths: [1, 10, 20, 30, 40, 50, 60],
    voteCall: { pallet: 91, call: 0 },
    removeVoteCall: 4,
    unlockCall: 3,
    specVersion,
  };
}
