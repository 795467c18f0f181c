/**
 * Conviction voting as `pallet_conviction_voting` stores it on Kusama Asset Hub
 * (`ConvictionVoting.VotingFor(account, class)` and `ConvictionVoting.ClassLocksFor(account)`).
 * A class is a referenda track id. Every block number here is a relay-chain block (6 s each).
 */
import type { Address } from './staking.js';

/** Conviction as the pallet numbers it: 0 = None (0.1x, no lock), 1..6 = Locked1x..Locked6x. */
export type Conviction = 0 | 1 | 2 | 3 | 4 | 5 | 6;

/** `AccountVote`: what one account voted on one referendum. */
export type AccountVote =
  | { type: 'standard'; aye: boolean; conviction: Conviction; balance: bigint }
  | { type: 'split'; aye: bigint; nay: bigint }
  | { type: 'splitAbstain'; aye: bigint; nay: bigint; abstain: bigint };

/** Votes and capital delegated to an account on a class, as the chain counts them. */
export interface Delegations {
  /** Post-conviction votes. */
  votes: bigint;
  capital: bigint;
}

/** `PriorLock(until, amount)`: funds locked by past votes or delegations until a relay block. */
export interface PriorLock {
  until: number;
  amount: bigint;
}

export interface CastVote {
  referendum: number;
  vote: AccountVote;
}

/** One `VotingFor(account, class)` value. */
export type ClassVoting =
  | { type: 'casting'; votes: CastVote[]; delegations: Delegations; prior: PriorLock }
  | {
      type: 'delegating';
      target: Address;
      conviction: Conviction;
      balance: bigint;
      delegations: Delegations;
      prior: PriorLock;
    };

/** Who delegates to an account on one class: counted from every `Delegating` record on chain. */
export interface DelegatorsOnClass {
  count: number;
  capital: bigint;
  /** Post-conviction votes, summed from the delegators' own records. */
  votes: bigint;
}

/**
 * Everything conviction voting holds about one account: its `VotingFor` value per class (classes
 * without a value are left out), its `ClassLocksFor` entries in chain order, and who delegates to
 * it per class. A watched address that has never voted has an empty record.
 */
export interface VoterRecord {
  classes: Record<number, ClassVoting>;
  classLocks: Array<{ track: number; amount: bigint }>;
  delegators: Record<number, DelegatorsOnClass>;
}

/**
 * The voting rules of the runtime read, from its metadata: `ConvictionVoting.VoteLockingPeriod`,
 * the lock periods of each conviction (index 0..6; `Conviction` variants `LockedNx` lock for
 * 2^(N-1) periods, `None` for none), and where `convictionVoting.vote` sits in the call enum.
 */
export interface VotingRules {
  /** Relay blocks per lock period (100,800 = 7 days on Kusama). */
  voteLockingPeriod: number;
  /** Lock periods per conviction index. */
  lockPeriods: number[];
  /** Vote multiplier per conviction index, in tenths (None = 1, Locked1x = 10, … Locked6x = 60). */
  voteTenths: number[];
  /** Pallet index of ConvictionVoting and call index of `vote`, for call data. */
  voteCall: { pallet: number; call: number };
  /** Call indices of `remove_vote` and `unlock`, for the unlock assistant's call data. */
  removeVoteCall: number;
  unlockCall: number;
  /** The spec version these indices were read from. */
  specVersion: number;
}
