/** Counts, percentages and Perbill values as text. Non-finite inputs give 'n/a' rather than 'NaN'. */
import { groupThousands } from './balance.js';

export const NOT_AVAILABLE = 'n/a';

export function formatInteger(value: number | bigint, separator = ','): string {
  if (typeof value === 'number') {
    if (!Number.isFinite(value)) return NOT_AVAILABLE;
    value = BigInt(Math.trunc(value));
  }
  const negative = value < 0n;
  const digits = groupThousands((negative ? -value : value).toString(), separator);
  return negative ? `-${digits}` : digits;
}

function trimFraction(text: string): string {
  return text.includes('.') ? text.replace(/\.?0+$/, '') : text;
}

/** A fraction (0.1523) as a percentage ('15.23%'); trailing zeros dropped. */
export function formatPercent(fraction: number | null | undefined, digits = 2): string {
  if (fraction === null || fraction === undefined || !Number.isFinite(fraction)) return NOT_AVAILABLE;
  const safeDigits = Math.min(10, Math.max(0, Math.floor(digits)));
  const text = trimFraction((fraction * 100).toFixed(safeDigits));
  return `${text === '-0' ? '0' : text}%`;
}

/** Perbill parts (0..1e9) as a percentage: 50_000_000 → '5%'. Exact, via integers. */
export function formatPerbill(parts: number | bigint, digits = 2): string {
  if (typeof parts === 'number' && !Number.isFinite(parts)) return NOT_AVAILABLE;
  const value = typeof parts === 'bigint' ? parts : BigInt(Math.round(parts));
  const safeDigits = Math.min(7, Math.max(0, Math.floor(digits)));
  const negative = value < 0n;
  const abs = negative ? -value : value;
  // percent = parts / 1e7; keep `safeDigits` decimals, rounding half up.
  const unit = 10n ** BigInt(7 - safeDigits);
  const scaled = (abs + unit / 2n) / unit;
  const scale = 10n ** BigInt(safeDigits);
  const integer = (scaled / scale).toString();
  const fraction = safeDigits > 0 ? (scaled % scale).toString().padStart(safeDigits, '0') : '';
  const text = trimFraction(fraction === '' ? integer : `${integer}.${fraction}`);
  return `${negative && scaled !== 0n ? '-' : ''}${text}%`;
}
