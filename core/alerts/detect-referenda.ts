/**
 * Referendum phase changes, read off the previous and the new state of each referendum that
 * changed. Every transition the two states imply is reported, so a referendum that was submitted
 * and started deciding between two snapshots gives both alerts; nothing depends on seeing events.
 */
import { enactmentBlock } from '../opengov/assess.js';
import type { OngoingReferendum, ReferendumInfo, TrackInfo } from '../types/governance.js';
import type { Alert } from './alert-types.js';
import { blockAt, type DetectionClock, makeAlert } from './detect-context.js';
import { confirmAbortedId, confirmStartedId, referendumAlertId } from './identity.js';

/** The part of the store's referendum entity detection reads. */
export interface ReferendumRecord {
  info: ReferendumInfo;
  proposal: string | null;
}

export interface ReferendumChange {
  id: number;
  before: ReferendumRecord | undefined;
  after: ReferendumRecord | undefined;
}

function ongoing(record: ReferendumRecord | undefined): OngoingReferendum | null {
  return record?.info.status === 'ongoing' ? record.info : null;
}

export function referendumAlerts(
  changes: readonly ReferendumChange[],
  tracks: readonly TrackInfo[],
  clock: DetectionClock,
): Alert[] {
  const trackOf = new Map(tracks.map((t) => [t.id, t]));
  const alerts: Alert[] = [];
  for (const { id, before, after } of changes) {
    if (!after || !Number.isInteger(id) || id < 0) continue;
    const was = ongoing(before);
    const info = after.info;
    if (info.status === 'ongoing') {
      const track = trackOf.get(info.track);
      const scope = { type: 'referendum', referendum: id, track: info.track } as const;
      if (!before)
        alerts.push(
          makeAlert(clock, referendumAlertId(id, 'submitted'), 'info', scope, {
            kind: 'ref-submitted',
            referendum: id,
            track: info.track,
            proposal: after.proposal,
          }),
        );
      if (info.deciding && !was?.deciding)
        alerts.push(
          makeAlert(clock, referendumAlertId(id, 'deciding'), 'info', scope, {
            kind: 'ref-decision-started',
            referendum: id,
            track: info.track,
            decisionEnd: track ? blockAt(clock, info.deciding.since + track.decisionPeriod) : null,
          }),
        );
      const wasConfirming = was?.deciding?.confirming ?? null;
      const confirming = info.deciding?.confirming ?? null;
      if (wasConfirming !== null && wasConfirming !== confirming)
        alerts.push(
          makeAlert(clock, confirmAbortedId(id, wasConfirming), 'warning', scope, {
            kind: 'ref-confirm-aborted',
            referendum: id,
            track: info.track,
            decisionEnd:
              track && info.deciding ? blockAt(clock, info.deciding.since + track.decisionPeriod) : null,
          }),
        );
      if (confirming !== null && confirming !== wasConfirming)
        alerts.push(
          makeAlert(clock, confirmStartedId(id, confirming), 'info', scope, {
            kind: 'ref-confirm-started',
            referendum: id,
            track: info.track,
            confirmEnd: blockAt(clock, confirming),
          }),
        );
      continue;
    }
    // Ended now. Only a change from ongoing (or from nothing) is news; an ended state never changes back.
    if (before && before.info.status !== 'ongoing') continue;
    const trackId = was?.track ?? null;
    const track = trackId === null ? undefined : trackOf.get(trackId);
    const scope = { type: 'referendum', referendum: id, track: trackId } as const;
    if (info.status === 'approved') {
      const enactment =
        was && track ? blockAt(clock, enactmentBlock(was.enactment, info.block, track)) : null;
      alerts.push(
        makeAlert(clock, referendumAlertId(id, 'approved'), 'info', scope, {
          kind: 'ref-approved',
          referendum: id,
          track: trackId,
          approved: blockAt(clock, info.block),
          enactment,
        }),
      );
    } else {
      alerts.push(
        makeAlert(clock, referendumAlertId(id, info.status), 'info', scope, {
          kind: 'ref-ended',
          referendum: id,
          track: trackId,
          outcome: info.status,
          ended: blockAt(clock, info.block),
        }),
      );
    }
  }
  return alerts;
}
