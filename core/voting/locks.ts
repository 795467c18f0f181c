/**
 * The unlock assistant's maths: what each conviction-voting lock of an account holds, until when,
 * and what `removeVote` and `unlock` would free at a given relay block. It follows
 * pallet_conviction_voting: `try_remove_vote` turns a vote on a completed poll into a prior lock
 * until `end + VoteLockingPeriod × lock_periods` when the vote was standard, had conviction and was
 * on the winning side, and drops it otherwise; `update_lock` (the `unlock` call) clears an expired
 * prior lock (`rejig`) and sets the class lock to the largest of the remaining votes' balances and
 * the prior lock (the delegated balance when delegating); the account's balance lock is the largest
 * class lock.
 */
import type { AccountVote, ClassVoting, Conviction, VoterRecord, VotingRules } from '../types/voting.js';
import type { OutcomeLookup } from './outcomes.js';

/** The funds a vote locks: `AccountVote::balance` (split sides summed). */
export function voteBalance(vote: AccountVote): bigint {
  if (vote.type === 'standard') return vote.balance;
  return vote.aye + vote.nay + (vote.type === 'splitAbstain' ? vote.abstain : 0n);
}

/** Post-conviction votes of a balance: None counts a tenth, LockedNx N times. */
export function convictionVotes(balance: bigint, conviction: Conviction, rules: VotingRules): bigint {
  return (balance * BigInt(rules.voteTenths[conviction] ?? 0)) / 10n;
}

export type VoteLockState =
  /** On an ongoing referendum: locked while it runs (and after, if its side wins with conviction). */
  | { state: 'ongoing'; ifWinsUntilPeriods: number }
  /** Ended on its side with conviction: `removeVote` keeps it locked as a prior lock until `until`. */
  | { state: 'locked'; until: number }
  /** Removable now without keeping a lock: lost, no conviction, lock period over, or no poll. */
  | { state: 'free'; reason: 'period-over' | 'losing-side' | 'no-conviction' | 'split' | 'no-poll' };

export interface VoteLock {
  track: number;
  referendum: number;
  vote: AccountVote;
  amount: bigint;
  lock: VoteLockState;
}

export interface ClassLockPlan {
  track: number;
  /** `ClassLocksFor` for the class now (0 when it has no entry). */
  lockedNow: bigint;
  votes: VoteLock[];
  /** The prior lock, when it holds funds; `expired` when `unlock` clears it now. */
  prior: { until: number; amount: bigint; expired: boolean } | null;
  /** Set when the account delegates the class: locked while delegating, then for the conviction's periods. */
  delegating: { target: string; balance: bigint; conviction: Conviction; periodsAfter: number } | null;
  /** What the class lock would be after `removeVote` of every free vote and `unlock`. */
  neededAfter: bigint;
  /** Referenda whose `removeVote(track, id)` frees funds now (free votes on ended polls). */
  removable: number[];
  /** `lockedNow - neededAfter`, never negative. */
  freesNow: bigint;
  /** The earliest relay block a lock of this class ends at, among ended votes and the prior lock. */
  nextExpiry: number | null;
}

export type UnlockCall =
  | { call: 'removeVote'; track: number; referendum: number }
  | { call: 'unlock'; track: number; target: string };

export interface UnlockPlan {
  /** Relay block the plan is for. */
  now: number;
  classes: ClassLockPlan[];
  /** The conviction-voting balance lock now: the largest class lock. */
  lockedNow: bigint;
  /** The balance lock after every call below. */
  lockedAfter: bigint;
  /** `lockedNow - lockedAfter`: KSM the calls make transferable (other locks aside). */
  unlockable: bigint;
  /** The calls that free it, in order: every `removeVote`, then `unlock` per class that falls. */
  calls: UnlockCall[];
}

