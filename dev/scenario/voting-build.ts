/**
 * The scenario's whole voting population: the first voters (legacyVoting), the named voter cases
 * (voter-cases.ts) and a crowd of ordinary voters, delegates and delegators (voting-crowd.ts).
 * Votes on ongoing referenda are part of their tallies: a tally is at least what the seeded votes
 * add to it (each component raised to their sum where the generated one is smaller), so the
 * chain's tallies stay consistent with the votes it stores.
 */
import type { Address, ReferendumInfo, Tally } from '../../core/types/index.js';
import { maxBig } from './amounts.js';
import { Rng } from './rng.js';
import type { ReferendumPhase, VoterCases, VotingRecord } from './types.js';
import { buildVoterCases } from './voter-cases.js';
import { buildCrowd, type CrowdSize } from './voting-crowd.js';
import { addTally, delegationIndex, delegationsIn, legacyVoting, voteContribution } from './voting-model.js';

export interface VotingInput {
  seed: number;
  /** How many of the first voters (one per track) there are. */
  firstVoters: number;
  crowd: CrowdSize;
  referenda: Record<number, ReferendumInfo>;
  phases: Record<ReferendumPhase, number[]>;
  /** Ongoing referenda votes may be cast on (deciding and confirming: their tallies move nothing else). */
  votable: number[];
  /** Referenda track ids. */
  tracks: number[];
  relayBlock: number;
  voteLockingPeriod: number;
}

/** What the voting builders share: where votes can go, per track. */
export interface VotingPlaces {
  seed: number;
  now: number;
  voteLockingPeriod: number;
  tracks: number[];
  referenda: Record<number, ReferendumInfo>;
  phases: Record<ReferendumPhase, number[]>;
  /** Votable ongoing referenda per track, ascending. */
  ongoing: Map<number, number[]>;
  /** Ended referenda per track (the track each ran on, which the chain no longer stores), ascending. */
  ended: Map<number, number[]>;
  endedTrack: Map<number, number>;
}

export interface VotingModel {
  /** Every record, the first voters first (in the order each account's class locks were pushed). */
  records: VotingRecord[];
  /** The first voters' records alone. */
  first: VotingRecord[];
  cases: VoterCases;
}

function places(input: VotingInput): VotingPlaces {
  const ongoing = new Map<number, number[]>();
  for (const id of [...input.votable].sort((a, b) => a - b)) {
    const r = input.referenda[id];
    if (r?.status === 'ongoing') ongoing.set(r.track, [...(ongoing.get(r.track) ?? []), id]);
  }
  const rng = new Rng(input.seed, 'voting-ended-tracks');
  const ended = new Map<number, number[]>();
  const endedTrack = new Map<number, number>();
  const endedIds = Object.values(input.referenda)
    .filter((r) => r.status !== 'ongoing')
    .map((r) => r.id)
    .sort((a, b) => a - b);
  for (const id of endedIds) {
    const track = rng.pick(input.tracks);
    endedTrack.set(id, track);
    ended.set(track, [...(ended.get(track) ?? []), id]);
  }
  return {
    seed: input.seed,
    now: input.relayBlock,
    voteLockingPeriod: input.voteLockingPeriod,
    tracks: input.tracks,
    referenda: input.referenda,
    phases: input.phases,
    ongoing,
    ended,
    endedTrack,
  };
}

/** Raises each ongoing tally to at least what the seeded votes (and their delegations) add to it. */
function foldTallies(records: readonly VotingRecord[], referenda: Record<number, ReferendumInfo>): void {
  const index = delegationIndex(records);
  const sums = new Map<number, Tally>();
  for (const r of records) {
    if (r.kind !== 'Casting') continue;
    const delegations = delegationsIn(index, r.who, r.track);
    for (const { refId, vote } of r.votes) {
      if (referenda[refId]?.status !== 'ongoing') continue;
      const sum = sums.get(refId) ?? { ayes: 0n, nays: 0n, support: 0n };
      sums.set(refId, addTally(sum, voteContribution(vote, delegations)));
    }
  }
  for (const [id, sum] of sums) {
    const info = referenda[id] as Extract<ReferendumInfo, { status: 'ongoing' }>;
    info.tally = {
      ayes: maxBig(info.tally.ayes, sum.ayes),
      nays: maxBig(info.tally.nays, sum.nays),
      support: maxBig(info.tally.support, sum.support),
    };
  }
}

export function buildVoting(input: VotingInput): VotingModel {
  const first = legacyVoting(input.seed, input.firstVoters, input.referenda, input.votable);
  const where = places(input);
  const cases = buildVoterCases(where);
  const crowd = buildCrowd(where, input.crowd);
  const records = [...first.records, ...cases.records, ...crowd];
  foldTallies(records, input.referenda);
  return { records, first: first.records, cases: cases.cases };
}

/** The voters worth a name: the named delegate and the crowd's delegates (targets of delegations). */
export function namedVoters(model: VotingModel): Address[] {
  const targets = new Set<Address>([model.cases.delegate.address]);
  for (const r of model.records) if (r.kind === 'Delegating') targets.add(r.target);
  return [...targets];
}
