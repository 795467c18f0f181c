/**
 * addVote and addReferendum: governance changes between two snapshot runs. Each returns exactly the
 * storage it wrote and the expected state after it.
 */
import { UNDECIDING_TIMEOUT_BLOCKS } from '../../core/kusama/constants.js';
import type { Address, OngoingReferendum } from '../../core/types/index.js';
import { deriveAccount } from './accounts.js';
import { ksm, maxBig } from './amounts.js';
import { finishChange } from './apply-changes.js';
import { accountValue, nonceOf } from './balances.js';
import { ScenarioError } from './errors.js';
import { originFor } from './ongoing-referendum.js';
import { callForTrack } from './proposals.js';
import type { Preimage } from './referenda-model.js';
import { storageContext } from './storage-context.js';
import type {
  AccountBalance,
  Scenario,
  ScenarioChange,
  StorageChange,
  VoteSpec,
  VotingRecord,
} from './types.js';
import { expectedVoters } from './voting-expected.js';
import { addTally, classLocks, convictionVotes, delegationsTo, voteContribution } from './voting-model.js';
import { preimagePairs, referendumPair, trackQueuePair, votingValue } from './write-governance.js';

function checkVote(vote: VoteSpec): void {
  const amounts =
    vote.kind === 'Standard'
      ? [vote.balance]
      : vote.kind === 'Split'
        ? [vote.aye, vote.nay]
        : [vote.aye, vote.nay, vote.abstain];
  if (!amounts.every((a) => typeof a === 'bigint' && a >= 0n)) {
    throw new ScenarioError('vote amounts must be non-negative bigint planck');
  }
  if (vote.kind === 'Standard') convictionVotes(vote.balance, vote.conviction);
  else if (vote.kind !== 'Split' && vote.kind !== 'SplitAbstain') {
    throw new ScenarioError(`unknown vote kind ${String((vote as { kind: unknown }).kind)}`);
  }
}

function balanceWith(b: AccountBalance | undefined, mutate: (b: AccountBalance) => void): AccountBalance {
  const next = b ? { ...b } : { free: ksm(10), reserved: 0n, frozen: 0n };
  mutate(next);
  return next;
}

/** `who` votes on ongoing referendum `refId`; by default a fresh voter account. */
export function addVote(scenario: Scenario, refId: number, vote: VoteSpec, who?: Address): ScenarioChange {
  const ctx = storageContext(scenario.runtime);
  const ref = scenario.expected.governance.referenda[refId];
  if (!ref) throw new ScenarioError(`referendum ${refId} does not exist`);
  if (ref.status !== 'ongoing') throw new ScenarioError(`referendum ${refId} is ${ref.status}, not ongoing`);
  checkVote(vote);
  const voter = who ?? deriveAccount(scenario.seed, 'late-voter', scenario.generation).address;
  const records = scenario.fixtures.voting;
  const index = records.findIndex((r) => r.who === voter && r.track === ref.track);
  const existing = index >= 0 ? records[index]! : undefined;
  if (existing?.kind === 'Delegating') {
    throw new ScenarioError(`${voter} delegates on track ${ref.track} and cannot vote there`);
  }
  const delegations = delegationsTo(records, voter, ref.track);
  let tally = ref.tally;
  const prior = existing?.votes.find((v) => v.refId === refId);
  if (prior) tally = addTally(tally, voteContribution(prior.vote, delegations), -1n);
  tally = addTally(tally, voteContribution(vote, delegations));
  const votes = (existing?.votes ?? []).filter((v) => v.refId !== refId);
  votes.push({ refId, vote });
  votes.sort((a, b) => a.refId - b.refId);
  const record: VotingRecord = { kind: 'Casting', who: voter, track: ref.track, votes };
  const nextRecords = index >= 0 ? records.map((r, i) => (i === index ? record : r)) : [...records, record];

  const updated: OngoingReferendum = { ...ref, tally };
  const g = scenario.expected.governance;
  let trackQueue = g.trackQueue;
  const writes: StorageChange[] = [referendumPair(ctx, updated)];
  if (ref.inQueue && g.trackQueue[ref.track]) {
    const queue = g.trackQueue[ref.track]!.map((q) => (q.id === refId ? { id: refId, ayes: tally.ayes } : q));
    queue.sort((a, b) => (a.ayes < b.ayes ? -1 : a.ayes > b.ayes ? 1 : 0));
    trackQueue = { ...g.trackQueue, [ref.track]: queue };
    writes.push(trackQueuePair(ctx, ref.track, queue));
  }
  writes.push(
    ctx.pair('ConvictionVoting', 'VotingFor', [voter, ref.track], votingValue(record, delegations)),
  );
  const locks = classLocks(nextRecords)[voter] ?? [];
  writes.push(ctx.pair('ConvictionVoting', 'ClassLocksFor', [voter], locks));
  const lock = locks.reduce((m, [, a]) => maxBig(m, a), 0n);
  const balance = balanceWith(scenario.fixtures.balances[voter], (b) => {
    b.frozen = maxBig(b.frozen, lock);
    if (b.free < b.frozen) b.free = b.frozen + ksm(1);
  });
  writes.push(ctx.pair('System', 'Account', [voter], accountValue(balance, nonceOf(voter))));

  const expected = {
    ...scenario.expected,
    governance: { ...g, referenda: { ...g.referenda, [refId]: updated }, trackQueue },
    voting: { ...scenario.expected.voting, [voter]: expectedVoters(nextRecords)[voter]! },
  };
  const fixtures = {
    ...scenario.fixtures,
    voting: nextRecords,
    balances: { ...scenario.fixtures.balances, [voter]: balance },
  };
  return finishChange(scenario, { size: scenario.size, seed: scenario.seed, expected, fixtures }, writes);
}

