/**
 * How an address is shown, in replies and in alerts alike: through its on-chain name when one is
 * known, else bare. A name always sits beside the short address, so a copied name cannot pass as
 * the real account.
 */
import type { AccountNames } from './identity-types.js';

/** "EXd2LJ…7WVd": the first six and last four characters. */
export function shortAddress(address: string): string {
  return address.length > 14 ? `${address.slice(0, 6)}…${address.slice(-4)}` : address;
}

/** "Display ✓", "Parent/child", or null without a name. */
export function displayName(address: string, names: AccountNames | undefined): string | null {
  const n = names?.[address];
  if (!n) return null;
  const shown = n.sub ? `${n.display}/${n.sub}` : n.display;
  return n.verified ? `${shown} ✓` : shown;
}

/**
 * `Display ✓ (EXd2LJ…7WVd)` when verified, `Display (EXd2LJ…7WVd)` otherwise, `Parent/child (…)` for
 * a sub-identity; the bare address without a name (shortened unless `full`).
 */
export function accountLabel(address: string, names: AccountNames | undefined, full = true): string {
  const name = displayName(address, names);
  if (name !== null) return `${name} (${shortAddress(address)})`;
  return full ? address : shortAddress(address);
}
