/** A command line once parsed and validated: everything a command needs, nothing left to check but the data. */
import type { MutedKind as AlertKind } from '../subscriptions/settings.js';
import type { SubscriptionKind } from '../subscriptions/subscription-model.js';
import type { Address } from '../types/staking.js';
import type { CommandName } from './grammar.js';
import type { QuietChange } from './quiet-arguments.js';

export const REFERENDA_STATUSES = [
  'ongoing',
  'preparing',
  'queued',
  'deciding',
  'confirming',
  'ended',
  'all',
] as const;
export type ReferendaStatus = (typeof REFERENDA_STATUSES)[number];

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
  | { kind: 'address'; address: AddressArgument };

export type UnsubscribeSelector =
  | { type: 'id'; id: string }
  | { type: 'all' }
  /** Every subscription of the kind in this chat. */
  | { type: 'kind'; kind: SubscriptionKind }
  /** The one subscription with this key (lead times do not matter). */
  | { type: 'spec'; request: SubscribeRequest };

export type Command =
  | { name: 'stake'; account: AddressArgument }
  | { name: 'validator'; account: AddressArgument }
  | { name: 'era' }
  | { name: 'referenda'; track: TrackQuery | null; status: ReferendaStatus; page: number }
  | { name: 'referendum'; id: number }
  | { name: 'tracks' }
  | { name: 'subscribe'; request: SubscribeRequest }
  | { name: 'unsubscribe'; selector: UnsubscribeSelector }
  | { name: 'subscriptions' }
  /** This chat's alerts of the last `hours` hours again, with what became of each. */
  | { name: 'missed'; hours: number }
  /**
   * Shows (null), sets or clears quiet hours. `subscription` is the id after "for": that
   * subscription's own settings; null: the whole chat's.
   */
  | { name: 'quiet'; change: QuietChange | null; subscription: string | null }
  | { name: 'mute'; kinds: AlertKind[]; subscription: string | null }
  | { name: 'unmute'; kinds: AlertKind[] | 'all'; subscription: string | null }
  | { name: 'status' }
  | { name: 'help'; topic: CommandName | null };
