/**
 * The deadline source, from the clock: a deciding referendum's decision-period end and a
 * confirming one's confirm end. Only referenda still ongoing in the new snapshot count, and only
 * ends still ahead of now, so an ended referendum never gets a deadline alert.
 */

import { RELAY_BLOCK_MS } from '../kusama/constants.js';
import type { OngoingReferendum, TrackInfo } from '../types/governance.js';
import { type DetectionClock, nowBlock } from './detect-context.js';
import type { DeadlineKind } from './scope.js';

export interface UpcomingDeadline {
  referendum: number;
  track: number;
  deadline: DeadlineKind;
  /** Relay block of the end. */
  end: number;
  remainingMs: number;
}

/** The ends ahead of now of every ongoing referendum, soonest first. */
export function upcomingDeadlines(
  referenda: readonly OngoingReferendum[],
  tracks: readonly TrackInfo[],
  clock: DetectionClock,
): UpcomingDeadline[] {
  const trackOf = new Map(tracks.map((t) => [t.id, t]));
  const now = nowBlock(clock);
  const out: UpcomingDeadline[] = [];
  const add = (ref: OngoingReferendum, deadline: DeadlineKind, end: number) => {
    if (end > now)
      out.push({
        referendum: ref.id,
        track: ref.track,
        deadline,
        end,
        remainingMs: (end - now) * RELAY_BLOCK_MS,
      });
  };
  for (const ref of referenda) {
    if (ref?.status !== 'ongoing' || !ref.deciding) continue;
    const track = trackOf.get(ref.track);
    if (track) add(ref, 'decision', ref.deciding.since + track.decisionPeriod);
    if (ref.deciding.confirming !== null) add(ref, 'confirm', ref.deciding.confirming);
  }
  return out.sort((a, b) => a.end - b.end || a.referendum - b.referendum);
}

/** The smallest lead time whose window holds `remainingMs`, or null when none does. */
export function applicableLead(leads: readonly number[], remainingMs: number): number | null {
  let best: number | null = null;
  for (const lead of leads) {
    if (remainingMs > 0 && remainingMs <= lead * 60_000 && (best === null || lead < best)) best = lead;
  }
  return best;
}
