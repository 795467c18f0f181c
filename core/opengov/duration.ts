/**
 * Relay block counts as human durations ("14 days", "2 hours 30 minutes") for track parameters
 * and countdowns.
 */
import { RELAY_BLOCKS_PER_DAY, RELAY_BLOCKS_PER_HOUR } from '../kusama/constants.js';

const BLOCKS_PER_MINUTE = RELAY_BLOCKS_PER_HOUR / 60;

function unit(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`;
}

/** The two largest non-zero units of a block count, rounded down to whole minutes. */
export function formatBlocks(blocks: number): string {
  if (!Number.isFinite(blocks) || blocks <= 0) return '0 minutes';
  const days = Math.floor(blocks / RELAY_BLOCKS_PER_DAY);
  const hours = Math.floor((blocks % RELAY_BLOCKS_PER_DAY) / RELAY_BLOCKS_PER_HOUR);
  const minutes = Math.floor((blocks % RELAY_BLOCKS_PER_HOUR) / BLOCKS_PER_MINUTE);
  const parts: string[] = [];
  if (days > 0) parts.push(unit(days, 'day'));
  if (hours > 0) parts.push(unit(hours, 'hour'));
  if (minutes > 0) parts.push(unit(minutes, 'minute'));
  if (parts.length === 0) return 'under a minute';
  return parts.slice(0, 2).join(' ');
}

/** Perbill parts as a percentage string with up to `digits` decimals, trailing zeros dropped. */
export function formatPerbill(parts: number, digits = 2): string {
  const pct = (parts / 1e7).toFixed(digits);
  return `${digits > 0 ? pct.replace(/\.?0+$/, '') : pct}%`;
}
