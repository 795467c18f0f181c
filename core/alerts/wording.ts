/**
 * The wording every alert rule shares: accounts by their on-chain names (as the replies show them),
 * relay blocks as moments (6 s a block), planck as KSM, track labels and lead times. The platforms
 * render and escape the text.
 */
import { formatBalance, formatKsm } from '../format/balance.js';
import type { AccountNames } from '../identity/identity-types.js';
import { accountLabel } from '../identity/label.js';
import { trackDisplayName } from '../opengov/tracks.js';
import { formatLeadMinutes } from '../subscriptions/lead-times.js';
import type { BlockAt } from './scope.js';
import { at, type Span } from './spans.js';

/** What a rule's message may read besides its facts. */
export interface RuleWording {
  /** "Small Spender (track 32)", "track 32" when the name is unknown, "track unknown" for null. */
  track(track: number | null): string;
  /** "Display ✓ (EXd2LJ…7WVd)", "Parent/child (…)", or "EXd2LJ…7WVd" without a name. */
  account(address: string): string;
}

/** An account as every alert shows it: its on-chain name beside the short address, as the replies do. */
export function accountWording(address: string, names: AccountNames | undefined): string {
  return accountLabel(address, names, false);
}

/** Planck (a decimal string) as KSM; the raw text when it is not a number. */
export function ksm(planck: string): string {
  try {
    return formatKsm(BigInt(planck));
  } catch {
    return `${planck} planck`;
  }
}

/** An amount of an asset in its smallest unit (a decimal string) as text: "20,000 USDT", "5 KSM". */
export function assetAmount(amount: string, decimals: number, symbol: string): string {
  try {
    return formatBalance(BigInt(amount), { decimals, symbol });
  } catch {
    return `${amount} (smallest unit of ${symbol})`;
  }
}

/** A relay block as its moment (the platforms show the time; the block number stays on the explorers). */
export function blockTime(block: BlockAt): Span[] {
  return [at(block.atMs)];
}

/** "EXd2LJ…7WVd": the replies' short form. */
export { shortAddress } from '../identity/label.js';

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
