/**
 * Views of referenda in their decision period: deciding, or confirming.
 */
import type { DecidingStatus, OngoingReferendum, TrackInfo } from '../types/governance.js';
import { assessTally } from './assess.js';
import { at, type EvaluationContext } from './context.js';
import type { OpenGovIssue } from './errors.js';
import { keyBlocksOf } from './key-blocks.js';
import { project } from './project.js';
import type { DecidingView, NextEvent, Projection } from './view.js';

function nextEvent(
  ctx: EvaluationContext,
  deciding: DecidingStatus,
  decisionEnd: number,
  projection: Projection,
): NextEvent {
  const now = ctx.relayBlock;
  if (deciding.confirming !== null) {
    if (projection.approval?.block === deciding.confirming)
      return { event: 'approved', at: projection.approval };
    // Not passing when the confirm-end alarm fires.
    const abortAt = at(ctx, Math.max(now, deciding.confirming));
    return { event: abortAt.block >= decisionEnd ? 'rejected' : 'confirmAbort', at: abortAt };
  }
  if (projection.confirmStart) return { event: 'confirmStart', at: projection.confirmStart };
  return { event: 'rejected', at: at(ctx, decisionEnd) };
}

export function decidingView(
  ref: OngoingReferendum,
  deciding: DecidingStatus,
  track: TrackInfo,
  ctx: EvaluationContext,
  issues: OpenGovIssue[],
): DecidingView {
  const now = ctx.relayBlock;
  const assessment = assessTally(track, ref.tally, ctx.activeIssuance, now - deciding.since);
  const state = { since: deciding.since, confirming: deciding.confirming, started: true };
  const projection = project(ref, track, ctx, state, assessment, Math.max(now, deciding.since));
  const decisionEnd = deciding.since + track.decisionPeriod;
  return {
    phase: deciding.confirming === null ? 'deciding' : 'confirming',
    id: ref.id,
    track: ref.track,
    now: at(ctx, now),
    keyBlocks: keyBlocksOf(ref, track, ctx),
    assessment,
    projection,
    next: nextEvent(ctx, deciding, decisionEnd, projection),
    issues,
  };
}
