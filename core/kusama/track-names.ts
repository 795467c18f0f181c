/**
 * The names of Kusama's referenda tracks (Asset Hub `governance/tracks.rs`), for words that must
 * name a track without a snapshot at hand: slash-command choices, a subscription's description.
 * Answers about a referendum take the track from the snapshot, which decides.
 */
import { trackDisplayName } from '../opengov/tracks.js';

export const KUSAMA_TRACK_NAMES: ReadonlyArray<{ id: number; name: string }> = [
  { id: 0, name: 'root' },
  { id: 1, name: 'whitelisted_caller' },
  { id: 2, name: 'wish_for_change' },
  { id: 10, name: 'staking_admin' },
  { id: 11, name: 'treasurer' },
  { id: 12, name: 'lease_admin' },
  { id: 13, name: 'fellowship_admin' },
  { id: 14, name: 'general_admin' },
  { id: 15, name: 'auction_admin' },
  { id: 20, name: 'referendum_canceller' },
  { id: 21, name: 'referendum_killer' },
  { id: 30, name: 'small_tipper' },
  { id: 31, name: 'big_tipper' },
  { id: 32, name: 'small_spender' },
  { id: 33, name: 'medium_spender' },
  { id: 34, name: 'big_spender' },
];

/** "Treasurer (track 11)", or "track 99" for an id Kusama does not have. */
export function trackLabel(id: number): string {
  const known = KUSAMA_TRACK_NAMES.find((t) => t.id === id);
  return known ? `${trackDisplayName(known.name)} (track ${id})` : `track ${id}`;
}
