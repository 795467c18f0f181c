/**
 * Views of a `VoterRecord`: the per-track voting state alerts read ("has it voted on #N?", "whom
 * does it delegate to?"), and the guard that tells a record from what versions before full voting
 * reads stored under the same entity kind.
 */
import type { AccountVoting, VotingState } from '../types/governance.js';
import type { VoterRecord } from '../types/voting.js';

export const EMPTY_VOTER: VoterRecord = { classes: {}, classLocks: [], delegators: {} };

export function isVoterRecord(data: unknown): data is VoterRecord {
  return (
    typeof data === 'object' &&
    data !== null &&
    'classes' in data &&
    'classLocks' in data &&
    Array.isArray((data as VoterRecord).classLocks)
  );
}

/** The voting state per track: casting with at least one vote, or delegating; other tracks left out. */
export function trackStates(record: VoterRecord): AccountVoting {
  const out: AccountVoting = {};
  for (const [track, voting] of Object.entries(record.classes)) {
    if (voting.type === 'delegating') out[Number(track)] = { type: 'delegating', target: voting.target };
    else if (voting.votes.length > 0)
      out[Number(track)] = { type: 'casting', referenda: voting.votes.map((v) => v.referendum) };
  }
  return out;
}

/** A stored voting entity as track states, whichever shape its version wrote. */
export function storedTrackStates(data: unknown): AccountVoting {
  return isVoterRecord(data) ? trackStates(data) : ((data ?? {}) as AccountVoting);
}

export function stateOn(record: VoterRecord, track: number): VotingState {
  return trackStates(record)[track] ?? { type: 'none' };
}
