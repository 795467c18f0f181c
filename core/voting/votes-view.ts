/**
 * What `/votes <address>` shows, as data: how the account votes on the ongoing referenda, what it
 * delegates and what is delegated to it, every conviction-voting lock with when it ends, the total
 * locked now, what can be unlocked now and the calls that do it (from `unlockPlan`), and the
 * unbonded stake it can withdraw. Lists are complete here; the wording bounds what it shows.
 */
import type { BlockTime } from '../opengov/time.js';
import type { ReferendumTitle, TrackLabel } from '../reply/reply-types.js';
import type { Address } from '../types/staking.js';
import type { AccountVote, Conviction, VoterRecord } from '../types/voting.js';
import { type UnlockCall, unlockPlan, type VoteLockState } from './locks.js';
import type { OutcomeLookup } from './outcomes.js';
import {
  type DelegatedRow,
  type DelegatingRow,
  delegatedRows,
  delegatingRow,
  type OngoingVoteRow,
  ongoingRow,
  timeOf,
  trackIds,
  trackOf,
  type VotingContext,
} from './view-rows.js';

/** A vote on a referendum that is no longer ongoing: still locked until a block, or free to remove. */
export interface EndedVoteRow {
  referendum: number;
  title?: ReferendumTitle;
  track: TrackLabel;
  vote: AccountVote;
  amount: bigint;
  lock: { state: 'locked'; until: BlockTime } | Extract<VoteLockState, { state: 'free' }>;
}

/** One track's lock: what holds it now and after the unlock calls, and when its next part ends. */
export interface TrackLockRow {
  track: TrackLabel;
  /** `ClassLocksFor` of the track (0 when it has no entry). */
  lockedNow: bigint;
  /** The track's lock after `removeVote` of its free votes and `unlock`. */
  neededAfter: bigint;
  freesNow: bigint;
  /** Votes on ongoing referenda: how many, and the largest balance among them. */
  ongoing: { count: number; largest: bigint };
  /** Ended votes still locked: how many, and the largest balance among them. */
  lockedVotes: { count: number; largest: bigint };
  /** Ended votes free to remove. */
  freeVotes: number;
  prior: { amount: bigint; until: BlockTime; expired: boolean } | null;
  delegation: { balance: bigint; conviction: Conviction; lockAfterBlocks: number } | null;
  /** The earliest end among its ended votes' locks and its prior lock. */
  nextExpiry: BlockTime | null;
}

export interface StakingWithdrawal {
  /** Unbonded stake withdrawable now with `staking.withdrawUnbonded`. */
  withdrawable: bigint;
  /** Still unbonding. */
  unbonding: bigint;
  /** The pool the account is a member of, with its unbonded pool stake withdrawable now. */
  pool: { poolId: number; withdrawable: bigint } | null;
}

export interface VotesView {
  address: Address;
  /** The relay block (and its time) the locks are judged at: the snapshot's. */
  now: BlockTime;
  ongoing: OngoingVoteRow[];
  delegating: DelegatingRow[];
  delegated: DelegatedRow[];
  ended: EndedVoteRow[];
  locks: TrackLockRow[];
  /** The conviction-voting balance lock now (the largest track lock), after the calls, and the difference. */
  lockedNow: bigint;
  lockedAfter: bigint;
  unlockable: bigint;
  /** The calls that free it, in order. */
  calls: UnlockCall[];
  /** The earliest relay block a lock ends at, over every track. */
  nextExpiry: BlockTime | null;
  staking: StakingWithdrawal | null;
  /** No votes, delegations or locks at all. */
  empty: boolean;
}

function max(a: bigint, b: bigint): bigint {
  return a > b ? a : b;
}

export function votesView(
  address: Address,
  record: VoterRecord,
  outcome: OutcomeLookup,
  ctx: VotingContext,
  staking: StakingWithdrawal | null,
): VotesView {
  const now = ctx.anchor.relayBlock;
  const plan = unlockPlan(address, record, outcome, ctx.rules, now);
  const ongoing: OngoingVoteRow[] = [];
  const ended: EndedVoteRow[] = [];
  const locks: TrackLockRow[] = [];
  let nextExpiry: number | null = null;
  for (const c of plan.classes) {
    const track = trackOf(c.track, ctx.tracks);
    const row: TrackLockRow = {
      track,
      lockedNow: c.lockedNow,
      neededAfter: c.neededAfter,
      freesNow: c.freesNow,
      ongoing: { count: 0, largest: 0n },
      lockedVotes: { count: 0, largest: 0n },
      freeVotes: 0,
      prior: c.prior ? { ...c.prior, until: timeOf(c.prior.until, ctx.anchor) } : null,
      delegation: null,
      nextExpiry: c.nextExpiry === null ? null : timeOf(c.nextExpiry, ctx.anchor),
    };
    if (c.nextExpiry !== null)
      nextExpiry = nextExpiry === null ? c.nextExpiry : Math.min(nextExpiry, c.nextExpiry);
    for (const v of c.votes) {
      const title = ctx.titles.get(v.referendum);
      if (v.lock.state === 'ongoing') {
        ongoing.push(ongoingRow(v.referendum, c.track, v.vote, ctx));
        row.ongoing = { count: row.ongoing.count + 1, largest: max(row.ongoing.largest, v.amount) };
        continue;
      }
      const lock =
        v.lock.state === 'locked'
          ? { state: 'locked' as const, until: timeOf(v.lock.until, ctx.anchor) }
          : v.lock;
      if (lock.state === 'locked')
        row.lockedVotes = {
          count: row.lockedVotes.count + 1,
          largest: max(row.lockedVotes.largest, v.amount),
        };
      else row.freeVotes += 1;
      ended.push({
        referendum: v.referendum,
        ...(title ? { title } : {}),
        track,
        vote: v.vote,
        amount: v.amount,
        lock,
      });
    }
    if (c.delegating) {
      const d = c.delegating;
      row.delegation = {
        balance: d.balance,
        conviction: d.conviction,
        lockAfterBlocks: d.periodsAfter * ctx.rules.voteLockingPeriod,
      };
    }
    locks.push(row);
  }
  ongoing.sort((a, b) => a.referendum - b.referendum || a.track.id - b.track.id);
  const delegating = trackIds(record.classes).flatMap((t) => {
    const voting = record.classes[t]!;
    return voting.type === 'delegating' ? [delegatingRow(t, voting, ctx)] : [];
  });
  const delegated = delegatedRows(record.delegators, record.classes, ctx);
  const empty =
    ongoing.length === 0 &&
    ended.length === 0 &&
    delegating.length === 0 &&
    delegated.length === 0 &&
    locks.every((l) => l.lockedNow === 0n && l.prior === null);
  return {
    address,
    now: timeOf(now, ctx.anchor),
    ongoing,
    delegating,
    delegated,
    ended,
    locks,
    lockedNow: plan.lockedNow,
    lockedAfter: plan.lockedAfter,
    unlockable: plan.unlockable,
    calls: plan.calls,
    nextExpiry: nextExpiry === null ? null : timeOf(nextExpiry, ctx.anchor),
    staking,
    empty,
  };
}
