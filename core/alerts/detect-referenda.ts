/**
 * The referendum source: each referendum that changed, with its previous and new state. Every
 * transition the two states imply is reported, so a referendum that was submitted and started
 * deciding between two snapshots gives both alerts; nothing depends on seeing events.
 */
import type { EndedReferendum, OngoingReferendum, TrackInfo } from '../types/governance.js';
import type { DetectionSources, ReferendumRecord } from './rule-types.js';
import type { AlertScope } from './scope.js';

export interface ReferendumChange {
  id: number;
  before: ReferendumRecord | undefined;
  after: ReferendumRecord | undefined;
}

/** The source's inputs: changes to referenda that exist in the new version. */
export function referendumInputs(
  changes: readonly ReferendumChange[],
  tracks: readonly TrackInfo[],
): Array<DetectionSources['referendum']> {
  const trackOf = new Map(tracks.map((t) => [t.id, t]));
  return changes.flatMap(({ id, before, after }) =>
    after && Number.isInteger(id) && id >= 0 ? [{ id, before, after, tracks: trackOf }] : [],
  );
}

export function ongoingOf(record: ReferendumRecord | undefined): OngoingReferendum | null {
  return record?.info.status === 'ongoing' ? record.info : null;
}

export function referendumScope(referendum: number, track: number | null): AlertScope {
  return { type: 'referendum', referendum, track };
}

/**
 * A referendum that ended now, with what it was while ongoing. Only a change from ongoing (or from
 * nothing) is news; an ended state never changes back.
 */
export function endedNews({ id, before, after, tracks }: DetectionSources['referendum']): {
  id: number;
  info: EndedReferendum;
  was: OngoingReferendum | null;
  trackId: number | null;
  track: TrackInfo | undefined;
} | null {
  const info = after.info;
  if (info.status === 'ongoing' || (before && before.info.status !== 'ongoing')) return null;
  const was = ongoingOf(before);
  const trackId = was?.track ?? null;
  return { id, info, was, trackId, track: trackId === null ? undefined : tracks.get(trackId) };
}
