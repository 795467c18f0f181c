/**
 * The crowd of voters around the named cases: ordinary voters casting on one to several tracks
 * (votes on ongoing referenda and on recently ended ones, some with prior locks running or over),
 * delegates that vote on most tracks, and delegators handing their votes to them, most to a few
 * big delegates. Each account's tracks come in a random order: the order its class locks were
 * pushed on chain.
 */
import type { Address } from '../../core/types/index.js';
import { deriveAccount } from './accounts.js';
import { ksm } from './amounts.js';
import { Rng } from './rng.js';
import type { PriorSpec, VoteSpec, VotingRecord } from './types.js';
import type { VotingPlaces } from './voting-build.js';

export interface CrowdSize {
  /** Accounts that only cast votes. */
  voters: number;
  /** Accounts that vote and receive delegations; the first `bigDelegates` receive most. */
  delegates: number;
  bigDelegates: number;
  /** Accounts that delegate, on one track or several (some on every track). */
  delegators: number;
}

const DAY = 14_400;
/** How many of a track's most recent ended referenda still carry votes. */
const RECENT_ENDED = 6;

type Casting = Extract<VotingRecord, { kind: 'Casting' }>;

function crowdVote(rng: Rng): VoteSpec {
  const roll = rng.float();
  if (roll < 0.75)
    return {
      kind: 'Standard',
      aye: rng.chance(0.7),
      conviction: rng.int(0, 6),
      balance: rng.logBigint(ksm(0.5), ksm(400)),
    };
  if (roll < 0.9)
    return { kind: 'Split', aye: rng.logBigint(ksm(0.5), ksm(100)), nay: rng.logBigint(ksm(0.5), ksm(100)) };
  return {
    kind: 'SplitAbstain',
    aye: rng.bigint(0n, ksm(50)),
    nay: rng.bigint(0n, ksm(50)),
    abstain: rng.logBigint(ksm(0.5), ksm(100)),
  };
}

function crowdPrior(rng: Rng, now: number): PriorSpec | undefined {
  const roll = rng.float();
  if (roll < 0.06) return { until: now + rng.int(1, 200) * DAY, amount: rng.logBigint(ksm(1), ksm(300)) };
  if (roll < 0.1) return { until: now - rng.int(1, 100) * DAY, amount: rng.logBigint(ksm(1), ksm(300)) };
  return undefined;
}

function casting(p: VotingPlaces, rng: Rng, who: Address, track: number, onOngoing: number): Casting {
  const ongoing = (p.ongoing.get(track) ?? []).filter(() => rng.chance(onOngoing));
  const recent = (p.ended.get(track) ?? []).slice(-RECENT_ENDED);
  const ended = recent.filter(() => rng.chance(0.25));
  const ids = [...ongoing, ...ended];
  if (ids.length === 0) {
    const any = [...(p.ongoing.get(track) ?? []), ...recent];
    if (any.length > 0) ids.push(rng.pick(any));
  }
  ids.sort((a, b) => a - b);
  const record: Casting = {
    kind: 'Casting',
    who,
    track,
    votes: ids.map((refId) => ({ refId, vote: crowdVote(rng) })),
  };
  const prior = crowdPrior(rng, p.now);
  if (prior) record.prior = prior;
  if (record.votes.length === 0 && !prior) record.prior = { until: p.now - DAY, amount: ksm(1) };
  return record;
}

/** How many tracks: one, and each more with probability `more`. */
function trackCount(rng: Rng, more: number, max: number): number {
  let k = 1;
  while (k < max && rng.chance(more)) k++;
  return k;
}

export function buildCrowd(p: VotingPlaces, size: CrowdSize): VotingRecord[] {
  const rng = new Rng(p.seed, 'voting-crowd');
  const records: VotingRecord[] = [];
  const delegateRecords = new Map<string, Casting>();
  const delegates = Array.from(
    { length: size.delegates },
    (_, i) => deriveAccount(p.seed, 'delegate', i).address,
  );
  for (const who of delegates) {
    for (const track of rng.shuffle([...p.tracks])) {
      if (!rng.chance(0.7)) continue;
      const record = casting(p, rng, who, track, 0.9);
      records.push(record);
      delegateRecords.set(`${who}/${track}`, record);
    }
  }
  for (let i = 0; i < size.voters; i++) {
    const who = deriveAccount(p.seed, 'voter-crowd', i).address;
    const tracks = rng.shuffle([...p.tracks]).slice(0, trackCount(rng, 0.58, p.tracks.length));
    for (const track of tracks) records.push(casting(p, rng, who, track, 0.6));
  }
  const big = delegates.slice(0, Math.max(1, size.bigDelegates));
  for (let i = 0; i < size.delegators && delegates.length > 0; i++) {
    const who = deriveAccount(p.seed, 'delegator-crowd', i).address;
    const everyTrack = rng.chance(0.08);
    const tracks = everyTrack
      ? rng.shuffle([...p.tracks])
      : rng.shuffle([...p.tracks]).slice(0, trackCount(rng, 0.3, p.tracks.length));
    let target = rng.chance(0.6) ? rng.pick(big) : rng.pick(delegates);
    const conviction = rng.int(0, 6);
    const balance = rng.logBigint(ksm(1), ksm(3_000));
    for (const track of tracks) {
      if (rng.chance(0.1)) target = rng.pick(delegates);
      // The pallet gives the target a record when it has none: casting, no votes, the delegations.
      if (!delegateRecords.has(`${target}/${track}`)) {
        const empty: Casting = { kind: 'Casting', who: target, track, votes: [] };
        records.push(empty);
        delegateRecords.set(`${target}/${track}`, empty);
      }
      const record: VotingRecord = { kind: 'Delegating', who, track, target, conviction, balance };
      if (rng.chance(0.05)) record.prior = { until: p.now + rng.int(1, 60) * DAY, amount: balance };
      records.push(record);
    }
  }
  return records;
}
