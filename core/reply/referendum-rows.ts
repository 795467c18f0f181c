/** `/referenda` rows from the OpenGov engine's views, and the status filter over them. */
import type { ReferendaStatus } from '../commands/command-types.js';
import type { ReferendumView } from '../opengov/view.js';
import type { ReferendumRow, TrackLabel } from './reply-types.js';

export function referendumRow(
  view: ReferendumView,
  track: TrackLabel | null,
  proposal: string | null,
  nowMs: number,
): ReferendumRow {
  if (view.phase === 'preparing' || view.phase === 'deciding' || view.phase === 'confirming') {
    const next = view.next;
    return {
      id: view.id,
      track,
      phase: view.phase,
      reason: view.phase === 'preparing' ? view.reason : null,
      queuePosition: view.phase === 'preparing' ? view.queuePosition : null,
      next,
      timeLeftMs: next ? Math.max(0, next.at.atMs - nowMs) : null,
      // A preparing referendum is not judged yet: its tally is only measured against day 0.
      passing: view.phase === 'preparing' ? null : view.assessment.passing,
      approval: view.assessment.approval,
      support: view.assessment.support,
      proposal,
    };
  }
  return {
    id: view.id ?? -1,
    track,
    phase: 'unavailable',
    reason: null,
    queuePosition: null,
    next: null,
    timeLeftMs: null,
    passing: null,
    approval: null,
    support: null,
    proposal,
  };
}

/** Does an ongoing row belong in the list for this status? */
export function rowMatches(row: ReferendumRow, status: ReferendaStatus): boolean {
  switch (status) {
    case 'ongoing':
    case 'all':
      return true;
    case 'ended':
    case 'approved':
    case 'rejected':
    case 'cancelled':
    case 'timedout':
    case 'killed':
      return false;
    case 'queued':
      return row.phase === 'preparing' && row.reason === 'trackQueue';
    case 'preparing':
      return row.phase === 'preparing' && row.reason !== 'trackQueue';
    case 'deciding':
    case 'confirming':
      return row.phase === status;
  }
}
