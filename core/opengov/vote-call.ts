/**
 * Call data for `convictionVoting.vote(poll_index, vote)` with a standard vote, as a wallet signs
 * it: the pallet index, the call index, `poll_index` as `Compact<u32>`, then
 * `AccountVote::Standard { vote, balance }` = variant byte 0x00, the vote byte (0x80 for aye, ored
 * with the conviction 0..6) and the balance as 16 bytes little-endian (u128). Herald only words the
 * bytes; it never signs or holds keys.
 */
import type { Conviction } from '../types/voting.js';

/** Where `convictionVoting.vote` sits in the runtime's call enum (`VotingRules.voteCall`). */
export interface VoteCallIndex {
  pallet: number;
  call: number;
}

export interface StandardVote {
  referendum: number;
  aye: boolean;
  conviction: Conviction;
  /** Planck. */
  balance: bigint;
}

export const MAX_POLL_INDEX = 0xffff_ffff;
export const MAX_U128 = (1n << 128n) - 1n;
/** `AccountVote::Standard` is the enum's first variant. */
const STANDARD = 0x00;
const AYE_BIT = 0x80;

/** Why a vote could not be encoded; `message` is one sentence a user can act on. */
export class VoteCallError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'VoteCallError';
  }
}

function checkByte(value: number, what: string): void {
  if (!Number.isInteger(value) || value < 0 || value > 0xff)
    throw new VoteCallError(`The ${what} must be a whole number from 0 to 255; got ${String(value)}.`);
}

/** Throws a VoteCallError naming the first input that cannot go into the call. */
export function checkStandardVote(vote: StandardVote): void {
  const { referendum, conviction, balance } = vote;
  if (!Number.isInteger(referendum) || referendum < 0 || referendum > MAX_POLL_INDEX)
    throw new VoteCallError(
      `A referendum number is a whole number from 0 to ${MAX_POLL_INDEX}; got ${String(referendum)}.`,
    );
  if (typeof vote.aye !== 'boolean') throw new VoteCallError('A vote is either aye or nay.');
  if (!Number.isInteger(conviction) || conviction < 0 || conviction > 6)
    throw new VoteCallError(`Conviction runs from 0 (none, 0.1x) to 6 (6x); got ${String(conviction)}.`);
  if (typeof balance !== 'bigint' || balance <= 0n)
    throw new VoteCallError('The amount voted must be more than 0.');
  if (balance > MAX_U128) throw new VoteCallError('The amount voted is larger than a balance can be (u128).');
}

/** SCALE `Compact<u32>`: one, two or four bytes for small values, else 0x03 and four bytes. */
export function compactU32(value: number): number[] {
  if (value < 1 << 6) return [value << 2];
  if (value < 1 << 14) {
    const v = (value << 2) | 0b01;
    return [v & 0xff, v >>> 8];
  }
  if (value < 2 ** 30) {
    const v = ((value << 2) | 0b10) >>> 0;
    return [v & 0xff, (v >>> 8) & 0xff, (v >>> 16) & 0xff, v >>> 24];
  }
  return [0b11, ...littleEndian(BigInt(value), 4)];
}

function littleEndian(value: bigint, bytes: number): number[] {
  const out: number[] = [];
  let rest = value;
  for (let i = 0; i < bytes; i++) {
    out.push(Number(rest & 0xffn));
    rest >>= 8n;
  }
  return out;
}

/** The vote byte of a standard vote: the conviction, with the top bit set for aye. */
export function voteByte(aye: boolean, conviction: Conviction): number {
  return (aye ? AYE_BIT : 0) | conviction;
}

/** The call's bytes. Throws a VoteCallError for an input the chain would not accept. */
export function voteCallBytes(index: VoteCallIndex, vote: StandardVote): Uint8Array {
  checkByte(index.pallet, 'pallet index');
  checkByte(index.call, 'call index');
  checkStandardVote(vote);
  return Uint8Array.from([
    index.pallet,
    index.call,
    ...compactU32(vote.referendum),
    STANDARD,
    voteByte(vote.aye, vote.conviction),
    ...littleEndian(vote.balance, 16),
  ]);
}

/** The call data as `0x…` lower-case hex, as wallets take it. */
export function voteCallData(index: VoteCallIndex, vote: StandardVote): string {
  let hex = '0x';
  for (const byte of voteCallBytes(index, vote)) hex += byte.toString(16).padStart(2, '0');
  return hex;
}
