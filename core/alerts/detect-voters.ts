/**
 * The voters source: each watched address's conviction-voting record (`VoterRecord`) in the new
 * version and in the one diffed against, the records of the accounts it delegates to, the
 * referenda that ended approved or rejected in this version, and what the lock maths needs (the
 * runtime's voting rules and each version's referendum outcomes). Rules read it to tell a delegator
 * its delegate voted, a voter how a referendum it voted on ended, and when funds can be unlocked.
 */
import type { AccountVote, ClassVoting, VoterRecord, VotingRules } from '../types/voting.js';
import type { OutcomeLookup } from '../voting/outcomes.js';
import type { ReferendumChange } from './detect-referenda.js';

/** A referendum that ended approved or rejected between the two versions. */
export interface EndedPoll {
  referendum: number;
  status: 'approved' | 'rejected';
  /** Relay block it ended at. */
  block: number;
}

/** One version's view for the lock maths: its referendum outcomes and its relay block. */
export interface LockView {
  outcome: OutcomeLookup;
  relayBlock: number;
}

/** What every address's input shares. */
export interface VotersContext {
  /** False on a first run: nothing is news then, only standing states. */
  hasBase: boolean;
  /** Ongoing referenda of the new version: id → track and title (null when none is known). */
  ongoing: ReadonlyMap<number, { track: number; title: string | null }>;
  ended: readonly EndedPoll[];
  /** The runtime's voting rules; null when the store has none (then no lock is worded). */
  rules: VotingRules | null;
  /**
   * Each version's referendum outcomes and relay block; null when the new version stores no
   * outcomes (then no unlock alert is raised, never a wrong one). `before` is null on a first run
   * or when the previous version stored none.
   */
  outcomes: { after: LockView; before: LockView | null } | null;
  /** Records of the accounts the watched ones delegate to, in each version. */
  delegates: ReadonlyMap<string, { before: VoterRecord | undefined; after: VoterRecord | undefined }>;
}

export interface VoterInput {
  address: string;
  /** Undefined on a first run or when the previous version stored no record for it. */
  before: VoterRecord | undefined;
  after: VoterRecord;
  context: VotersContext;
}

/** The casting vote of a record on a referendum, with its class. */
export function castVote(
  record: VoterRecord | undefined,
  referendum: number,
): { track: number; vote: AccountVote } | null {
  for (const [track, voting] of Object.entries(record?.classes ?? {}))
    if (voting.type === 'casting') {
      const cast = voting.votes.find((v) => v.referendum === referendum);
      if (cast) return { track: Number(track), vote: cast.vote };
    }
  return null;
}

/** The classes a record delegates, with whom to and what. */
export function delegations(
  record: VoterRecord | undefined,
): Array<{ track: number; voting: Extract<ClassVoting, { type: 'delegating' }> }> {
  return Object.entries(record?.classes ?? {}).flatMap(([track, voting]) =>
    voting.type === 'delegating' ? [{ track: Number(track), voting }] : [],
  );
}

/** The same vote, as a stable short text (ids compare votes with it). */
export function voteKey(vote: AccountVote): string {
  if (vote.type === 'standard') return `${vote.aye ? 'aye' : 'nay'}${vote.conviction}-${vote.balance}`;
  if (vote.type === 'split') return `split-${vote.aye}-${vote.nay}`;
  return `abstain-${vote.aye}-${vote.nay}-${vote.abstain}`;
}

/** Accounts the watched records delegate to that are not among them. */
export function delegateAddresses(records: Iterable<VoterRecord | undefined>): string[] {
  const out = new Set<string>();
  for (const record of records) for (const { voting } of delegations(record)) out.add(voting.target);
  return [...out];
}

/** The referenda the changes show ending approved or rejected (from ongoing, or from nothing). */
export function endedPolls(changes: readonly ReferendumChange[]): EndedPoll[] {
  return changes.flatMap(({ id, before, after }) => {
    const info = after?.info;
    if (!info || (info.status !== 'approved' && info.status !== 'rejected')) return [];
    if (before && before.info.status !== 'ongoing') return [];
    return [{ referendum: id, status: info.status, block: info.block }];
  });
}

/** What the store gives the voters source: the watched records and the shared context. */
export interface VotersData {
  accounts: ReadonlyArray<Omit<VoterInput, 'context'>>;
  context: Omit<VotersContext, 'ended'>;
}

/** The source's inputs: one per watched address with a record in the new version. */
export function voterInputs(data: VotersData, changes: readonly ReferendumChange[]): VoterInput[] {
  const context: VotersContext = { ...data.context, ended: endedPolls(changes) };
  return data.accounts.map((a) => ({ ...a, context }));
}
