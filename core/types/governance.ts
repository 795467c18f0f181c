/**
 * OpenGov state as pallet_referenda stores it on Kusama Asset Hub.
 * Every block number here is a relay-chain block number (6 s each).
 */
import type { Address } from './staking.js';

export interface Tally {
  ayes: bigint;
  nays: bigint;
  /** Aye capital before conviction. */
  support: bigint;
}

export interface Deposit {
  who: Address;
  amount: bigint;
}

export interface DecidingStatus {
  since: number;
  /** Absolute block at which confirmation ends, or null when not confirming. */
  confirming: number | null;
}

export type ProposalRef =
  | { kind: 'Legacy'; hash: string }
  | { kind: 'Inline'; hash: string; call: string }
  | { kind: 'Lookup'; hash: string; len: number };

export type DispatchTime = { kind: 'At'; block: number } | { kind: 'After'; blocks: number };

export interface OngoingReferendum {
  status: 'ongoing';
  id: number;
  track: number;
  /** The proposal origin, e.g. "Origins.SmallSpender" or "system.Root". */
  origin: string;
  proposal: ProposalRef;
  enactment: DispatchTime;
  submitted: number;
  submissionDeposit: Deposit;
  decisionDeposit: Deposit | null;
  deciding: DecidingStatus | null;
  tally: Tally;
  inQueue: boolean;
  /** Next block the pallet will service this referendum at, if scheduled. */
  alarm: number | null;
}

export type EndedStatus = 'approved' | 'rejected' | 'cancelled' | 'timedOut' | 'killed';

export interface EndedReferendum {
  status: EndedStatus;
  id: number;
  /** The relay block the referendum ended at. */
  block: number;
  submissionDeposit: Deposit | null;
  decisionDeposit: Deposit | null;
}

export type ReferendumInfo = OngoingReferendum | EndedReferendum;

/** Curve parameters as the pallet stores them: Perbill parts, and FixedI64 raw values (1e9 = 1.0). */
export type Curve =
  | { type: 'LinearDecreasing'; length: number; floor: number; ceil: number }
  | { type: 'SteppedDecreasing'; begin: number; end: number; step: number; period: number }
  | { type: 'Reciprocal'; factor: bigint; xOffset: bigint; yOffset: bigint };

export interface TrackInfo {
  id: number;
  /** Name with the zero padding stripped, e.g. "small_spender". */
  name: string;
  maxDeciding: number;
  decisionDeposit: bigint;
  preparePeriod: number;
  decisionPeriod: number;
  confirmPeriod: number;
  minEnactmentPeriod: number;
  minApproval: Curve;
  minSupport: Curve;
}

/**
 * An account's conviction-voting state on one track (`convictionVoting.votingFor`): the referenda
 * it cast votes on, the delegate it hands its vote to, or nothing.
 */
export type VotingState =
  | { type: 'casting'; referenda: readonly number[] }
  | { type: 'delegating'; target: string }
  | { type: 'none' };

/** Voting state per track id; tracks without a record are left out (they mean `none`). */
export type AccountVoting = Record<number, VotingState>;
