/**
 * A referendum a watched address voted on, itself or through the account it delegates the track
 * to, was approved or rejected in this version: how it voted, the outcome, and what that means for
 * its lock (pallet_conviction_voting's rules, through the unlock assistant's maths).
 */

import type { AccountVote, VotingRules } from '../../types/voting.js';
import { unlockPlan } from '../../voting/locks.js';
import { accountButtons, referendumButtons } from '../alert-links.js';
import { blockAt, type DetectionClock } from '../detect-context.js';
import { castVote, delegations, type EndedPoll, type VoterInput } from '../detect-voters.js';
import { addressAlertId } from '../identity.js';
import type { AlertRule, Found } from '../rule-types.js';
import type { BlockAt } from '../scope.js';
import type { RuleText } from '../spans.js';
import { multiplier, periodDays, type VoteFacts, voteFacts, voteSide, voteWords } from '../vote-words.js';
import { blockTime, ksm } from '../wording.js';

/** What the vote means for the address's funds now that the referendum ended. */
export type EndedVoteLock =
  /** Winning side with conviction: `removeVote` keeps it as a prior lock until `until`. */
  | { state: 'locked'; amount: string; until: BlockAt }
  /** Nothing stays locked by this vote; `removeVote(track, referendum)` removes it. */
  | { state: 'free'; amount: string; reason: 'losing-side' | 'no-conviction' | 'split' | 'period-over' }
  /** Voted through a delegate: the delegated balance stays locked while delegating, then `days`. */
  | { state: 'delegated'; amount: string; conviction: number; days: number };

export interface VotedRefEndedFacts {
  kind: 'voted-ref-ended';
  address: string;
  referendum: number;
  track: number;
  outcome: 'approved' | 'rejected';
  ended: BlockAt;
  vote: VoteFacts;
  /** Set when the vote was the delegate's. */
  delegate: { address: string } | null;
  /** Null when the runtime's voting rules are not in the store. */
  lock: EndedVoteLock | null;
}

/** The lock of one vote on one ended poll, by the same maths `unlockPlan` uses for whole accounts. */
function ownLock(
  track: number,
  poll: EndedPoll,
  vote: AccountVote,
  rules: VotingRules,
  clockAt: (block: number) => BlockAt,
  now: number,
): EndedVoteLock {
  const record = {
    classes: {
      [track]: {
        type: 'casting' as const,
        votes: [{ referendum: poll.referendum, vote }],
        delegations: { votes: 0n, capital: 0n },
        prior: { until: 0, amount: 0n },
      },
    },
    classLocks: [],
    delegators: {},
  };
  const outcome = (id: number) =>
    id === poll.referendum ? { status: poll.status, block: poll.block } : { status: 'unknown' as const };
  const lock = unlockPlan('', record, outcome, rules, now).classes[0]!.votes[0]!;
  const amount = lock.amount.toString();
  if (lock.lock.state === 'locked') return { state: 'locked', amount, until: clockAt(lock.lock.until) };
  const reason = lock.lock.state === 'free' ? lock.lock.reason : 'period-over';
  return { state: 'free', amount, reason: reason === 'no-poll' ? 'period-over' : reason };
}

function detect(input: VoterInput, clock: DetectionClock): Found<VotedRefEndedFacts>[] {
  const { address, before, after, context } = input;
  const found: Found<VotedRefEndedFacts>[] = [];
  const at = (block: number) => blockAt(clock, block);
  for (const poll of context.ended) {
    const base = {
      kind: 'voted-ref-ended' as const,
      address,
      referendum: poll.referendum,
      outcome: poll.status,
      ended: at(poll.block),
    };
    const push = (facts: VotedRefEndedFacts) =>
      found.push({
        id: addressAlertId('voted-ended', address, poll.referendum),
        scope: { type: 'address', address },
        facts,
      });
    const own = castVote(after, poll.referendum) ?? castVote(before, poll.referendum);
    if (own) {
      const lock = context.rules
        ? ownLock(own.track, poll, own.vote, context.rules, at, clock.relayBlock)
        : null;
      push({ ...base, track: own.track, vote: voteFacts(own.vote), delegate: null, lock });
      continue;
    }
    for (const { track, voting } of delegations(after)) {
      const records = context.delegates.get(voting.target);
      const theirs = castVote(records?.after, poll.referendum) ?? castVote(records?.before, poll.referendum);
      if (theirs?.track !== track) continue;
      const periods = context.rules?.lockPeriods[voting.conviction] ?? 0;
      const lock: EndedVoteLock | null = context.rules
        ? {
            state: 'delegated',
            amount: voting.balance.toString(),
            conviction: voting.conviction,
            days: periodDays(periods, context.rules.voteLockingPeriod),
          }
        : null;
      push({ ...base, track, vote: voteFacts(theirs.vote), delegate: { address: voting.target }, lock });
    }
  }
  return found;
}

function won(f: VotedRefEndedFacts): boolean | null {
  return f.vote.type === 'standard' ? f.vote.aye === (f.outcome === 'approved') : null;
}

function lockLine(f: VotedRefEndedFacts, w: { track(t: number): string }): RuleText | null {
  const lock = f.lock;
  if (!lock) return null;
  const remove = `remove it with convictionVoting.removeVote(${f.track}, ${f.referendum})`;
  switch (lock.state) {
    case 'locked':
      return [
        `Your ${ksm(lock.amount)} stay locked until `,
        ...blockTime(lock.until),
        `: ${f.vote.type === 'standard' ? `${multiplier(f.vote.conviction)} conviction ` : ''}on the winning side.`,
      ];
    case 'free': {
      const why = {
        'losing-side': 'it was on the losing side',
        'no-conviction': 'it had no conviction',
        split: 'a split or abstain vote locks nothing once the referendum ends',
        'period-over': 'its lock period is over',
      }[lock.reason];
      return `Your vote locks nothing now (${why}): ${remove}.`;
    }
    case 'delegated':
      return `Your ${ksm(lock.amount)} delegated at ${multiplier(lock.conviction)} stay locked while you delegate ${w.track(f.track)}${
        lock.days > 0
          ? `, and for ${lock.days} days after you undelegate it`
          : ', and are free once you undelegate it'
      }; a delegate's votes add no lock of their own to yours.`;
  }
}

export const votedRefEnded: AlertRule<VotedRefEndedFacts, 'voters'> = {
  kind: 'voted-ref-ended',
  group: 'votes',
  description: 'a referendum a watched address voted on ended',
  severity: 'info',
  source: 'voters',
  detect,
  message: (f, w) => {
    const side = won(f);
    const who = f.delegate
      ? `${w.account(f.address)}'s delegate ${w.account(f.delegate.address)}`
      : w.account(f.address);
    const lines: RuleText[] = [
      w.track(f.track),
      [
        `${who} voted ${voteWords(f.vote)}; the referendum was ${f.outcome} `,
        ...blockTime(f.ended),
        side === null ? '.' : side ? ', as it voted.' : ', against its vote.',
      ],
    ];
    const lock = lockLine(f, w);
    if (lock) lines.push(lock);
    return {
      title: `Referendum #${f.referendum} ${f.outcome}: ${f.delegate ? `the delegate of ${w.account(f.address)}` : w.account(f.address)} voted ${voteSide(f.vote)}`,
      lines,
      links: [...referendumButtons(f.referendum), ...accountButtons(f.address)],
    };
  },
};
