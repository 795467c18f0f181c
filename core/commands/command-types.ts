/** The arguments of commands once parsed and validated: nothing left to check but the data. */

import type { SubscriptionKind } from '../subscriptions/subscription-model.js';
import type { Address } from '../types/staking.js';

/** The outcomes an ended referendum can have, as `/referenda` names them. */
export const REFERENDA_OUTCOMES = ['approved', 'rejected', 'cancelled', 'timedout', 'killed'] as const;
export type ReferendaOutcome = (typeof REFERENDA_OUTCOMES)[number];

export const REFERENDA_STATUSES = [
  'ongoing',
  'preparing',
  'queued',
  'deciding',
  'confirming',
  'ended',
  ...REFERENDA_OUTCOMES,
  'all',
] as const;
export type ReferendaStatus = (typeof REFERENDA_STATUSES)[number];

/** Whether the status lists ended referenda (all of them, or those of one outcome). */
export function listsEnded(status: ReferendaStatus): boolean {
  return status === 'ended' || status === 'all' || (REFERENDA_OUTCOMES as readonly string[]).includes(status);
}

/** Whether an ended referendum's on-chain status (`timedOut`, …) is in the list for this status. */
export function endedMatches(status: ReferendaStatus, ended: string): boolean {
  if (status === 'ended' || status === 'all') return true;
  return listsEnded(status) && ended.toLowerCase() === status;
}

export interface AddressArgument {
  /** Kusama (prefix 2) form. */
  address: Address;
  /** As typed. */
  input: string;
  /** SS58 prefix of the input, null for a 0x account id. */
  inputPrefix: number | null;
  converted: boolean;
}

/** A track as typed (id or name); it is resolved against the snapshot's tracks by the command. */
export type TrackQuery = string;

export type DeadlineScopeRequest =
  | { type: 'all' }
  | { type: 'track'; track: TrackQuery }
  | { type: 'referendum'; referendum: number };

export type SubscribeRequest =
  | { kind: 'referenda'; track: TrackQuery | null }
  | { kind: 'deadlines'; scope: DeadlineScopeRequest; leadMinutes: number[] }
  | { kind: 'address'; address: AddressArgument }
  /** Live referendum cards, on one track or all. */
  | { kind: 'cards'; track: TrackQuery | null }
  /** Treasury spends and bounties: an asset symbol (upper case) and a minimum in whole units, each optional. */
  | { kind: 'treasury'; asset: string | null; minAmount: string | null }
  /** The coretime sale, with a price level in KSM (a plain decimal string) or none. */
  | { kind: 'coretime'; below: string | null }
  /** One para by id, with how long its head may stay unchanged before a stall alert. */
  | { kind: 'para'; para: number; stallMinutes: number };

export type UnsubscribeSelector =
  | { type: 'id'; id: string }
  | { type: 'all' }
  /** Every subscription of the kind in this chat. */
  | { type: 'kind'; kind: SubscriptionKind }
  /** The one subscription with this key (lead times do not matter). */
  | { type: 'spec'; request: SubscribeRequest };
