/**
 * Wall-clock times for relay blocks: 6 s a block, anchored on the snapshot's relay block and its
 * timestamp. Asset Hub block numbers never enter this.
 */
import { RELAY_BLOCK_MS } from '../kusama/constants.js';

export interface BlockTime {
  block: number;
  /** Estimated wall-clock time of the block, ms since the epoch. */
  atMs: number;
}

export interface TimeAnchor {
  relayBlock: number;
  timestampMs: number;
}

export function blockTime(block: number, anchor: TimeAnchor): BlockTime {
  return { block, atMs: anchor.timestampMs + (block - anchor.relayBlock) * RELAY_BLOCK_MS };
}

/** Milliseconds that `blocks` relay blocks take. */
export function blocksToMs(blocks: number): number {
  return blocks * RELAY_BLOCK_MS;
}
