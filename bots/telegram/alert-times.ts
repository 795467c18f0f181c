/**
 * Moments in Telegram alerts, which cannot render a live timestamp: the UTC minute, the chat's
 * local time when its quiet hours name an IANA zone, and how far off the moment is when the alert
 * is sent ("2026-07-21 11:57 UTC (13:57 Europe/Berlin, in 23h 57m)").
 */

import { utcMinute } from '../../core/alerts/spans.js';
import { formatDuration } from '../../core/format/duration.js';

const formatters = new Map<string, Intl.DateTimeFormat | null>();

/** A formatter for the zone, or null when the zone is not one the runtime knows. */
function formatterOf(zone: string): Intl.DateTimeFormat | null {
  if (!formatters.has(zone)) {
    let f: Intl.DateTimeFormat | null = null;
    try {
      f = new Intl.DateTimeFormat('en-CA', {
        timeZone: zone,
        year: 'numeric',
        month: '2-digit',
        day: '2-digit',
        hour: '2-digit',
        minute: '2-digit',
        hourCycle: 'h23',
      });
    } catch {
      f = null;
    }
    formatters.set(zone, f);
  }
  return formatters.get(zone) ?? null;
}

/** "13:57 Europe/Berlin", or with its date when that differs from the UTC date; null for UTC or an unknown zone. */
export function localTime(atMs: number, zone: string | undefined): string | null {
  if (!zone || /^(Etc\/)?(UTC|GMT|Zulu|UCT|Universal)$/i.test(zone)) return null;
  const f = formatterOf(zone);
  if (!f || !Number.isFinite(atMs)) return null;
  const parts = Object.fromEntries(f.formatToParts(new Date(atMs)).map((p) => [p.type, p.value]));
  const date = `${parts.year}-${parts.month}-${parts.day}`;
  const time = `${parts.hour}:${parts.minute}`;
  return date === utcMinute(atMs).slice(0, 10) ? `${time} ${zone}` : `${date} ${time} ${zone}`;
}

/** "in 23h 57m", "10m ago", "now" (within a minute). */
export function relativeTime(atMs: number, nowMs: number): string {
  const delta = atMs - nowMs;
  if (Math.abs(delta) < 60_000) return 'now';
  return delta > 0 ? `in ${formatDuration(delta)}` : `${formatDuration(-delta)} ago`;
}

/** A moment in an alert's line, as plain text. */
export function alertTime(atMs: number, nowMs: number, zone: string | undefined): string {
  const utc = utcMinute(atMs);
  if (!Number.isFinite(atMs) || utc === 'unknown time') return utc;
  const local = localTime(atMs, zone);
  return `${utc} (${local ? `${local}, ` : ''}${relativeTime(atMs, nowMs)})`;
}
