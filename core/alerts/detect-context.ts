/**
 * What every detector shares: the new version's identity and chain clock, and "now" from the
 * wall clock, both as milliseconds and as an estimated relay block.
 */

import { RELAY_BLOCK_MS } from '../kusama/constants.js';
import type { BlockAt } from './scope.js';

export interface DetectionClock {
  /** The committed version detection runs on. */
  version: number;
  /** The version's relay block and the chain timestamp at that block. */
  relayBlock: number;
  timestampMs: number;
  /** Wall-clock now, ms. */
  nowMs: number;
}

/** The relay block estimated to be current now (never before the snapshot's). */
export function nowBlock(clock: DetectionClock): number {
  const elapsed = Math.max(0, clock.nowMs - clock.timestampMs);
  return clock.relayBlock + Math.floor(elapsed / RELAY_BLOCK_MS);
}

export function blockAt(clock: DetectionClock, block: number): BlockAt {
  return { block, atMs: clock.timestampMs + (block - clock.relayBlock) * RELAY_BLOCK_MS };
}

/** Age of the data: wall clock minus the chain time it was read at. */
export function dataAgeMs(clock: DetectionClock): number {
  return Math.max(0, clock.nowMs - clock.timestampMs);
}
