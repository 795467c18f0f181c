/**
 * Where to cut the rest of a map's keys into ranges read side by side. A map's keys are its prefix
 * followed by a hash (Twox64Concat, Blake2_128Concat, or an `Identity` key that is itself a hash),
 * so they fall evenly over the key space: if the first page of `pageSize` keys ends at a fraction f
 * of it, about pageSize × (1 − f) / f keys follow. Each range is cut to hold 90% of a page on
 * average, so one page read from its start nearly always reaches the next range's start (a range
 * that holds more simply reads on, page after page).
 *
 * Keys that are not spread evenly (a pallet's whole prefix, small integers under `Identity`) are
 * told apart by where the first page's middle key falls, or by an estimate beyond any map Herald
 * reads: then there is no cut and the keys are read page after page as before.
 */

/** Hex digits of the key read as its position in the key space. */
const DIGITS = 8;
const SPACE = 2 ** (DIGITS * 4);
/** Of a page, what a range holds on average. */
const FILL = 0.9;
/**
 * An estimate of more ranges than this (about 230,000 keys) is taken for keys that are not hashes
 * (small integers under `Identity` look evenly spread too, over a sliver of the space).
 */
const MAX_RANGES = 256;

function positionOf(key: string, prefix: string): number | null {
  const digits = key.slice(prefix.length, prefix.length + DIGITS);
  if (digits.length < DIGITS) return null;
  const n = Number.parseInt(digits, 16);
  return Number.isNaN(n) ? null : (n + 1) / SPACE;
}

/**
 * The start keys of the ranges after a full first page (the first starts at its last key), or null
 * when the keys do not look evenly spread.
 */
export function rangeStarts(prefix: string, firstPage: readonly string[], pageSize: number): string[] | null {
  // Only below a map's own prefix (twox128 pallet ++ twox128 item: 32 bytes, 64 hex digits).
  if (prefix.length < 2 + 64 || firstPage.length < pageSize) return null;
  const last = positionOf(firstPage[firstPage.length - 1]!, prefix);
  const middle = positionOf(firstPage[Math.floor(firstPage.length / 2)]!, prefix);
  if (last === null || middle === null || last >= 1) return null;
  // Evenly spread keys put the middle key near half way to the last one.
  const ratio = middle / last;
  if (ratio < 0.35 || ratio > 0.65) return null;
  const expected = (firstPage.length * (1 - last)) / last;
  const count = Math.max(1, Math.ceil(expected / (pageSize * FILL)));
  if (count > MAX_RANGES) return null;
  const starts = [firstPage[firstPage.length - 1]!];
  const from = Math.floor(last * SPACE);
  for (let i = 1; i < count; i++) {
    const at = from + Math.floor(((SPACE - from) * i) / count);
    starts.push(prefix + at.toString(16).padStart(DIGITS, '0'));
  }
  return starts;
}
