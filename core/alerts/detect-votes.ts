/**
 * The votes source: the watched addresses' voting state, for "ends in X and <address> has not
 * voted". The voting state comes from
 * `convictionVoting.votingFor(address, track)`: a Casting record lists the referenda voted on; a
 * Delegating record hands the vote to a delegate, whose own record says whether it voted.
 */

import type { AccountVoting, VotingState } from '../types/governance.js';
import type { UpcomingDeadline } from './detect-deadlines.js';

/** The voting state of an account on a track; undefined when it was not read (no alert then). */
export type VotingLookup = (address: string, track: number) => VotingState | undefined;

/**
 * The lookup over stored voting records: an address that was read but has no record on a track
 * has not voted there; an address that was not read is unknown.
 */
export function votingLookup(records: ReadonlyMap<string, AccountVoting>): VotingLookup {
  return (address, track) => {
    const record = records.get(address);
    if (!record) return undefined;
    return record[track] ?? { type: 'none' };
  };
}

/** Addresses the watched ones delegate to, on the given tracks, that were not read with them. */
export function delegatesToRead(
  records: ReadonlyMap<string, AccountVoting>,
  tracks: ReadonlySet<number>,
): string[] {
  const out = new Set<string>();
  for (const record of records.values())
    for (const [track, state] of Object.entries(record))
      if (state.type === 'delegating' && tracks.has(Number(track)) && !records.has(state.target))
        out.add(state.target);
  return [...out];
}

export function voted(state: VotingState | undefined, referendum: number): boolean {
  return state?.type === 'casting' && state.referenda.includes(referendum);
}

/** The end each referendum can come to first: the confirm end when confirming, else the decision end. */
export function firstEnds(deadlines: readonly UpcomingDeadline[]): UpcomingDeadline[] {
  const first = new Map<number, UpcomingDeadline>();
  for (const d of deadlines) {
    const seen = first.get(d.referendum);
    if (!seen || d.end < seen.end) first.set(d.referendum, d);
  }
  return [...first.values()];
}
