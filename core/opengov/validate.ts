/**
 * Input checks for `evaluateReferendum`: every malformed value maps to an issue code, so the
 * evaluation never meets a value it cannot compute with.
 */
import type { Curve, OngoingReferendum, TrackInfo } from '../types/governance.js';
import type { EvaluationContext } from './context.js';
import type { OpenGovIssueCode } from './errors.js';

export function isBlock(n: unknown): n is number {
  return typeof n === 'number' && Number.isSafeInteger(n) && n >= 0;
}

function isAmount(n: unknown): n is bigint {
  return typeof n === 'bigint' && n >= 0n;
}

function isCurve(curve: unknown): curve is Curve {
  if (typeof curve !== 'object' || curve === null) return false;
  const c = curve as Record<string, unknown>;
  const parts = (...keys: string[]) => keys.every((k) => typeof c[k] === 'number' && Number.isFinite(c[k]));
  const fixed = (...keys: string[]) => keys.every((k) => typeof c[k] === 'bigint');
  switch (c.type) {
    case 'LinearDecreasing':
      return parts('length', 'floor', 'ceil');
    case 'SteppedDecreasing':
      return parts('begin', 'end', 'step', 'period');
    case 'Reciprocal':
      return fixed('factor', 'xOffset', 'yOffset');
    default:
      return false;
  }
}

export function contextIssue(ctx: EvaluationContext | undefined): OpenGovIssueCode | null {
  if (
    !ctx ||
    !isBlock(ctx.relayBlock) ||
    typeof ctx.timestampMs !== 'number' ||
    !Number.isFinite(ctx.timestampMs)
  ) {
    return 'badInput';
  }
  return null;
}

export function trackIssue(track: TrackInfo | undefined, trackId: number): OpenGovIssueCode | null {
  if (!track) return 'unknownTrack';
  if (track.id !== trackId) return 'trackMismatch';
  const periodsOk =
    isBlock(track.decisionPeriod) &&
    track.decisionPeriod > 0 &&
    isBlock(track.preparePeriod) &&
    isBlock(track.confirmPeriod) &&
    isBlock(track.minEnactmentPeriod) &&
    isBlock(track.maxDeciding);
  return periodsOk && isCurve(track.minApproval) && isCurve(track.minSupport) ? null : 'badTrack';
}

export function ongoingIssue(ref: OngoingReferendum): OpenGovIssueCode | null {
  const enactment = ref.enactment as { kind?: unknown; block?: unknown; blocks?: unknown } | undefined;
  const enactmentOk =
    (enactment?.kind === 'At' && isBlock(enactment.block)) ||
    (enactment?.kind === 'After' && isBlock(enactment.blocks));
  const deciding = ref.deciding;
  const decidingOk =
    deciding === null ||
    (typeof deciding === 'object' &&
      isBlock(deciding.since) &&
      (deciding.confirming === null || isBlock(deciding.confirming)));
  if (
    !isBlock(ref.id) ||
    !isBlock(ref.track) ||
    !isBlock(ref.submitted) ||
    !enactmentOk ||
    !decidingOk ||
    !(ref.alarm === null || isBlock(ref.alarm))
  ) {
    return 'badInput';
  }
  const tally = ref.tally;
  if (!tally || !isAmount(tally.ayes) || !isAmount(tally.nays) || !isAmount(tally.support)) return 'badTally';
  return null;
}
