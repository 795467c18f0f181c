/**
 * Voting call data as replies show it: each vote with its encoded call, its post-conviction votes
 * and how long its funds stay locked if its side wins, from the runtime's `VotingRules`.
 */
import { RELAY_BLOCK_MS } from '../kusama/constants.js';
import { type StandardVote, voteCallData } from '../opengov/vote-call.js';
import type { Conviction, VotingRules } from '../types/voting.js';
import { convictionVotes } from './locks.js';

export interface VoteCallRow {
  aye: boolean;
  conviction: Conviction;
  /** Planck voted with. */
  balance: bigint;
  /** Post-conviction votes, in planck units. */
  votes: bigint;
  /** Lock periods after the referendum ends, if this side wins (0 for no conviction). */
  lockPeriods: number;
  /** The same lock in relay blocks and in milliseconds (relay blocks × 6 s). */
  lockBlocks: number;
  lockMs: number;
  /** `0x…`: the call a wallet signs. */
  callData: string;
}

const isCount = (v: unknown): v is number => typeof v === 'number' && Number.isInteger(v) && v >= 0;
const isByte = (v: unknown): boolean => isCount(v) && v <= 0xff;

/** The stored `voting-rules` entity as `VotingRules`; null when it is missing or not that shape. */
export function votingRulesOf(data: unknown): VotingRules | null {
  if (typeof data !== 'object' || data === null) return null;
  const r = data as Partial<VotingRules>;
  const seven = (a: unknown) => Array.isArray(a) && a.length === 7 && a.every(isCount);
  if (!isCount(r.voteLockingPeriod) || r.voteLockingPeriod === 0 || !isCount(r.specVersion)) return null;
  if (!seven(r.lockPeriods) || !seven(r.voteTenths)) return null;
  if (typeof r.voteCall !== 'object' || r.voteCall === null) return null;
  if (!isByte(r.voteCall.pallet) || !isByte(r.voteCall.call)) return null;
  return r as VotingRules;
}

/** One row per vote, in the order given. Throws a VoteCallError for a vote the chain would refuse. */
export function voteCallRows(rules: VotingRules, votes: readonly StandardVote[]): VoteCallRow[] {
  return votes.map((vote) => {
    const lockPeriods = rules.lockPeriods[vote.conviction] ?? 0;
    const lockBlocks = lockPeriods * rules.voteLockingPeriod;
    return {
      aye: vote.aye,
      conviction: vote.conviction,
      balance: vote.balance,
      votes: convictionVotes(vote.balance, vote.conviction, rules),
      lockPeriods,
      lockBlocks,
      lockMs: lockBlocks * RELAY_BLOCK_MS,
      callData: voteCallData(rules.voteCall, vote),
    };
  });
}
