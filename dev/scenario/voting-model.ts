/**
 * The maths of the scenario's conviction votes (what a vote adds to a tally, what a record locks,
 * delegations per target) and the first few voters (`legacyVoting`). The whole voting population is
 * built in voting-build.ts.
 */
import type { Address, ReferendumInfo, Tally } from '../../core/types/index.js';
import { type Account, deriveAccount } from './accounts.js';
import { ksm, maxBig } from './amounts.js';
import { ScenarioError } from './errors.js';
import { Rng } from './rng.js';
import type { VoteSpec, VotingRecord } from './types.js';

export const CONVICTIONS = ['None', 'Locked1x', 'Locked2x', 'Locked3x', 'Locked4x', 'Locked5x', 'Locked6x'];

export function convictionVotes(balance: bigint, conviction: number): bigint {
  if (!Number.isInteger(conviction) || conviction < 0 || conviction > 6) {
    throw new ScenarioError(`conviction must be 0..6, got ${conviction}`);
  }
  return conviction === 0 ? balance / 10n : balance * BigInt(conviction);
}

/** What a vote adds to a tally; delegated votes count only with standard votes. */
export function voteContribution(vote: VoteSpec, delegations = { votes: 0n, capital: 0n }): Tally {
  switch (vote.kind) {
    case 'Standard': {
      const votes = convictionVotes(vote.balance, vote.conviction) + delegations.votes;
      const capital = vote.balance + delegations.capital;
      return vote.aye ? { ayes: votes, nays: 0n, support: capital } : { ayes: 0n, nays: votes, support: 0n };
    }
    case 'Split':
      return { ayes: vote.aye / 10n, nays: vote.nay / 10n, support: vote.aye };
    case 'SplitAbstain':
      return { ayes: vote.aye / 10n, nays: vote.nay / 10n, support: vote.aye + vote.abstain };
  }
}

export function addTally(a: Tally, b: Tally, sign: 1n | -1n = 1n): Tally {
  return {
    ayes: a.ayes + sign * b.ayes,
    nays: a.nays + sign * b.nays,
    support: a.support + sign * b.support,
  };
}

/** Funds a vote locks: the larger side of the vote. */
export function voteLock(vote: VoteSpec): bigint {
  if (vote.kind === 'Standard') return vote.balance;
  const total = vote.aye + vote.nay + (vote.kind === 'SplitAbstain' ? vote.abstain : 0n);
  return total;
}

type Delegated = { votes: bigint; capital: bigint };

const slot = (who: Address, track: number) => `${who}/${track}`;

/** Delegations every account receives per track, summed from every `Delegating` record. */
export function delegationIndex(records: readonly VotingRecord[]): Map<string, Delegated> {
  const out = new Map<string, Delegated>();
  for (const r of records) {
    if (r.kind !== 'Delegating') continue;
    const key = slot(r.target, r.track);
    const d = out.get(key) ?? { votes: 0n, capital: 0n };
    out.set(key, {
      votes: d.votes + convictionVotes(r.balance, r.conviction),
      capital: d.capital + r.balance,
    });
  }
  return out;
}

export function delegationsIn(index: Map<string, Delegated>, who: Address, track: number): Delegated {
  return index.get(slot(who, track)) ?? { votes: 0n, capital: 0n };
}

/** Delegations a voter receives on its track. */
export function delegationsTo(records: VotingRecord[], who: Address, track: number): Delegated {
  const to = records.filter((r) => r.kind === 'Delegating' && r.target === who);
  return delegationsIn(delegationIndex(to), who, track);
}

/**
 * What a record locks on its class, as the pallet's `locked_balance`: the largest vote (a split vote
 * locks its sides summed) or the delegated balance, and at least the prior lock.
 */
export function recordLock(r: VotingRecord): bigint {
  const own = r.kind === 'Delegating' ? r.balance : r.votes.reduce((m, v) => maxBig(m, voteLock(v.vote)), 0n);
  return maxBig(own, r.prior?.amount ?? 0n);
}

