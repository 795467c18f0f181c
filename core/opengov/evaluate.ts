/**
 * The OpenGov engine's entry point: a referendum, its track and the snapshot's clock in, a view of
 * its phase, tally, deadlines and projection out. Pure and total: bad input gives an
 * `unavailable` view, never an exception.
 */
import type { EndedReferendum, OngoingReferendum, ReferendumInfo, TrackInfo } from '../types/governance.js';
import { enactmentBlock } from './assess.js';
import { at, type EvaluationContext } from './context.js';
import { decidingView } from './deciding.js';
import { type OpenGovIssue, type OpenGovIssueCode, openGovIssue } from './errors.js';
import { preparingView } from './preparing.js';
import { contextIssue, isBlock, ongoingIssue, trackIssue } from './validate.js';
import type { EndedView, ReferendumView, UnavailableView } from './view.js';

const ENDED = new Set(['approved', 'rejected', 'cancelled', 'timedOut', 'killed']);

function unavailable(id: unknown, code: OpenGovIssueCode): UnavailableView {
  const issue = openGovIssue(code);
  return {
    phase: 'unavailable',
    id: isBlock(id) ? id : null,
    reason: code,
    message: issue.message,
    issues: [issue],
  };
}

function endedView(ref: EndedReferendum, track: TrackInfo | undefined, ctx: EvaluationContext): EndedView {
  const enactment =
    ref.status === 'approved' && track && ctx.enactment
      ? at(ctx, enactmentBlock(ctx.enactment, ref.block, track))
      : null;
  return {
    phase: ref.status,
    id: ref.id,
    track: track?.id ?? null,
    ended: at(ctx, ref.block),
    enactment,
    issues: [],
  };
}

function warnings(ref: OngoingReferendum, ctx: EvaluationContext): OpenGovIssue[] {
  const issues: OpenGovIssue[] = [];
  const now = ctx.relayBlock;
  if (now < ref.submitted || (ref.deciding !== null && now < ref.deciding.since)) {
    issues.push(openGovIssue('clockBehind'));
  }
  if (ref.tally.ayes + ref.tally.nays === 0n) issues.push(openGovIssue('noVotes'));
  if (ref.tally.support > ctx.activeIssuance) issues.push(openGovIssue('supportAboveIssuance'));
  return issues;
}

export function evaluateReferendum(
  ref: ReferendumInfo,
  track: TrackInfo | undefined,
  ctx: EvaluationContext,
): ReferendumView {
  if (typeof ref !== 'object' || ref === null) return unavailable(null, 'badInput');
  const ctxProblem = contextIssue(ctx);
  if (ctxProblem) return unavailable(ref.id, ctxProblem);
  if (ref.status !== 'ongoing') {
    if (!ENDED.has(ref.status) || !isBlock(ref.block) || !isBlock(ref.id))
      return unavailable(ref.id, 'badInput');
    return endedView(ref, track, ctx);
  }
  const problem = ongoingIssue(ref) ?? trackIssue(track, ref.track);
  if (problem) return unavailable(ref.id, problem);
  if (typeof ctx.activeIssuance !== 'bigint' || ctx.activeIssuance <= 0n)
    return unavailable(ref.id, 'zeroIssuance');
  const known = track as TrackInfo;
  const issues = warnings(ref, ctx);
  return ref.deciding === null
    ? preparingView(ref, known, ctx, issues)
    : decidingView(ref, ref.deciding, known, ctx, issues);
}
