/**
 * `ConvictionVoting.VotingFor` and `ClassLocksFor` values, decoded through the pinned block's
 * metadata into Herald's voting types (core/types/voting.ts).
 */
import type {
  AccountVote,
  ClassVoting,
  Conviction,
  Delegations,
  PriorLock,
} from '../../../core/types/voting.js';
import { accountFromBytes } from '../scale/reader.js';
import type { MetadataCodec } from './metadata-codec.js';

interface Num {
  toString(): string;
}
interface VoteByte {
  toU8a(): Uint8Array;
}
interface AccountVoteCodec {
  isStandard: boolean;
  asStandard: { vote: VoteByte; balance: Num };
  isSplit: boolean;
  asSplit: { aye: Num; nay: Num };
  isSplitAbstain: boolean;
  asSplitAbstain: { aye: Num; nay: Num; abstain: Num };
  type: string;
}
interface DelegationsCodec {
  votes: Num;
  capital: Num;
}
type PriorCodec = [Num, Num] & { toJSON(): unknown };
interface VotingCodec {
  isCasting: boolean;
  asCasting: { votes: Array<[Num, AccountVoteCodec]>; delegations: DelegationsCodec; prior: PriorCodec };
  isDelegating: boolean;
  asDelegating: {
    balance: Num;
    target: { toU8a(): Uint8Array };
    conviction: { index: number };
    delegations: DelegationsCodec;
    prior: PriorCodec;
  };
  type: string;
}

const big = (n: Num) => BigInt(n.toString());

function conviction(index: number): Conviction {
  if (!Number.isInteger(index) || index < 0 || index > 6) throw new Error(`conviction ${index} is not 0..6`);
  return index as Conviction;
}

/** `Vote`: the top bit is aye, the low seven bits the conviction. */
function voteOf(v: AccountVoteCodec): AccountVote {
  if (v.isStandard) {
    const byte = v.asStandard.vote.toU8a()[0] ?? 0;
    return {
      type: 'standard',
      aye: (byte & 0x80) !== 0,
      conviction: conviction(byte & 0x7f),
      balance: big(v.asStandard.balance),
    };
  }
  if (v.isSplit) return { type: 'split', aye: big(v.asSplit.aye), nay: big(v.asSplit.nay) };
  if (v.isSplitAbstain)
    return {
      type: 'splitAbstain',
      aye: big(v.asSplitAbstain.aye),
      nay: big(v.asSplitAbstain.nay),
      abstain: big(v.asSplitAbstain.abstain),
    };
  throw new Error(`unknown AccountVote variant ${v.type}`);
}

function delegationsOf(d: DelegationsCodec): Delegations {
  return { votes: big(d.votes), capital: big(d.capital) };
}

function priorOf(p: PriorCodec): PriorLock {
  return { until: Number(p[0].toString()), amount: big(p[1]) };
}

/** One `VotingFor` value; votes ascending by referendum (the pallet keeps them so). */
export function classVotingOf(codec: MetadataCodec, hex: string): ClassVoting {
  const value = codec.decode('ConvictionVoting', 'VotingFor', hex) as unknown as VotingCodec;
  if (value.isCasting) {
    const c = value.asCasting;
    const votes = [...c.votes].map(([id, vote]) => ({
      referendum: Number(id.toString()),
      vote: voteOf(vote),
    }));
    votes.sort((a, b) => a.referendum - b.referendum);
    return { type: 'casting', votes, delegations: delegationsOf(c.delegations), prior: priorOf(c.prior) };
  }
  if (value.isDelegating) {
    const d = value.asDelegating;
    return {
      type: 'delegating',
      target: accountFromBytes(d.target.toU8a()),
      conviction: conviction(d.conviction.index),
      balance: big(d.balance),
      delegations: delegationsOf(d.delegations),
      prior: priorOf(d.prior),
    };
  }
  throw new Error(`unknown Voting variant ${value.type}`);
}

/** One `ClassLocksFor` value: (class, amount) in chain order. */
export function classLocksOf(codec: MetadataCodec, hex: string): Array<{ track: number; amount: bigint }> {
  const value = codec.decode('ConvictionVoting', 'ClassLocksFor', hex) as unknown as Array<[Num, Num]>;
  return [...value].map(([track, amount]) => ({ track: Number(track.toString()), amount: big(amount) }));
}