/**
 * `ClassLocksFor` per account: one entry per class with a lock, in the order the account's records
 * come (the order the pallet pushed them); classes locking nothing have no entry.
 */
export function classLocks(records: VotingRecord[]): Record<Address, Array<[number, bigint]>> {
  const locks: Record<Address, Map<number, bigint>> = {};
  for (const r of records) {
    const amount = recordLock(r);
    const map = locks[r.who] ?? new Map<number, bigint>();
    locks[r.who] = map;
    if (amount > (map.get(r.track) ?? 0n)) map.set(r.track, amount);
  }
  const out: Record<Address, Array<[number, bigint]>> = {};
  for (const [who, map] of Object.entries(locks)) if (map.size > 0) out[who] = [...map.entries()];
  return out;
}

export function randomVote(rng: Rng): VoteSpec {
  const roll = rng.float();
  if (roll < 0.6) {
    return {
      kind: 'Standard',
      aye: rng.chance(0.7),
      conviction: rng.int(0, 6),
      balance: rng.bigint(ksm(1), ksm(50)),
    };
  }
  if (roll < 0.85)
    return { kind: 'Split', aye: rng.bigint(ksm(1), ksm(40)), nay: rng.bigint(ksm(1), ksm(40)) };
  return {
    kind: 'SplitAbstain',
    aye: rng.bigint(0n, ksm(20)),
    nay: rng.bigint(0n, ksm(20)),
    abstain: rng.bigint(ksm(1), ksm(20)),
  };
}

/**
 * The first voters the scenario ever had (one account per track, one delegation to the first),
 * folded into the referenda tallies (in place). Kept draw for draw so older fixtures stay put.
 */
export function legacyVoting(
  seed: number,
  voters: number,
  referenda: Record<number, ReferendumInfo>,
  votable: number[],
): { records: VotingRecord[]; accounts: Account[] } {
  const rng = new Rng(seed, 'voting');
  const byTrack = new Map<number, number[]>();
  for (const id of votable) {
    const r = referenda[id];
    if (r?.status === 'ongoing') byTrack.set(r.track, [...(byTrack.get(r.track) ?? []), id]);
  }
  const tracks = [...byTrack.keys()].sort((a, b) => a - b);
  const records: VotingRecord[] = [];
  const accounts: Account[] = [];
  if (tracks.length === 0) return { records, accounts };
  for (let i = 0; i < voters; i++) {
    const who = deriveAccount(seed, 'voter', i);
    accounts.push(who);
    const track = i === 0 ? tracks[0]! : rng.pick(tracks);
    const ids = [...byTrack.get(track)!];
    const chosen = rng.shuffle(ids).slice(0, rng.int(1, Math.min(3, ids.length)));
    chosen.sort((a, b) => a - b);
    const votes = chosen.map((refId, k) => ({
      refId,
      vote:
        i === 0 && k === 0
          ? ({ kind: 'Standard', aye: true, conviction: 3, balance: ksm(25) } as VoteSpec)
          : randomVote(rng),
    }));
    records.push({ kind: 'Casting', who: who.address, track, votes });
  }
  const target = records[0]!;
  const delegator = deriveAccount(seed, 'delegator', 0);
  accounts.push(delegator);
  records.push({
    kind: 'Delegating',
    who: delegator.address,
    track: target.track,
    target: target.who,
    conviction: 2,
    balance: ksm(40),
  });
  for (const r of records) {
    if (r.kind !== 'Casting') continue;
    const delegations = delegationsTo(records, r.who, r.track);
    for (const { refId, vote } of r.votes) {
      const info = referenda[refId] as Extract<ReferendumInfo, { status: 'ongoing' }>;
      info.tally = addTally(info.tally, voteContribution(vote, delegations));
    }
  }
  return { records, accounts };
}
