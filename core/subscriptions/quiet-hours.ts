/**
 * Quiet hours: a daily window, in the subscriber's own UTC offset or IANA zone (then following its
 * daylight saving), during which alerts wait rather than ring. Critical alerts (a deadline within
 * the hour, a slash, stale data) go out anyway unless the window says otherwise, since they would be
 * useless after it.
 */

import { canonicalTimeZone, zoneOffsetMinutes, zoneWallToUtc } from './quiet-zone.js';

export interface QuietHours {
  /** Minutes after local midnight the window starts and ends; a window may wrap past midnight. */
  startMinute: number;
  endMinute: number;
  /** Local time minus UTC, in minutes (e.g. 120 for UTC+2). */
  utcOffsetMinutes: number;
  /**
   * An IANA zone (`Europe/Berlin`): when set, the window follows the zone's daylight saving and
   * `utcOffsetMinutes` is only its offset when the setting was made. Times shown to the chat use it.
   */
  timeZone?: string;
  /** Hold critical alerts too (default false). */
  holdCritical?: boolean;
}

const DAY_MINUTES = 1_440;
const MINUTE_MS = 60_000;

/** Null when the quiet hours are well formed, else why not. */
export function quietHoursProblem(q: unknown): string | null {
  if (typeof q !== 'object' || q === null)
    return 'quiet hours need startMinute, endMinute and utcOffsetMinutes';
  const { startMinute, endMinute, utcOffsetMinutes, holdCritical } = q as QuietHours;
  const minute = (n: unknown) => Number.isInteger(n) && (n as number) >= 0 && (n as number) < DAY_MINUTES;
  if (!minute(startMinute) || !minute(endMinute))
    return 'quiet hours start and end are minutes 0..1439 of the day';
  if (startMinute === endMinute) return 'quiet hours must not start and end at the same minute';
  if (!Number.isInteger(utcOffsetMinutes) || Math.abs(utcOffsetMinutes) > 14 * 60)
    return 'the UTC offset is a whole number of minutes between -840 and 840';
  if (holdCritical !== undefined && typeof holdCritical !== 'boolean') return 'holdCritical is true or false';
  const zone = (q as QuietHours).timeZone;
  if (zone !== undefined && (typeof zone !== 'string' || canonicalTimeZone(zone) !== zone))
    return `${JSON.stringify(String(zone)).slice(0, 42)} is not an IANA time zone such as Europe/Berlin`;
  return null;
}

/** The offset the window is read in at `atMs`: its zone's then, or its fixed UTC offset. */
export function quietOffsetAt(q: QuietHours, atMs: number): number {
  return q.timeZone === undefined ? q.utcOffsetMinutes : zoneOffsetMinutes(q.timeZone, atMs);
}

/**
 * When the window holding `nowMs` ends, or null when `nowMs` is outside it. In a zone the local
 * time is read with the zone's offset at `nowMs`, and the end is the moment the zone's clocks
 * show it, so a window spanning a daylight-saving change is an hour shorter or longer that night.
 */
export function quietUntil(q: QuietHours, nowMs: number): number | null {
  const offset = quietOffsetAt(q, nowMs);
  const localMs = nowMs + offset * MINUTE_MS;
  const dayStart = Math.floor(localMs / (DAY_MINUTES * MINUTE_MS)) * DAY_MINUTES * MINUTE_MS;
  const minuteOfDay = (localMs - dayStart) / MINUTE_MS;
  const wraps = q.startMinute > q.endMinute;
  const inside = wraps
    ? minuteOfDay >= q.startMinute || minuteOfDay < q.endMinute
    : minuteOfDay >= q.startMinute && minuteOfDay < q.endMinute;
  if (!inside) return null;
  let endLocal = dayStart + q.endMinute * MINUTE_MS;
  if (endLocal <= localMs) endLocal += DAY_MINUTES * MINUTE_MS;
  if (q.timeZone === undefined) return endLocal - offset * MINUTE_MS;
  const end = zoneWallToUtc(q.timeZone, endLocal);
  return end > nowMs ? end : null;
}

/** Parses "22:00-07:30" into minutes of the day. */
export function parseQuietWindow(text: string): { startMinute: number; endMinute: number } | null {
  const m = /^\s*([01]?[0-9]|2[0-3]):([0-5][0-9])\s*-\s*([01]?[0-9]|2[0-3]):([0-5][0-9])\s*$/.exec(text);
  if (!m) return null;
  const startMinute = Number(m[1]) * 60 + Number(m[2]);
  const endMinute = Number(m[3]) * 60 + Number(m[4]);
  return startMinute === endMinute ? null : { startMinute, endMinute };
}
