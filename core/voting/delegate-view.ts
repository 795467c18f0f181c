/**
 * What `/delegate <address>` shows, as data: the ongoing referenda a delegate has voted on and
 * how (with the delegated votes a standard vote carries, as the chain adds them to the tally), who
 * delegates to it per track (counted from every Delegating record, beside the chain's own
 * `delegations`), and where it delegates itself.
 */
import type { Address } from '../types/staking.js';
import type { VoterRecord } from '../types/voting.js';
import type { OutcomeLookup } from './outcomes.js';
import {
  type DelegatedRow,
  type DelegatingRow,
  delegatedRows,
  delegatingRow,
  type OngoingVoteRow,
  ongoingRow,
  trackIds,
  type VotingContext,
} from './view-rows.js';

export interface DelegateVoteRow extends OngoingVoteRow {
  /** Delegated votes the chain counts with a standard vote (`delegations.votes`); 0 for a split vote. */
  delegatedVotes: bigint;
}

export interface DelegateView {
  address: Address;
  votes: DelegateVoteRow[];
  delegated: DelegatedRow[];
  /** Sums over its tracks (an account delegating several tracks to it counts once per track). */
  totals: { tracks: number; delegations: number; capital: bigint; votes: bigint };
  /** Tracks on which the delegate delegates to someone else (its delegators' votes go on with it). */
  delegating: DelegatingRow[];
  /** Neither votes on ongoing referenda, nor delegators, nor delegations of its own. */
  empty: boolean;
}

export function delegateView(
  address: Address,
  record: VoterRecord,
  outcome: OutcomeLookup,
  ctx: VotingContext,
): DelegateView {
  const votes: DelegateVoteRow[] = [];
  const delegating: DelegatingRow[] = [];
  for (const track of trackIds(record.classes)) {
    const voting = record.classes[track]!;
    if (voting.type === 'delegating') {
      delegating.push(delegatingRow(track, voting, ctx));
      continue;
    }
    for (const { referendum, vote } of voting.votes) {
      if (outcome(referendum).status !== 'ongoing') continue;
      const row = ongoingRow(referendum, track, vote, ctx);
      votes.push({ ...row, delegatedVotes: vote.type === 'standard' ? voting.delegations.votes : 0n });
    }
  }
  votes.sort((a, b) => a.referendum - b.referendum);
  const delegated = delegatedRows(record.delegators, record.classes, ctx);
  const totals = delegated.reduce(
    (t, d) => ({
      tracks: t.tracks + 1,
      delegations: t.delegations + d.count,
      capital: t.capital + d.capital,
      votes: t.votes + d.votes,
    }),
    { tracks: 0, delegations: 0, capital: 0n, votes: 0n },
  );
  return {
    address,
    votes,
    delegated,
    totals,
    delegating,
    empty: votes.length === 0 && delegated.length === 0 && delegating.length === 0,
  };
}
