/**
 * Planck → text. Integer arithmetic only: the integer part never passes through a float.
 * Default: 4 fraction digits, rounded half away from zero, trailing zeros dropped, thousands separators;
 * amounts too small for that show two significant digits (up to all 12 decimals).
 */
import { KSM_DECIMALS, KSM_SYMBOL } from '../kusama/constants.js';

export interface BalanceFormatOptions {
  /** Decimals of the token (12 for KSM). */
  decimals?: number;
  /** Most fraction digits shown (default 4). Use `decimals` for the exact amount. */
  maxFractionDigits?: number;
  /** Keep trailing zeros up to maxFractionDigits (default false). */
  fixed?: boolean;
  /** Symbol appended after a space; '' for none (default KSM). */
  symbol?: string;
  /** Thousands separator (default ','). */
  separator?: string;
}

export function groupThousands(digits: string, separator = ','): string {
  if (separator === '' || digits.length <= 3) return digits;
  let out = '';
  for (let i = digits.length; i > 0; i -= 3) {
    const start = Math.max(0, i - 3);
    out = out === '' ? digits.slice(start, i) : `${digits.slice(start, i)}${separator}${out}`;
  }
  return out;
}

function roundToDigits(abs: bigint, decimals: number, digits: number): bigint {
  const drop = decimals - digits;
  if (drop <= 0) return abs * 10n ** BigInt(-drop);
  const unit = 10n ** BigInt(drop);
  const quotient = abs / unit;
  return abs % unit >= unit / 2n ? quotient + 1n : quotient;
}

function digitsForSmall(abs: bigint, decimals: number, maxDigits: number): number {
  if (abs === 0n) return maxDigits;
  let digits = maxDigits;
  while (digits < decimals && roundToDigits(abs, decimals, digits) < 10n) digits += 1;
  return digits;
}

/** Formats a planck amount; negative amounts get a leading '-'. */
export function formatBalance(planck: bigint, options: BalanceFormatOptions = {}): string {
  const decimals = Math.max(0, Math.floor(options.decimals ?? KSM_DECIMALS));
  const requested = Math.floor(options.maxFractionDigits ?? 4);
  const maxDigits = Math.min(decimals, Math.max(0, Number.isFinite(requested) ? requested : 4));
  const symbol = options.symbol ?? KSM_SYMBOL;
  const negative = planck < 0n;
  const abs = negative ? -planck : planck;

  const digits = options.fixed ? maxDigits : digitsForSmall(abs, decimals, maxDigits);
  const scaled = roundToDigits(abs, decimals, digits);
  const scale = 10n ** BigInt(digits);
  const integer = groupThousands((scaled / scale).toString(), options.separator ?? ',');
  let fraction = digits > 0 ? (scaled % scale).toString().padStart(digits, '0') : '';
  if (!options.fixed) fraction = fraction.replace(/0+$/, '');

  const sign = negative && scaled !== 0n ? '-' : '';
  const number = fraction === '' ? `${sign}${integer}` : `${sign}${integer}.${fraction}`;
  return symbol === '' ? number : `${number} ${symbol}`;
}

/** KSM with the default rounding, e.g. `1,234.5678 KSM`. */
export function formatKsm(planck: bigint, options: Omit<BalanceFormatOptions, 'decimals'> = {}): string {
  return formatBalance(planck, { ...options, decimals: KSM_DECIMALS });
}

/** The exact amount with all 12 decimals (trailing zeros dropped). */
export function formatKsmExact(planck: bigint): string {
  return formatBalance(planck, { decimals: KSM_DECIMALS, maxFractionDigits: KSM_DECIMALS });
}

/**
 * KSM as replies show it: up to 4 decimals under 1,000 KSM, 2 under 100,000 KSM, whole KSM above
 * (tallies and totals do not need their last planck to be read).
 */
export function formatKsmShown(planck: bigint): string {
  const abs = planck < 0n ? -planck : planck;
  const ksm = 10n ** BigInt(KSM_DECIMALS);
  const digits = abs < 1_000n * ksm ? 4 : abs < 100_000n * ksm ? 2 : 0;
  return formatKsm(planck, { maxFractionDigits: digits });
}

/**
 * An amount still needed, rounded up to three significant digits so it never understates what is
 * missing: 1,053,007.7051 KSM → "1,060,000 KSM", 12.345 KSM → "12.4 KSM".
 */
export function formatKsmNeeded(planck: bigint): string {
  if (planck <= 0n) return formatKsm(0n);
  const digits = planck.toString().length;
  const drop = Math.max(0, digits - 3);
  const unit = 10n ** BigInt(drop);
  const rounded = ((planck + unit - 1n) / unit) * unit;
  return formatKsm(rounded, { maxFractionDigits: KSM_DECIMALS });
}
