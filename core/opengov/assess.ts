/**
 * A tally measured against a track's curves, and the enactment rule for approved referenda.
 */
import type { DispatchTime, Tally, TrackInfo } from '../types/governance.js';
import { curveThreshold } from './curve.js';
import { decisionProgress } from './decision.js';
import { approvalOf, ayesShortfall, supportOf, supportShortfall } from './tally.js';
import type { Assessment } from './view.js';

/** The tally at `elapsed` blocks into the decision period (clamped to [0, period], as the pallet does). */
export function assessTally(
  track: TrackInfo,
  tally: Tally,
  activeIssuance: bigint,
  elapsed: number,
): Assessment {
  const capped = Math.min(Math.max(elapsed, 0), track.decisionPeriod);
  const x = decisionProgress(capped, track.decisionPeriod);
  const approval = approvalOf(tally);
  const support = supportOf(tally, activeIssuance);
  const approvalThreshold = curveThreshold(track.minApproval, x);
  const supportThreshold = curveThreshold(track.minSupport, x);
  const approvalPassing = approval >= approvalThreshold;
  const supportPassing = support >= supportThreshold;
  return {
    elapsed: capped,
    x,
    tally,
    approval,
    support,
    approvalThreshold,
    supportThreshold,
    approvalPassing,
    supportPassing,
    passing: approvalPassing && supportPassing,
    approvalMargin: approval - approvalThreshold,
    supportMargin: support - supportThreshold,
    ayesShort: ayesShortfall(tally, approvalThreshold),
    supportShort: supportShortfall(tally, activeIssuance, supportThreshold),
  };
}

/**
 * The block an approved proposal is scheduled for: the requested time, but no earlier than
 * `minEnactmentPeriod` after approval (`schedule_enactment`).
 */
export function enactmentBlock(enactment: DispatchTime, approvedAt: number, track: TrackInfo): number {
  const desired = enactment.kind === 'At' ? enactment.block : approvedAt + enactment.blocks;
  return Math.max(desired, approvedAt + track.minEnactmentPeriod);
}
