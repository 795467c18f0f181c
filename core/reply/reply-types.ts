/**
 * Reply intents: what a command answers, as data. The Discord and Telegram bots and the plain-text
 * renderer each turn them into their own messages; no reply holds prose except an error's message.
 * Inline actions carry the command line a button runs (at most 64 bytes, Telegram's callback limit).
 */

import type { AlertKind } from '../alerts/alert-types.js';
import type { CommandSpec } from '../commands/command-spec.js';
import type { ReferendaStatus } from '../commands/command-types.js';
import type { CommandError } from '../commands/errors.js';
import type { AccountNames } from '../identity/identity-types.js';
import type { Link } from '../links/urls.js';
import type { ChartData } from '../opengov/chart-data.js';
import type { BlockTime } from '../opengov/time.js';
import type { TrackSummary } from '../opengov/tracks.js';
import type { NextEvent, PreparingReason, ReferendumView } from '../opengov/view.js';
import type { DeliveryTarget, NotifierMessage } from '../ports/notifier.js';
import type { RuntimeRecord } from '../snapshot/runtime-record.js';
import type { AccountView } from '../staking/account-view.js';
import type { EraView } from '../staking/era-view.js';
import type { ValidatorView } from '../staking/validator-view.js';
import type { AlertSettings } from '../subscriptions/settings.js';
import type { Subscription } from '../subscriptions/subscription-model.js';
import type { EndedStatus, ReferendumInfo } from '../types/governance.js';
import type { ChainAnchor, SnapshotCounts } from '../types/snapshot.js';
import type { Address } from '../types/staking.js';
import type { CallDataReply } from './calldata-reply.js';
import type { Freshness } from './freshness.js';
import type { DelegateReply, VotesReply } from './voting-replies.js';

export type { DelegateReply, VotesReply };

export type ReplyAction =
  | { type: 'subscribe-address'; address: Address; command: string }
  /** "Alert me before the deadline": deadline alerts for one referendum. */
  | { type: 'deadline-alert'; referendum: number; deadline: BlockTime | null; command: string }
  | { type: 'subscribe-track'; track: number; command: string }
  | { type: 'page'; direction: 'previous' | 'next'; page: number; pageCount: number; command: string }
  | { type: 'open-referendum'; referendum: number; command: string }
  /** "Call data": the referendum's vote calls to paste into a wallet (`/calldata <id>`). */
  | { type: 'call-data'; referendum: number; command: string }
  | { type: 'unsubscribe'; subscriptionId: string; command: string }
  /** One of /start's ways in: a stake, the ongoing referenda, what there is to subscribe to. */
  | { type: 'start-option'; option: 'stake' | 'referenda' | 'subscribe'; command: string };

export interface ChartAttachment {
  type: 'referendum-chart';
  referendum: number;
  fileName: string;
  /** What bots/chart renders to PNG. */
  chart: ChartData;
}

export type ReplyAttachment = ChartAttachment;

export interface ReplyBase {
  /** Null only when no snapshot could be read (the error says why). */
  freshness: Freshness | null;
  actions: ReplyAction[];
  attachments: ReplyAttachment[];
  /** Link buttons (core/links): the referendum's pages, the account on the explorer. */
  links?: Link[];
  /** On-chain names of the addresses this reply shows (absent: none known). */
  names?: AccountNames;
  /** The chat's IANA zone (its quiet hours'), for platforms that show times as text (Telegram). */
  timeZone?: string;
}

export interface AccountEcho {
  address: Address;
  input: string;
  inputPrefix: number | null;
  converted: boolean;
}

export interface StakeReply extends ReplyBase {
  type: 'stake';
  account: AccountEcho;
  view: AccountView;
}

export interface ValidatorReply extends ReplyBase {
  type: 'validator';
  account: AccountEcho;
  view: ValidatorView;
}

export interface EraReply extends ReplyBase {
  type: 'era';
  view: EraView;
}

export interface TrackLabel {
  id: number;
  name: string;
  displayName: string;
}

export interface ReferendumRow {
  id: number;
  track: TrackLabel | null;
  phase: 'preparing' | 'deciding' | 'confirming' | 'unavailable';
  reason: PreparingReason | null;
  queuePosition: number | null;
  /** The pallet's next transition if the tally holds. */
  next: NextEvent | null;
  /** Until `next`, from the snapshot's clock; 0 when due. */
  timeLeftMs: number | null;
  passing: boolean | null;
  /** Perbill parts. */
  approval: number | null;
  support: number | null;
  proposal: string | null;
  /** Its off-chain title, else its call worded. */
  title?: ReferendumTitle;
}

export interface EndedRow {
  id: number;
  status: EndedStatus;
  ended: BlockTime;
  /** Its off-chain title (the chain keeps no call for an ended referendum). */
  title?: ReferendumTitle;
}

export interface ReferendaReply extends ReplyBase {
  type: 'referenda';
  filter: { track: TrackLabel | null; status: ReferendaStatus };
  page: number;
  pageCount: number;
  /** Rows matching the filter over all pages (ongoing and ended together). */
  total: number;
  rows: ReferendumRow[];
  ended: EndedRow[];
  /** Ended referenda do not record a track on chain, so a track filter leaves them out. */
  endedOmittedByTrack: boolean;
}

/** A referendum's title: from an off-chain source, or else the decoded call, worded. */
export interface ReferendumTitle {
  text: string;
  source: 'subsquare' | 'polkassembly' | 'call';
}

