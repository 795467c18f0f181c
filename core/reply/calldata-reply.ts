/** `/calldata`: a referendum's vote calls, encoded for the runtime the snapshot read. */
import type { VoteCallRow } from '../voting/call-data.js';
import type { ReferendumTitle, ReplyBase, TrackLabel } from './reply-types.js';

export interface CallDataReply extends ReplyBase {
  type: 'calldata';
  referendum: number;
  title?: ReferendumTitle;
  /** Its track; null when the snapshot's tracks do not list it. */
  track: TrackLabel | null;
  /** The spec version the call indices were read under: the calls are valid while it runs. */
  specVersion: number;
  /** Relay blocks per lock period (VoteLockingPeriod). */
  voteLockingPeriod: number;
  calls: VoteCallRow[];
  /** No vote was asked for: aye and nay at 1x for 1 KSM, with how to ask for another. */
  example: boolean;
}
