/** Durations as the two largest units: '2d 3h', '5h 12m', '12m', '45s'. */
export const UNKNOWN_DURATION = 'unknown';

const UNITS: Array<[string, number]> = [
  ['d', 86_400_000],
  ['h', 3_600_000],
  ['m', 60_000],
  ['s', 1_000],
];

/**
 * Rounds to the smallest unit shown (nearest minute for anything over an hour, nearest second below).
 * Negative durations get a leading '-'; NaN and infinities give 'unknown'.
 */
export function formatDuration(ms: number): string {
  if (!Number.isFinite(ms)) return UNKNOWN_DURATION;
  const negative = ms < 0;
  let rest = Math.abs(ms);
  const firstIndex = UNITS.findIndex(([, size]) => rest >= size);
  if (firstIndex === -1) return '0s';
  const lastIndex = Math.min(firstIndex + 1, UNITS.length - 1);
  const smallest = UNITS[lastIndex]![1];
  rest = Math.round(rest / smallest) * smallest;

  const parts: string[] = [];
  for (let i = 0; i <= lastIndex; i += 1) {
    const [label, size] = UNITS[i]!;
    const count = Math.floor(rest / size);
    rest -= count * size;
    if (parts.length > 0 || count > 0) parts.push(`${count}${label}`);
  }
  const shown = parts.slice(0, 2).filter((part, index) => index === 0 || !part.startsWith('0'));
  return `${negative ? '-' : ''}${shown.join(' ')}`;
}
