/**
 * The filter of a `treasury` subscription: an asset symbol and a minimum in whole units of it (or,
 * without an asset, a minimum KSM value), and whether a spend or bounty of some amount passes it.
 */
import { KSM_DECIMALS } from '../kusama/constants.js';

/** What passes for an asset symbol: a letter, then letters, digits or dots, 12 characters at most. */
export const ASSET_SYMBOL = /^[A-Za-z][A-Za-z0-9.]{0,11}$/;

/** A minimum as typed: digits with an optional fraction ("10000", "0.5"), thousands commas allowed. */
const AMOUNT = /^(?:[0-9]{1,3}(?:,[0-9]{3})+|[0-9]+)(?:\.[0-9]+)?$|^\.[0-9]+$/;

/** Most fraction digits a minimum may carry (the most an asset on Asset Hub uses). */
export const MAX_MIN_DECIMALS = 18;

export function looksLikeAmount(token: string): boolean {
  return AMOUNT.test(token);
}

/** "10,000.50" → "10000.5"; null for anything that is not a plain decimal amount. */
export function normaliseAmount(token: string): string | null {
  if (!AMOUNT.test(token)) return null;
  const plain = token.replace(/,/g, '');
  const [whole = '', fraction = ''] = plain.split('.');
  const w = whole.replace(/^0+(?=[0-9])/, '') || '0';
  const f = fraction.replace(/0+$/, '');
  return f.length > 0 ? `${w}.${f}` : w;
}

/** Whole units (a normalised decimal string) in the smallest unit of an asset with `decimals`; fractions below it are dropped. */
export function toSmallestUnit(amount: string, decimals: number): bigint {
  const [whole = '0', fraction = ''] = amount.split('.');
  const digits = fraction.slice(0, decimals).padEnd(decimals, '0');
  return BigInt(whole) * 10n ** BigInt(decimals) + BigInt(digits || '0');
}

/** What a treasury alert is about, as its filter sees it. */
export interface TreasuryAmount {
  /** The asset's symbol as the chain names it ("KSM", "USDt"). */
  asset: string;
  /** In the asset's smallest unit, a decimal string. */
  amount: string;
  decimals: number;
  /** The amount's value in planck (via AssetRate), null when the chain has no rate for the asset. */
  ksmValue: string | null;
}

/** Does `what` pass a subscription's asset and minimum? */
export function passesTreasuryFilter(
  filter: { asset: string | null; minAmount: string | null },
  what: TreasuryAmount,
): boolean {
  if (filter.asset !== null && filter.asset.toLowerCase() !== what.asset.toLowerCase()) return false;
  if (filter.minAmount === null) return true;
  if (filter.asset !== null) return BigInt(what.amount) >= toSmallestUnit(filter.minAmount, what.decimals);
  if (what.ksmValue === null) return true;
  return BigInt(what.ksmValue) >= toSmallestUnit(filter.minAmount, KSM_DECIMALS);
}
