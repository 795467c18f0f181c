/**
 * What `evaluateReferendum` returns: a view per phase, discriminated by `phase`. Perbill values
 * are parts of a billion (number); every block comes with its estimated wall-clock time.
 */
import type { EndedStatus, Tally } from '../types/governance.js';
import type { OpenGovIssue, OpenGovIssueCode } from './errors.js';
import type { BlockTime } from './time.js';

export type PreparingReason =
  /** The decision deposit is placed; the prepare period has not passed. */
  | 'preparePeriod'
  /** Nobody has placed the decision deposit; it times out undecided. */
  | 'decisionDeposit'
  /** Waiting in the track queue behind `maxDeciding` deciding referenda. */
  | 'trackQueue'
  /** Ready, with a free slot: it starts deciding when the pallet next services it. */
  | 'decisionSlot';

/** The tally measured against the track's curves at one point of the decision period. */
export interface Assessment {
  /** Blocks into the decision period, capped at the period. */
  elapsed: number;
  /** Decision-period progress as the pallet computes it (Perbill, rounded down). */
  x: number;
  tally: Tally;
  approval: number;
  support: number;
  approvalThreshold: number;
  supportThreshold: number;
  approvalPassing: boolean;
  supportPassing: boolean;
  passing: boolean;
  /** Value minus threshold in Perbill parts: negative means short by that much. */
  approvalMargin: number;
  supportMargin: number;
  /** Extra conviction-weighted aye votes needed to meet the approval threshold; null if ayes alone cannot. */
  ayesShort: bigint | null;
  /** Extra aye capital (planck) needed to meet the support threshold. */
  supportShort: bigint;
}

export interface Projection {
  /** First block at or after now (or the start of deciding) at which `is_passing` holds with this tally. */
  firstPassing: BlockTime | null;
  /** When confirmation started or would start if the tally holds (see `project`). */
  confirmStart: BlockTime | null;
  /** Earliest approval if the tally holds: confirmation start plus `confirmPeriod`; null means never. */
  approval: BlockTime | null;
  /** Enactment if approved at `approval`. */
  enactment: BlockTime | null;
  /** The alarm the pallet sets for this tally: its confirm end, or `decision_time`. */
  palletAlarm: BlockTime;
  /** The pallet's alarm falls before the first passing block, so it wakes too early to confirm. */
  alarmBeforePassing: boolean;
}

export interface KeyBlocks {
  submitted: BlockTime;
  prepareEnd: BlockTime;
  undecidingTimeout: BlockTime;
  decisionStart: BlockTime | null;
  decisionEnd: BlockTime | null;
  confirmEnd: BlockTime | null;
  alarm: BlockTime | null;
}

export type NextEventKind =
  | 'decisionStart'
  | 'queued'
  | 'confirmStart'
  | 'confirmAbort'
  | 'approved'
  | 'rejected'
  | 'timedOut';

/** The pallet's next transition if the tally holds; `at` may be in the past when a service is due. */
export interface NextEvent {
  event: NextEventKind;
  at: BlockTime;
}

interface OngoingBase {
  id: number;
  track: number;
  now: BlockTime;
  keyBlocks: KeyBlocks;
  assessment: Assessment;
  projection: Projection | null;
  next: NextEvent | null;
  issues: OpenGovIssue[];
}

export interface PreparingView extends OngoingBase {
  phase: 'preparing';
  reason: PreparingReason;
  /** 1 = next out of the track queue; null when not queued or unknown. */
  queuePosition: number | null;
}

export interface DecidingView extends OngoingBase {
  phase: 'deciding' | 'confirming';
}

export interface EndedView {
  phase: EndedStatus;
  id: number;
  track: number | null;
  ended: BlockTime;
  /** Enactment of an approved referendum, when its requested enactment is known. */
  enactment: BlockTime | null;
  issues: OpenGovIssue[];
}

export interface UnavailableView {
  phase: 'unavailable';
  id: number | null;
  reason: OpenGovIssueCode;
  message: string;
  issues: OpenGovIssue[];
}

export type ReferendumView = PreparingView | DecidingView | EndedView | UnavailableView;
export type OngoingView = PreparingView | DecidingView;
