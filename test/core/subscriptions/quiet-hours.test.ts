import { describe, expect, it } from 'vitest';
import { parseQuietWindow, quietHoursProblem, quietUntil } from '../../../core/subscriptions/quiet-hours.js';

const utc = (h: number, m = 0) => Date.UTC(2026, 10, 25, h, m);

describe('quiet hours', () => {
  it('a window that wraps past midnight holds alerts until its end, in the local offset', () => {
    const q = { startMinute: 22 * 60, endMinute: 7 * 60, utcOffsetMinutes: 120 };
    // 21:30 UTC is 23:30 local: inside, until 07:00 local = 05:00 UTC next day.
    expect(quietUntil(q, utc(21, 30))).toBe(Date.UTC(2026, 10, 26, 5, 0));
    // 03:00 UTC is 05:00 local: inside, until 05:00 UTC the same day.
    expect(quietUntil(q, utc(3))).toBe(utc(5));
    expect(quietUntil(q, utc(5))).toBeNull();
    expect(quietUntil(q, utc(12))).toBeNull();
  });

  it('a daytime window', () => {
    const q = { startMinute: 9 * 60, endMinute: 17 * 60, utcOffsetMinutes: 0 };
    expect(quietUntil(q, utc(8, 59))).toBeNull();
    expect(quietUntil(q, utc(9))).toBe(utc(17));
    expect(quietUntil(q, utc(17))).toBeNull();
  });

  it('rejects bad windows with a reason; parses "22:00-07:30"', () => {
    expect(quietHoursProblem({ startMinute: 60, endMinute: 60, utcOffsetMinutes: 0 })).toMatch(/same minute/);
    expect(quietHoursProblem({ startMinute: 1_440, endMinute: 60, utcOffsetMinutes: 0 })).toMatch(/0..1439/);
    expect(quietHoursProblem({ startMinute: 0, endMinute: 60, utcOffsetMinutes: 900 })).toMatch(/offset/);
    expect(quietHoursProblem(null)).toMatch(/need/);
    expect(parseQuietWindow('22:00-07:30')).toEqual({ startMinute: 1_320, endMinute: 450 });
    expect(parseQuietWindow('25:00-07:00')).toBeNull();
    expect(parseQuietWindow('07:00-07:00')).toBeNull();
  });
});
