/**
 * Reply intents: what a command answers, as data. The Discord and Telegram bots and the plain-text
 * renderer each turn them into their own messages; no reply holds prose except an error's message.
 * Inline actions carry the command line a button runs (at most 64 bytes, Telegram's callback limit).
 */

import type { CommandSpec } from '../commands/command-spec.js';
import type { ReferendaStatus } from '../commands/command-types.js';
import type { CommandError } from '../commands/errors.js';
import type { AccountNames } from '../identity/identity-types.js';
import type { Link } from '../links/urls.js';
import type { ChartData } from '../opengov/chart-data.js';
import type { BlockTime } from '../opengov/time.js';
import type { TrackSummary } from '../opengov/tracks.js';
import type { NextEvent, PreparingReason, ReferendumView } from '../opengov/view.js';
import type { RuntimeRecord } from '../snapshot/runtime-record.js';
import type { AccountView } from '../staking/account-view.js';
import type { EraView } from '../staking/era-view.js';
import type { ValidatorView } from '../staking/validator-view.js';
import type { EndedStatus, ReferendumInfo } from '../types/governance.js';
import type { ChainAnchor, SnapshotCounts } from '../types/snapshot.js';
import type { Address } from '../types/staking.js';
import type { CallDataReply } from './calldata-reply.js';
import type { Freshness } from './freshness.js';
import type { CoretimeReply, CrowdloanReply, ParachainsReply, ParaReply } from './parachain-replies.js';
import type {
  AlertSettingsAction,
  AlertSettingsReply,
  MissedReply,
  MissedRow,
  MissedState,
  SubscribedReply,
  SubscriptionSettings,
  SubscriptionsReply,
  UnsubscribedReply,
} from './subscription-replies.js';
import type {
  BountiesReply,
  BountyReply,
  SpendReply,
  SpendsReply,
  TreasuryReply,
} from './treasury-replies.js';
import type { DelegateReply, VotesReply } from './voting-replies.js';

export type {
  AlertSettingsAction,
  AlertSettingsReply,
  BountiesReply,
  BountyReply,
  CoretimeReply,
  CrowdloanReply,
  DelegateReply,
  MissedReply,
  MissedRow,
  MissedState,
  ParachainsReply,
  ParaReply,
  SpendReply,
  SpendsReply,
  SubscribedReply,
  SubscriptionSettings,
  SubscriptionsReply,
  TreasuryReply,
  UnsubscribedReply,
  VotesReply,
};

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
  | TreasuryReply
  | SpendsReply
  | SpendReply
  | BountiesReply
  | BountyReply
  | ParachainsReply
  | ParaReply
  | CoretimeReply
  | CrowdloanReply
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
