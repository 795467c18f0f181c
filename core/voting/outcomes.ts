/**
 * How each referendum ended, as conviction voting sees it (`Polling::access_poll` of
 * pallet_referenda): Approved and Rejected are completed polls with their end block; Cancelled,
 * TimedOut, Killed and a missing referendum are no poll at all, so a vote on them locks nothing.
 */
import type { EndedStatus, ReferendumInfo } from '../types/governance.js';

export type ReferendumOutcome =
  | { status: 'ongoing'; track: number }
  | { status: EndedStatus; block: number }
  | { status: 'unknown' };

/** Ended referenda by id: status and end block. The snapshot stores it as one small entity. */
export type ReferendumOutcomes = Record<number, { status: EndedStatus; block: number }>;

export type OutcomeLookup = (referendum: number) => ReferendumOutcome;

export function endedOutcomes(referenda: Readonly<Record<number, ReferendumInfo>>): ReferendumOutcomes {
  const out: ReferendumOutcomes = {};
  for (const info of Object.values(referenda))
    if (info.status !== 'ongoing') out[info.id] = { status: info.status, block: info.block };
  return out;
}

/** Lookup over the ended referenda and the ongoing ones (id → track). */
export function outcomeLookup(
  ended: Readonly<ReferendumOutcomes>,
  ongoing: ReadonlyMap<number, number>,
): OutcomeLookup {
  return (id) => {
    const track = ongoing.get(id);
    if (track !== undefined) return { status: 'ongoing', track };
    const done = ended[id];
    return done ? { status: done.status, block: done.block } : { status: 'unknown' };
  };
}
