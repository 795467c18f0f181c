/**
 * The named voters of every scenario (`VoterCases` in types.ts), one account each, built the same
 * way for every size so tests find each case of the unlock assistant and the vote views:
 * conviction votes, split and split-abstain votes, a delegate with several delegators, prior locks
 * still running and already over, a still-locked winning vote on an approved referendum, votes that
 * can be removed now, and an address with nothing.
 */
import type { Address } from '../../core/types/index.js';
import { deriveAccount } from './accounts.js';
import { ksm } from './amounts.js';
import { ScenarioError } from './errors.js';
import type { VoterCases, VotingRecord } from './types.js';
import type { VotingPlaces } from './voting-build.js';

const DAY = 14_400;

function caseAccount(seed: number, name: string, i = 0): Address {
  return deriveAccount(seed, `voter-case-${name}`, i).address;
}

/** The track with the most votable ongoing referenda (root first on a tie), and its referenda. */
function busiestTrack(p: VotingPlaces): { track: number; ids: number[] } {
  let best: { track: number; ids: number[] } | null = null;
  for (const [track, ids] of [...p.ongoing.entries()].sort((a, b) => a[0] - b[0]))
    if (!best || ids.length > best.ids.length) best = { track, ids };
  if (!best) throw new ScenarioError('the scenario has no deciding or confirming referendum to vote on');
  return best;
}

function onTrack(p: VotingPlaces, track: number): number[] {
  const ids = p.ongoing.get(track);
  if (!ids?.length) throw new ScenarioError(`no ongoing referendum to vote on on track ${track}`);
  return ids;
}

function lastOf(ids: number[], what: string): number {
  const id = ids.at(-1);
  if (id === undefined) throw new ScenarioError(`the scenario has no ${what} referendum`);
  return id;
}

