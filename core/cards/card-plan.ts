/**
 * What the card job does with one (target, referendum) at one snapshot version: the pure decision
 * from the card's record, whether the target's subscription covers the referendum, where the
 * referendum stands and the hash of what the card would show now.
 */
import { type CardRecord, isFinalCard } from './card-model.js';

/** Where the referendum stands in the version: ongoing on a track, ended, or not in the snapshot. */
export type ReferendumStanding = { type: 'ongoing'; track: number } | { type: 'ended' } | { type: 'absent' };

export interface CardSituation {
  record: CardRecord | undefined;
  standing: ReferendumStanding;
  /** The target's card subscriptions cover the referendum (its track, or all tracks). */
  covered: boolean;
  /** The snapshot version the job runs for. */
  version: number;
  /** Hash of the card's content at this version (null when it could not be rendered). */
  hash: string | null;
  nowMs: number;
}

export type CardPlan =
  /** Send a new card (no record, a claim that never sent, or a deleted card's replacement). */
  | { action: 'create' }
  /** A retired card wanted again (subscribed again, the bot back): a new card, a new generation. */
  | { action: 'reopen' }
  /** A create whose answer was lost: find the message it made before anything else. */
  | { action: 'resolve' }
  /** The message shows something else: edit it. */
  | { action: 'edit' }
  /** The referendum ended: the final edit with the outcome, then never again. */
  | { action: 'close' }
  /** Stop touching the card (no platform call). */
  | { action: 'retire'; reason: string }
  | { action: 'skip'; reason: string };

const skip = (reason: string): CardPlan => ({ action: 'skip', reason });

export function planCard(s: CardSituation): CardPlan {
  const r = s.record;
  if (!r) {
    if (s.standing.type !== 'ongoing') return skip('no card and the referendum is not ongoing');
    if (!s.covered) return skip('not covered by a card subscription');
    return s.hash === null ? skip('nothing to show') : { action: 'create' };
  }
  if (r.state === 'retired' && s.standing.type === 'ongoing' && s.covered && s.hash !== null)
    return { action: 'reopen' };
  if (isFinalCard(r)) return skip(`the card is ${r.state}`);
  if (r.leaseUntilMs !== null && r.leaseUntilMs >= s.nowMs) return skip('another job holds the card');
  if (r.state === 'sending') return { action: 'resolve' };
  if (r.state === 'claimed') {
    // The last holder never sent: nothing exists on the platform.
    if (s.standing.type !== 'ongoing' || !s.covered)
      return { action: 'retire', reason: 'never sent, and no longer wanted' };
    return { action: 'create' };
  }
  // live
  if (s.standing.type === 'absent') return { action: 'retire', reason: 'the referendum left the snapshot' };
  if (s.standing.type === 'ended') return s.hash === null ? skip('nothing to show') : { action: 'close' };
  if (!s.covered) return { action: 'retire', reason: 'the card subscription was removed' };
  if (r.version >= s.version) return skip('this version is applied');
  if (s.hash === null) return skip('nothing to show');
  return r.hash === s.hash ? skip('unchanged') : { action: 'edit' };
}

/** Does a target's set of card subscription tracks (null = all) cover a track? */
export function coversTrack(tracks: ReadonlyArray<number | null>, track: number): boolean {
  return tracks.some((t) => t === null || t === track);
}
