import { describe, expect, it } from 'vitest';
import { formatQuietWindow, quietWindowInUtc } from '../../../core/subscriptions/quiet-format.js';
import { type QuietHours, quietHoursProblem, quietUntil } from '../../../core/subscriptions/quiet-hours.js';
import {
  canonicalTimeZone,
  zoneOffsetMinutes,
  zoneWallToUtc,
} from '../../../core/subscriptions/quiet-zone.js';

const at = (month: number, day: number, h: number, m = 0) => Date.UTC(2026, month - 1, day, h, m);
const berlinNights: QuietHours = {
  startMinute: 22 * 60,
  endMinute: 7 * 60,
  utcOffsetMinutes: 60,
  timeZone: 'Europe/Berlin',
};

describe('IANA zones for quiet hours', () => {
  it("reads a zone's offset at the moment asked, on either side of Berlin's changes in 2026", () => {
    // Clocks go forward at 01:00 UTC on 29 March and back at 01:00 UTC on 25 October.
    expect(zoneOffsetMinutes('Europe/Berlin', at(3, 29, 0, 59))).toBe(60);
    expect(zoneOffsetMinutes('Europe/Berlin', at(3, 29, 1))).toBe(120);
    expect(zoneOffsetMinutes('Europe/Berlin', at(10, 25, 0, 59))).toBe(120);
    expect(zoneOffsetMinutes('Europe/Berlin', at(10, 25, 1))).toBe(60);
    expect(zoneOffsetMinutes('Asia/Kolkata', at(7, 1, 12))).toBe(330);
    expect(zoneOffsetMinutes('America/New_York', at(1, 15, 12))).toBe(-300);
  });

  it('names zones canonically and refuses what is not one', () => {
    expect(canonicalTimeZone('europe/berlin')).toBe('Europe/Berlin');
    expect(canonicalTimeZone('America/New_York')).toBe('America/New_York');
    expect(canonicalTimeZone('Europe/Berln')).toBeNull();
    expect(canonicalTimeZone('CET')).toBeNull();
    expect(canonicalTimeZone('../../etc/passwd')).toBeNull();
    expect(canonicalTimeZone(`Europe/${'x'.repeat(60)}`)).toBeNull();
  });

  it('turns wall-clock times into moments, across a skipped and a repeated hour', () => {
    const wall = (month: number, day: number, h: number, m = 0) => at(month, day, h, m);
    expect(zoneWallToUtc('Europe/Berlin', wall(3, 29, 7))).toBe(at(3, 29, 5));
    expect(zoneWallToUtc('Europe/Berlin', wall(3, 28, 7))).toBe(at(3, 28, 6));
    // 02:30 does not exist on 29 March: read with the winter offset, it is 03:30 summer time.
    expect(zoneWallToUtc('Europe/Berlin', wall(3, 29, 2, 30))).toBe(at(3, 29, 1, 30));
    // 02:30 happens twice on 25 October: the first one counts.
    expect(zoneWallToUtc('Europe/Berlin', wall(10, 25, 2, 30))).toBe(at(10, 25, 0, 30));
  });

  it('a window in Europe/Berlin ends at 07:00 Berlin time on both sides of each change', () => {
    // The night into 29 March: 22:30 CET → 07:00 CEST, which is 05:00 UTC (a night one hour shorter).
    expect(quietUntil(berlinNights, at(3, 28, 21, 30))).toBe(at(3, 29, 5));
    // The night before: 07:00 CET is 06:00 UTC.
    expect(quietUntil(berlinNights, at(3, 27, 21, 30))).toBe(at(3, 28, 6));
    // In summer 20:30 UTC is 22:30 in Berlin, inside; a fixed UTC+1 would call it 21:30, outside.
    expect(quietUntil(berlinNights, at(7, 1, 20, 30))).toBe(at(7, 2, 5));
    expect(quietUntil({ ...berlinNights, timeZone: undefined }, at(7, 1, 20, 30))).toBeNull();
    expect(quietUntil(berlinNights, at(7, 2, 5))).toBeNull();
    // The night into 25 October: 23:00 CEST → 07:00 CET, which is 06:00 UTC (one hour longer).
    expect(quietUntil(berlinNights, at(10, 24, 21))).toBe(at(10, 25, 6));
    // The evening after: 21:30 CET is outside, 22:00 CET inside until 06:00 UTC.
    expect(quietUntil(berlinNights, at(10, 25, 20, 30))).toBeNull();
    expect(quietUntil(berlinNights, at(10, 25, 21))).toBe(at(10, 26, 6));
  });

  it('a window ending in the skipped hour ends when the clocks have passed it', () => {
    const q: QuietHours = { ...berlinNights, startMinute: 60, endMinute: 150 };
    expect(quietUntil(q, at(3, 29, 0, 30))).toBe(at(3, 29, 1, 30));
    expect(quietUntil(q, at(3, 29, 1, 30))).toBeNull();
  });

  it('validates a stored zone, and shows the window with its zone and in UTC', () => {
    expect(quietHoursProblem(berlinNights)).toBeNull();
    expect(quietHoursProblem({ ...berlinNights, timeZone: 'Mars/Olympus' })).toMatch(
      /not an IANA time zone such as Europe\/Berlin/,
    );
    expect(quietHoursProblem({ ...berlinNights, timeZone: 'europe/berlin' })).toMatch(/IANA/);
    expect(formatQuietWindow(berlinNights)).toBe('22:00-07:00 Europe/Berlin');
    expect(quietWindowInUtc(berlinNights)).toBe('21:00-06:00 UTC, 20:00-05:00 UTC in daylight saving time');
    expect(quietWindowInUtc({ ...berlinNights, timeZone: 'Asia/Tokyo' })).toBe('13:00-22:00 UTC');
    expect(quietWindowInUtc({ ...berlinNights, timeZone: 'Africa/Abidjan' })).toBeNull();
  });
});
