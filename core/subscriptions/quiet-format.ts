/** Quiet hours as `/quiet` writes them back: "22:00-07:00 UTC+2", and the same window in UTC. */
import type { QuietHours } from './quiet-hours.js';

function two(n: number): string {
  return String(n).padStart(2, '0');
}

/** 1320 → "22:00". */
export function formatClock(minuteOfDay: number): string {
  return `${two(Math.floor(minuteOfDay / 60))}:${two(minuteOfDay % 60)}`;
}

/** 0 → "UTC", 120 → "UTC+2", -330 → "UTC-5:30". */
export function formatUtcOffset(minutes: number): string {
  if (minutes === 0) return 'UTC';
  const abs = Math.abs(minutes);
  const tail = abs % 60 === 0 ? '' : `:${two(abs % 60)}`;
  return `UTC${minutes < 0 ? '-' : '+'}${Math.floor(abs / 60)}${tail}`;
}

/** "22:00-07:00 UTC+2": the window as `/quiet` reads it back. */
export function formatQuietWindow(q: QuietHours): string {
  return `${formatClock(q.startMinute)}-${formatClock(q.endMinute)} ${formatUtcOffset(q.utcOffsetMinutes)}`;
}

/** The window in UTC, when the offset is not zero: "20:00-05:00 UTC". */
export function quietWindowInUtc(q: QuietHours): string | null {
  if (q.utcOffsetMinutes === 0) return null;
  const shift = (m: number) => (((m - q.utcOffsetMinutes) % 1_440) + 1_440) % 1_440;
  return `${formatClock(shift(q.startMinute))}-${formatClock(shift(q.endMinute))} UTC`;
}