export interface ReferendumReply extends ReplyBase {
  type: 'referendum';
  id: number;
  /** Absent when neither a source nor the call gives one (a preimage not yet noted). */
  title?: ReferendumTitle;
  info: ReferendumInfo;
  view: ReferendumView;
  track: TrackSummary | null;
  proposal: string | null;
  /** Deciding referenda on its track and its place in the track queue, as the snapshot read them. */
  trackDecidingCount: number;
  queuePosition: number | null;
}

export interface TrackRow extends TrackSummary {
  deciding: number;
  ongoing: number;
}

export interface TracksReply extends ReplyBase {
  type: 'tracks';
  tracks: TrackRow[];
}

export interface SubscribedReply extends ReplyBase {
  type: 'subscribed';
  outcome: 'created' | 'unchanged' | 'updated';
  target: DeliveryTarget;
  subscription: Subscription;
  count: number;
  limit: number;
  /** The target had been disabled (the platform said it was gone) and is active again. */
  reenabled: boolean;
}

export interface UnsubscribedReply extends ReplyBase {
  type: 'unsubscribed';
  target: DeliveryTarget;
  removed: Subscription[];
  remaining: number;
}

export interface SubscriptionsReply extends ReplyBase {
  type: 'subscriptions';
  target: DeliveryTarget;
  subscriptions: Subscription[];
  limit: number;
  disabled: { reason: string; atMs: number } | null;
  /** The chat's quiet hours and muted kinds; null where alert settings are not offered. */
  settings: AlertSettings | null;
  /** Subscription id → its own settings, for those that have some (they add to the chat's). */
  ownSettings: Record<string, AlertSettings>;
}

/**
 * quiet-off: no quiet hours (for a subscription: none even when the chat has some);
 * quiet-default: a subscription follows the chat's quiet hours again.
 */
export type AlertSettingsAction = 'shown' | 'quiet-set' | 'quiet-off' | 'quiet-default' | 'muted' | 'unmuted';

/** One subscription's settings: what it says itself, and what applies to it with the chat's. */
export interface SubscriptionSettings {
  subscription: Subscription;
  /** Its own entry: kinds muted for it alone, its own quiet hours, or its own "none". */
  own: AlertSettings;
  /** What the alert engine applies: the chat's muted kinds and its own, its quiet hours or else the chat's. */
  effective: AlertSettings;
}

export interface AlertSettingsReply extends ReplyBase {
  type: 'alert-settings';
  target: DeliveryTarget;
  action: AlertSettingsAction;
  /** False when the command asked for what already was so (nothing was written). */
  changed: boolean;
  /** The kinds `/mute` or `/unmute` named (all of them for `/unmute all`). */
  kinds: AlertKind[];
  /** The whole chat's settings (after the command, when it was about the whole chat). */
  settings: AlertSettings;
  /** The subscription the command was about ("for <id>"), after the command; null for the whole chat. */
  subscription: SubscriptionSettings | null;
}

/**
 * What became of an alert: sent; being sent right now; waiting for the chat's quiet hours to end;
 * retrying after a failed attempt; failed for good; or not delivered because the chat is gone.
 */
export type MissedState = 'sent' | 'sending' | 'quiet-hours' | 'retrying' | 'failed' | 'gone';

export interface MissedRow {
  message: NotifierMessage;
  state: MissedState;
  /** Why it failed or is being retried. */
  error: string | null;
  /** When it is due again (quiet hours end, next attempt). */
  nextAtMs: number | null;
  /** Failed attempts so far. */
  attempts: number;
  detectedAtMs: number;
}

export interface MissedReply extends ReplyBase {
  type: 'missed';
  target: DeliveryTarget;
  hours: number;
  /** The alert engine's clock when answered, and the start of the window. */
  nowMs: number;
  sinceMs: number;
  /** Newest first, at most `limit`. */
  rows: MissedRow[];
  limit: number;
  /** More alerts fell in the window than are shown. */
  more: boolean;
}

export interface StatusReply extends ReplyBase {
  type: 'status';
  version: number;
  committedAtMs: number;
  anchor: ChainAnchor;
  activeEra: number;
  counts: SnapshotCounts;
  /** The runtime the data was read under, and since when (null for versions written before). */
  runtime: RuntimeRecord | null;
  /** What the snapshot could not read, for the operator. */
  warnings: string[];
}

export interface HelpReply extends ReplyBase {
  type: 'help';
  topic: CommandSpec | null;
  commands: CommandSpec[];
  limits: { subscriptionsPerChat: number; addressSubscriptionsPerChat: number; inputChars: number };
}

/** `/start`: the greeting, what Herald does, and buttons to begin with (its actions). */
export interface StartReply extends ReplyBase {
  type: 'start';
  /** Whether a bare address sent here is answered as /stake (a Telegram private chat). */
  addressByMessage: boolean;
}

export interface ErrorReply extends ReplyBase {
  type: 'error';
  /** The command the line named, when it named one. */
  command: string | null;
  error: CommandError;
  usage: string | null;
}

export type Reply =
  | StakeReply
  | ValidatorReply
  | VotesReply
  | DelegateReply
  | EraReply
  | ReferendaReply
  | ReferendumReply
  | CallDataReply
  | TracksReply
  | SubscribedReply
  | UnsubscribedReply
  | SubscriptionsReply
  | AlertSettingsReply
  | MissedReply
  | StatusReply
  | HelpReply
  | StartReply
  | ErrorReply;

export type ReplyType = Reply['type'];
