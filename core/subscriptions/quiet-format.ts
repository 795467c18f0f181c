/**
 * Quiet hours as `/quiet` writes them back: "22:00-07:00 UTC+2" or "22:00-07:00 Europe/Berlin",
 * and the same window in UTC.
 */
import type { QuietHours } from './quiet-hours.js';
import { zoneOffsetMinutes } from './quiet-zone.js';

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

/** "22:00-07:00 UTC+2", or "22:00-07:00 Europe/Berlin": the window as `/quiet` reads it back. */
export function formatQuietWindow(q: QuietHours): string {
  const where = q.timeZone ?? formatUtcOffset(q.utcOffsetMinutes);
  return `${formatClock(q.startMinute)}-${formatClock(q.endMinute)} ${where}`;
}

/** The year whose zone rules are shown when no moment is given (zone rules change rarely). */
const RULES_AT_MS = Date.UTC(2026, 0, 1);

function windowAt(q: QuietHours, offset: number): string {
  const shift = (m: number) => (((m - offset) % 1_440) + 1_440) % 1_440;
  return `${formatClock(shift(q.startMinute))}-${formatClock(shift(q.endMinute))} UTC`;
}

/**
 * The window in UTC, when it is not already: "20:00-05:00 UTC". In a zone with daylight saving,
 * both: "21:00-06:00 UTC, 20:00-05:00 UTC in daylight saving time", read from the zone's offsets
 * in January and July of the year of `atMs`.
 */
export function quietWindowInUtc(q: QuietHours, atMs: number = RULES_AT_MS): string | null {
  if (q.timeZone === undefined) return q.utcOffsetMinutes === 0 ? null : windowAt(q, q.utcOffsetMinutes);
  const year = new Date(atMs).getUTCFullYear();
  const january = zoneOffsetMinutes(q.timeZone, Date.UTC(year, 0, 15));
  const july = zoneOffsetMinutes(q.timeZone, Date.UTC(year, 6, 15));
  const standard = Math.min(january, july);
  const saving = Math.max(january, july);
  if (standard === saving) return standard === 0 ? null : windowAt(q, standard);
  return `${windowAt(q, standard)}, ${windowAt(q, saving)} in daylight saving time`;
}
