/** Shared OpenGov plumbing: track lookup with a clear refusal, evaluation contexts, cached list rows. */
import { fail, ok, type Parsed, quote } from '../../core/commands/errors.js';
import type { EvaluationContext } from '../../core/opengov/context.js';
import { evaluateReferendum } from '../../core/opengov/evaluate.js';
import { findTrack, trackName } from '../../core/opengov/tracks.js';
import { referendumRow, trackLabel } from '../../core/reply/index.js';
import type { ReferendumRow } from '../../core/reply/reply-types.js';
import type { ReferendumInfo, TrackInfo } from '../../core/types/governance.js';
import type { CommandContext } from './context.js';
import { type Frame, referendaIndexOf, tracksOf } from './frame.js';
import { activeIssuance } from './reply-base.js';

export function resolveTrack(
  query: string,
  tracks: readonly TrackInfo[],
  example: string,
): Parsed<TrackInfo> {
  const track = findTrack(tracks, query);
  if (track) return ok(track);
  const names = tracks.map((t) => `${t.id} ${trackName(t.name)}`).join(', ');
  return fail(
    'unknown-track',
    `${quote(query)} is not a track. Tracks: ${names || 'none in this snapshot'}.`,
    `Name a track by id or name, e.g. ${example}; /tracks lists them.`,
    query,
  );
}

export function evaluationContext(
  frame: Frame,
  extra: Pick<EvaluationContext, 'decidingCount' | 'queuePosition'> = {},
): EvaluationContext {
  return {
    relayBlock: frame.freshness.relayBlock,
    timestampMs: frame.freshness.chainTimeMs,
    activeIssuance: activeIssuance(frame),
    ...extra,
  };
}

/** Deciding referenda per track, counted from the ongoing list (what `referenda.decidingCount` holds). */
export function decidingCounts(ongoing: ReadonlyArray<{ track: number; info: ReferendumInfo }>) {
  const counts = new Map<number, number>();
  for (const r of ongoing) {
    if (r.info.status === 'ongoing' && r.info.deciding !== null)
      counts.set(r.track, (counts.get(r.track) ?? 0) + 1);
  }
  return counts;
}

/** Every ongoing referendum evaluated once per snapshot version, ordered by id. */
export function ongoingRows(ctx: CommandContext, frame: Frame): Promise<ReferendumRow[] | null> {
  return ctx.cache.get(frame.pointer.version, 'ongoing-rows', async () => {
    const [index, tracks] = await Promise.all([referendaIndexOf(ctx, frame), tracksOf(ctx, frame)]);
    if (!index) return null;
    const byId = new Map(tracks.map((t) => [t.id, t]));
    const deciding = decidingCounts(index.ongoing);
    return index.ongoing.map((r) => {
      const track = byId.get(r.track);
      const view = evaluateReferendum(
        r.info,
        track,
        evaluationContext(frame, { decidingCount: deciding.get(r.track) ?? 0 }),
      );
      return referendumRow(view, track ? trackLabel(track) : null, r.proposal, frame.freshness.chainTimeMs);
    });
  });
}
