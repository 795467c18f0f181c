/**
 * IANA time zones for quiet hours ("Europe/Berlin"): whether a name is one, and a zone's UTC offset
 * at a given moment, read from the JavaScript engine's own zone data (`Intl.DateTimeFormat`), so a
 * window set in a zone follows its daylight saving.
 */

const MINUTE_MS = 60_000;
/** Offsets change at most once within half a day on either side of any moment. */
const DAY_HALF_MS = 12 * 60 * MINUTE_MS;
/** Zone names are short: the longest in the IANA database has about 32 characters. */
const MAX_ZONE_CHARS = 40;
const ZONE_SHAPE = /^[A-Za-z][A-Za-z0-9_+-]*(?:\/[A-Za-z0-9_+-]+){0,2}$/;

/** One formatter per zone: building them is the expensive part. */
const formatters = new Map<string, Intl.DateTimeFormat>();

function formatterFor(zone: string): Intl.DateTimeFormat {
  let f = formatters.get(zone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-US', {
      timeZone: zone,
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
    });
    formatters.set(zone, f);
  }
  return f;
}

/**
 * The zone's canonical name ("europe/berlin" → "Europe/Berlin"), or null when the engine knows no
 * such zone. Fixed offsets and abbreviations ("CET", "UTC") are not zones here: those are offsets.
 */
export function canonicalTimeZone(name: string): string | null {
  if (name.length > MAX_ZONE_CHARS || !ZONE_SHAPE.test(name) || !name.includes('/')) return null;
  try {
    const resolved = new Intl.DateTimeFormat('en-US', { timeZone: name }).resolvedOptions().timeZone;
    return resolved.includes('/') ? resolved : null;
  } catch {
    return null;
  }
}

/** Local time minus UTC in the zone at `atMs`, in minutes (120 for Berlin in summer). */
export function zoneOffsetMinutes(zone: string, atMs: number): number {
  const parts = formatterFor(zone).formatToParts(new Date(atMs));
  const get = (type: string) => Number(parts.find((p) => p.type === type)?.value ?? 0);
  const wall = Date.UTC(get('year'), get('month') - 1, get('day'), get('hour'), get('minute'), get('second'));
  const whole = Math.floor(atMs / 1_000) * 1_000;
  return Math.round((wall - whole) / MINUTE_MS);
}

/**
 * The moment a wall-clock time of the zone occurs, given as milliseconds of that wall clock read as
 * if it were UTC. A time that occurs twice (clocks going back) gives the earlier moment; a time the
 * clocks skip (going forward) is read with the offset before the change, so it falls as far after
 * the change as it was into the gap (02:30 on the night Berlin skips 02:00-03:00 is 03:30).
 */
export function zoneWallToUtc(zone: string, wallMs: number): number {
  const before = wallMs - zoneOffsetMinutes(zone, wallMs - DAY_HALF_MS) * MINUTE_MS;
  const after = wallMs - zoneOffsetMinutes(zone, wallMs + DAY_HALF_MS) * MINUTE_MS;
  const valid = [before, after].filter((t) => t + zoneOffsetMinutes(zone, t) * MINUTE_MS === wallMs);
  return valid.length > 0 ? Math.min(...valid) : before;
}