function voteLockState(
  vote: AccountVote,
  outcome: ReturnType<OutcomeLookup>,
  rules: VotingRules,
  now: number,
): VoteLockState {
  const periods = vote.type === 'standard' ? (rules.lockPeriods[vote.conviction] ?? 0) : 0;
  if (outcome.status === 'ongoing') return { state: 'ongoing', ifWinsUntilPeriods: periods };
  if (outcome.status !== 'approved' && outcome.status !== 'rejected')
    return { state: 'free', reason: 'no-poll' };
  if (vote.type !== 'standard') return { state: 'free', reason: 'split' };
  if (vote.aye !== (outcome.status === 'approved')) return { state: 'free', reason: 'losing-side' };
  if (periods === 0) return { state: 'free', reason: 'no-conviction' };
  const until = outcome.block + rules.voteLockingPeriod * periods;
  return now < until ? { state: 'locked', until } : { state: 'free', reason: 'period-over' };
}

function max(a: bigint, b: bigint): bigint {
  return a > b ? a : b;
}

function classPlan(
  track: number,
  voting: ClassVoting | undefined,
  lockedNow: bigint,
  outcome: OutcomeLookup,
  rules: VotingRules,
  now: number,
): ClassLockPlan {
  const votes: VoteLock[] = [];
  let needed = 0n;
  let nextExpiry: number | null = null;
  const expiry = (block: number) => {
    nextExpiry = nextExpiry === null ? block : Math.min(nextExpiry, block);
  };
  const removable: number[] = [];
  let delegating: ClassLockPlan['delegating'] = null;
  if (voting?.type === 'casting') {
    for (const { referendum, vote } of voting.votes) {
      const amount = voteBalance(vote);
      const lock = voteLockState(vote, outcome(referendum), rules, now);
      votes.push({ track, referendum, vote, amount, lock });
      if (lock.state === 'free') removable.push(referendum);
      else needed = max(needed, amount);
      if (lock.state === 'locked') expiry(lock.until);
    }
  } else if (voting?.type === 'delegating') {
    delegating = {
      target: voting.target,
      balance: voting.balance,
      conviction: voting.conviction,
      periodsAfter: rules.lockPeriods[voting.conviction] ?? 0,
    };
    needed = max(needed, voting.balance);
  }
  let prior: ClassLockPlan['prior'] = null;
  if (voting && voting.prior.amount > 0n) {
    const expired = now >= voting.prior.until;
    prior = { until: voting.prior.until, amount: voting.prior.amount, expired };
    if (!expired) {
      needed = max(needed, voting.prior.amount);
      expiry(voting.prior.until);
    }
  }
  const freesNow = lockedNow > needed ? lockedNow - needed : 0n;
  return { track, lockedNow, votes, prior, delegating, neededAfter: needed, removable, freesNow, nextExpiry };
}

/**
 * The plan for one account at relay block `now`: every class it has a vote record or a class lock
 * on, ascending by track.
 */
export function unlockPlan(
  address: string,
  record: VoterRecord,
  outcome: OutcomeLookup,
  rules: VotingRules,
  now: number,
): UnlockPlan {
  const locks = new Map<number, bigint>();
  for (const { track, amount } of record.classLocks) locks.set(track, max(locks.get(track) ?? 0n, amount));
  const tracks = [...new Set([...Object.keys(record.classes).map(Number), ...locks.keys()])].sort(
    (a, b) => a - b,
  );
  const classes = tracks.map((t) => classPlan(t, record.classes[t], locks.get(t) ?? 0n, outcome, rules, now));
  let lockedNow = 0n;
  let lockedAfter = 0n;
  const calls: UnlockCall[] = [];
  for (const c of classes) {
    lockedNow = max(lockedNow, c.lockedNow);
    // A class without a lock entry holds nothing on the balance lock, whatever its votes.
    if (c.lockedNow > 0n) lockedAfter = max(lockedAfter, c.freesNow > 0n ? c.neededAfter : c.lockedNow);
    if (c.freesNow === 0n) continue;
    for (const referendum of c.removable) calls.push({ call: 'removeVote', track: c.track, referendum });
    calls.push({ call: 'unlock', track: c.track, target: address });
  }
  return { now, classes, lockedNow, lockedAfter, unlockable: lockedNow - lockedAfter, calls };
}
