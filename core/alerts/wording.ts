/**
 * The wording every alert rule shares: short addresses, relay blocks as times (6 s a block),
 * planck as KSM, track labels and lead times. The platforms render and escape the text.
 */
import { formatKsm } from '../format/balance.js';
import { formatDuration } from '../format/duration.js';
import { formatInteger } from '../format/number.js';
import { trackDisplayName } from '../opengov/tracks.js';
import { formatLeadMinutes } from '../subscriptions/lead-times.js';
import type { BlockAt } from './scope.js';

/** What a rule's message may read besides its facts. */
export interface RuleWording {
  nowMs: number;
  /** "Small Spender (track 32)", "track 32" when the name is unknown, "track unknown" for null. */
  track(track: number | null): string;
}

/** Planck (a decimal string) as KSM; the raw text when it is not a number. */
export function ksm(planck: string): string {
  try {
    return formatKsm(BigInt(planck));
  } catch {
    return `${planck} planck`;
  }
}

/** "block 31,562,213, 2026-01-05 14:00 UTC (in 3 h)". */
export function blockTime(at: BlockAt, nowMs: number): string {
  const delta = at.atMs - nowMs;
  const iso = new Date(at.atMs).toISOString().slice(0, 16).replace('T', ' ');
  const rel = delta >= 0 ? `in ${formatDuration(delta)}` : `${formatDuration(-delta)} ago`;
  return `block ${formatInteger(at.block)}, ${iso} UTC (${rel})`;
}

/** "HNZata…h9PsAE" for long addresses. */
export function shortAddress(address: string): string {
  return address.length > 16 ? `${address.slice(0, 6)}…${address.slice(-6)}` : address;
}

export function trackLabel(
  track: number | null,
  trackNames: ReadonlyMap<number, string> | undefined,
  known?: string,
): string {
  if (track === null) return 'track unknown';
  const name = trackNames?.get(track) ?? known;
  return name ? `${trackDisplayName(name)} (track ${track})` : `track ${track}`;
}

/** 1440 → "1d", 90 → "90m". */
export const leadTime = formatLeadMinutes;

/** "1 era", "3 eras". */
export function plural(count: number, word: string): string {
  return `${count} ${word}${count === 1 ? '' : 's'}`;
}