export interface NewReferendum {
  track: number;
  /** Defaults to the scenario's first proposer. */
  proposer?: Address;
}

/** Submits a new referendum on `track`: preparing, no decision deposit, preimage noted. */
export function addReferendum(scenario: Scenario, spec: NewReferendum): ScenarioChange {
  const ctx = storageContext(scenario.runtime);
  const g = scenario.expected.governance;
  const track = g.tracks.find((t) => t.id === spec.track);
  if (!track)
    throw new ScenarioError(
      `track ${spec.track} does not exist (tracks: ${g.tracks.map((t) => t.id).join(', ')})`,
    );
  const proposer = spec.proposer ?? deriveAccount(scenario.seed, 'proposer', 0).address;
  const id = g.referendumCount;
  const now = scenario.expected.anchor.relayBlock;
  const call = callForTrack(ctx, track.name, id, proposer);
  const submissionDeposit = BigInt(ctx.constant('Referenda', 'SubmissionDeposit').toString());
  const inline = call.call === 'system.remark' && call.bytes.length <= 128;
  const ref: OngoingReferendum = {
    status: 'ongoing',
    id,
    track: track.id,
    origin: originFor(track),
    proposal: inline
      ? { kind: 'Inline', hash: call.hash, call: call.hex }
      : { kind: 'Lookup', hash: call.hash, len: call.bytes.length },
    enactment: { kind: 'After', blocks: track.minEnactmentPeriod },
    submitted: now,
    submissionDeposit: { who: proposer, amount: submissionDeposit },
    decisionDeposit: null,
    deciding: null,
    tally: { ayes: 0n, nays: 0n, support: 0n },
    inQueue: false,
    alarm: now + UNDECIDING_TIMEOUT_BLOCKS,
  };
  const writes: StorageChange[] = [
    ctx.pair('Referenda', 'ReferendumCount', [], id + 1),
    referendumPair(ctx, ref),
  ];
  let held = submissionDeposit;
  if (!inline) {
    const preimage: Preimage = {
      hash: call.hash,
      len: call.bytes.length,
      call,
      deposit: { who: proposer, amount: 4_000_000_000n + BigInt(call.bytes.length) * 1_000_000n },
    };
    held += preimage.deposit.amount;
    writes.push(...preimagePairs(ctx, preimage));
  }
  const balance = balanceWith(scenario.fixtures.balances[proposer], (b) => {
    b.reserved += held;
  });
  writes.push(ctx.pair('System', 'Account', [proposer], accountValue(balance, nonceOf(proposer))));

  const expected = {
    ...scenario.expected,
    governance: {
      ...g,
      referendumCount: id + 1,
      referenda: { ...g.referenda, [id]: ref },
      proposalSummaries: { ...g.proposalSummaries, [id]: call.call },
    },
  };
  const f = scenario.fixtures;
  const fixtures = {
    ...f,
    referenda: { ...f.referenda, preparing: [...f.referenda.preparing, id] },
    proposals: [
      ...f.proposals,
      {
        refId: id,
        hash: call.hash,
        len: call.bytes.length,
        call: call.call,
        callHex: call.hex,
        preimageStored: !inline,
      },
    ],
    balances: { ...f.balances, [proposer]: balance },
  };
  return finishChange(scenario, { size: scenario.size, seed: scenario.seed, expected, fixtures }, writes);
}
