/**
 * The rows the /votes and /delegate answers are made of, and the lookups they share: a track's
 * label, a referendum's title, a relay block's time. Data only; bots/text words them.
 */
import { KUSAMA_TRACK_NAMES } from '../kusama/track-names.js';
import { type BlockTime, blockTime, type TimeAnchor } from '../opengov/time.js';
import { trackDisplayName } from '../opengov/tracks.js';
import { trackLabel as labelOfTrack } from '../reply/builders.js';
import type { ReferendumTitle, TrackLabel } from '../reply/reply-types.js';
import type { TrackInfo } from '../types/governance.js';
import type { Address } from '../types/staking.js';
import type { AccountVote, ClassVoting, Conviction, Delegations, VotingRules } from '../types/voting.js';
import { convictionVotes, voteBalance } from './locks.js';

/** A vote on an ongoing referendum. */
export interface OngoingVoteRow {
  referendum: number;
  title?: ReferendumTitle;
  track: TrackLabel;
  vote: AccountVote;
  /** The funds it locks (`AccountVote::balance`: split sides summed). */
  amount: bigint;
  /** Post-conviction votes of a standard vote; null for split votes (each side counts 0.1x). */
  votes: bigint | null;
  /** Relay blocks it stays locked after the referendum ends, if its side wins (0: none). */
  lockAfterBlocks: number;
}

/** A track the account delegates. */
export interface DelegatingRow {
  track: TrackLabel;
  target: Address;
  conviction: Conviction;
  balance: bigint;
  votes: bigint;
  /** Relay blocks the balance stays locked after undelegating. */
  lockAfterBlocks: number;
}

/** Who delegates to the account on one track. */
export interface DelegatedRow {
  track: TrackLabel;
  /** Counted from every Delegating record that names the account. */
  count: number;
  capital: bigint;
  votes: bigint;
  /** The chain's own `delegations` on the account's record for the track (null: no record). */
  chain: Delegations | null;
}

/** What a view needs besides the record: the snapshot's tracks, titles, clock and rules. */
export interface VotingContext {
  rules: VotingRules;
  tracks: readonly TrackInfo[];
  /** Titles of referenda the snapshot knows (ongoing and recently ended). */
  titles: ReadonlyMap<number, ReferendumTitle>;
  /** The snapshot's relay block and chain time. */
  anchor: TimeAnchor;
}

export function trackOf(id: number, tracks: readonly TrackInfo[]): TrackLabel {
  const found = tracks.find((t) => t.id === id);
  if (found) return labelOfTrack(found);
  const known = KUSAMA_TRACK_NAMES.find((t) => t.id === id);
  const name = known?.name ?? `track_${id}`;
  return { id, name, displayName: known ? trackDisplayName(name) : `Track ${id}` };
}

export function timeOf(block: number, anchor: TimeAnchor): BlockTime {
  return blockTime(block, anchor);
}

export function ongoingRow(
  referendum: number,
  track: number,
  vote: AccountVote,
  ctx: VotingContext,
): OngoingVoteRow {
  const standard = vote.type === 'standard';
  const periods = standard ? (ctx.rules.lockPeriods[vote.conviction] ?? 0) : 0;
  const title = ctx.titles.get(referendum);
  return {
    referendum,
    ...(title ? { title } : {}),
    track: trackOf(track, ctx.tracks),
    vote,
    amount: voteBalance(vote),
    votes: standard ? convictionVotes(vote.balance, vote.conviction, ctx.rules) : null,
    lockAfterBlocks: periods * ctx.rules.voteLockingPeriod,
  };
}

export function delegatingRow(
  track: number,
  voting: Extract<ClassVoting, { type: 'delegating' }>,
  ctx: VotingContext,
): DelegatingRow {
  return {
    track: trackOf(track, ctx.tracks),
    target: voting.target,
    conviction: voting.conviction,
    balance: voting.balance,
    votes: convictionVotes(voting.balance, voting.conviction, ctx.rules),
    lockAfterBlocks: (ctx.rules.lockPeriods[voting.conviction] ?? 0) * ctx.rules.voteLockingPeriod,
  };
}

/** Tracks others delegate to the account on, ascending. */
export function delegatedRows(
  delegators: Readonly<Record<number, { count: number; capital: bigint; votes: bigint }>>,
  classes: Readonly<Record<number, ClassVoting>>,
  ctx: VotingContext,
): DelegatedRow[] {
  return Object.entries(delegators)
    .map(([t, d]) => [Number(t), d] as const)
    .filter(([, d]) => d.count > 0)
    .sort((a, b) => a[0] - b[0])
    .map(([track, d]) => ({
      track: trackOf(track, ctx.tracks),
      count: d.count,
      capital: d.capital,
      votes: d.votes,
      chain: classes[track]?.delegations ?? null,
    }));
}

/** Ascending numeric keys of a record keyed by track. */
export function trackIds(record: Readonly<Record<number, unknown>>): number[] {
  return Object.keys(record)
    .map(Number)
    .sort((a, b) => a - b);
}