export function buildVoterCases(p: VotingPlaces): { records: VotingRecord[]; cases: VoterCases } {
  const records: VotingRecord[] = [];
  const busy = busiestTrack(p);
  const rootTrack = p.ongoing.has(0) ? 0 : busy.track;
  const rootRef = onTrack(p, rootTrack)[0]!;

  const direct = caseAccount(p.seed, 'direct');
  const directRefs = busy.ids.slice(0, 2);
  records.push({
    kind: 'Casting',
    who: direct,
    track: busy.track,
    votes: directRefs.map((refId, i) => ({
      refId,
      vote:
        i === 0
          ? { kind: 'Standard', aye: true, conviction: 3, balance: ksm(25) }
          : { kind: 'Standard', aye: false, conviction: 1, balance: ksm(10) },
    })),
  });

  const splitRef = busy.ids.at(-1)!;
  const split = caseAccount(p.seed, 'split');
  records.push({
    kind: 'Casting',
    who: split,
    track: busy.track,
    votes: [{ refId: splitRef, vote: { kind: 'Split', aye: ksm(12), nay: ksm(8) } }],
  });
  const splitAbstain = caseAccount(p.seed, 'split-abstain');
  records.push({
    kind: 'Casting',
    who: splitAbstain,
    track: busy.track,
    votes: [{ refId: splitRef, vote: { kind: 'SplitAbstain', aye: ksm(5), nay: ksm(2), abstain: ksm(9) } }],
  });

  // The delegate votes on the root track; four accounts delegate to it there, the first is `delegating`.
  const delegate = caseAccount(p.seed, 'delegate');
  records.push({
    kind: 'Casting',
    who: delegate,
    track: rootTrack,
    votes: [{ refId: rootRef, vote: { kind: 'Standard', aye: true, conviction: 1, balance: ksm(150) } }],
  });
  const delegations = [
    { conviction: 2, balance: ksm(40) },
    { conviction: 0, balance: ksm(500) },
    { conviction: 6, balance: ksm(7.5) },
    { conviction: 1, balance: ksm(1_200) },
  ];
  const delegators = delegations.map((d, i) => {
    const who = i === 0 ? caseAccount(p.seed, 'delegating') : caseAccount(p.seed, 'delegator', i);
    records.push({ kind: 'Delegating', who, track: rootTrack, target: delegate, ...d });
    return who;
  });

  // Prior locks on a track without votes: one running for 10 more days, one over for 5 days.
  const quiet = p.tracks.find((t) => !p.ongoing.has(t)) ?? busy.track;
  const priorLocked = caseAccount(p.seed, 'prior-locked');
  const lockedPrior = { until: p.now + 10 * DAY, amount: ksm(30) };
  records.push({ kind: 'Casting', who: priorLocked, track: quiet, votes: [], prior: lockedPrior });
  const priorExpired = caseAccount(p.seed, 'prior-expired');
  const expiredPrior = { until: p.now - 5 * DAY, amount: ksm(15) };
  records.push({ kind: 'Casting', who: priorExpired, track: quiet, votes: [], prior: expiredPrior });

  // A winning aye on the latest approved referendum, with the least conviction still locking it.
  const approved = lastOf(p.phases.approved, 'approved');
  const approvedEnd = (p.referenda[approved] as { block: number }).block;
  const conviction = [1, 2, 3, 4, 5, 6].find(
    (c) => approvedEnd + p.voteLockingPeriod * 2 ** (c - 1) > p.now + DAY,
  );
  if (conviction === undefined) throw new ScenarioError(`referendum ${approved} ended too long ago to lock`);
  const winnerTrack = p.endedTrack.get(approved)!;
  const endedWinner = caseAccount(p.seed, 'ended-winner');
  records.push({
    kind: 'Casting',
    who: endedWinner,
    track: winnerTrack,
    votes: [{ refId: approved, vote: { kind: 'Standard', aye: true, conviction, balance: ksm(60) } }],
  });

  // An aye on a rejected referendum and a vote on one that never completed: both free now.
  const rejected = lastOf(p.phases.rejected, 'rejected');
  const noPoll = lastOf(
    [...p.phases.cancelled, ...p.phases.timedOut].sort((a, b) => a - b),
    'cancelled',
  );
  const freeTrack = p.endedTrack.get(rejected)!;
  const freeRefs = [rejected, noPoll].sort((a, b) => a - b);
  const endedFree = caseAccount(p.seed, 'ended-free');
  records.push({
    kind: 'Casting',
    who: endedFree,
    track: freeTrack,
    votes: freeRefs.map((refId) => ({
      refId,
      vote:
        refId === rejected
          ? { kind: 'Standard', aye: true, conviction: 2, balance: ksm(20) }
          : { kind: 'Standard', aye: false, conviction: 4, balance: ksm(8) },
    })),
  });

  const cases: VoterCases = {
    direct: { address: direct, track: busy.track, referenda: directRefs },
    split: { address: split, track: busy.track, referenda: [splitRef] },
    splitAbstain: { address: splitAbstain, track: busy.track, referenda: [splitRef] },
    delegate: { address: delegate, track: rootTrack, referenda: [rootRef], delegators },
    delegating: {
      address: delegators[0]!,
      track: rootTrack,
      referenda: [],
      target: delegate,
      conviction: delegations[0]!.conviction,
      balance: delegations[0]!.balance,
    },
    priorLocked: { address: priorLocked, track: quiet, referenda: [], prior: lockedPrior },
    priorExpired: { address: priorExpired, track: quiet, referenda: [], prior: expiredPrior },
    endedWinner: {
      address: endedWinner,
      track: winnerTrack,
      referenda: [approved],
      conviction,
      until: approvedEnd + p.voteLockingPeriod * 2 ** (conviction - 1),
    },
    endedFree: { address: endedFree, track: freeTrack, referenda: freeRefs },
    noVotes: { address: caseAccount(p.seed, 'no-votes') },
  };
  return { records, cases };
}
