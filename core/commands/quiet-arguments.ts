/**
 * `/quiet` arguments: nothing (show), `off`, or a daily window "22:00-07:00" with an optional UTC
 * offset ("UTC+2", "UTC-5:30", "+9") and `all` to hold critical alerts too. Times may be written
 * 22, 22:00, 22.00 or 10pm; 24:00 is midnight.
 */
import { type QuietHours, quietHoursProblem } from '../alerts/quiet-hours.js';
import { fail, ok, type Parsed, quote } from './errors.js';
import { MAX_UTC_OFFSET_MINUTES } from './limits.js';

export type QuietChange = { type: 'set'; quietHours: QuietHours } | { type: 'off' };

const HINT = '/quiet 22:00-07:00 UTC+2 (add "all" to hold critical alerts too), or /quiet off';
const OFF_WORDS = new Set(['off', 'none', 'clear']);
const WINDOW = /^(\S+?)\s*-\s*(\S+?)(?:\s+(.+))?$/;
const TIME = /^([0-9]{1,2})(?:[:.]([0-9]{2}))?(am|pm)?$/i;
const OFFSET = /^(?:utc|gmt)?([+-])([0-9]{1,2})(?::?([0-9]{2}))?$/i;
const ZERO_OFFSET = /^(?:utc|gmt|z)$/i;

function invalid<T>(message: string, input: string | null = null): Parsed<T> {
  return fail('invalid-quiet-hours', message, HINT, input);
}

/** Minutes after midnight, or why the text is not a time of day. */
function parseClock(text: string): Parsed<number> {
  const m = TIME.exec(text);
  const bad = () =>
    invalid<number>(
      `${quote(text)} is not a time of day: write it as HH:MM (00:00 to 23:59), e.g. 22:00 or 7:30.`,
      text,
    );
  if (!m) return bad();
  let hour = Number(m[1]);
  const minute = m[2] === undefined ? 0 : Number(m[2]);
  const half = m[3]?.toLowerCase();
  if (minute > 59) return bad();
  if (half) {
    if (hour < 1 || hour > 12) return bad();
    hour = (hour % 12) + (half === 'pm' ? 12 : 0);
  } else if (hour === 24 && minute === 0) {
    hour = 0;
  } else if (hour > 23) {
    return bad();
  }
  return ok(hour * 60 + minute);
}

/** Local time minus UTC in minutes, or null when the word is not an offset. */
function parseOffset(word: string): Parsed<number> | null {
  if (ZERO_OFFSET.test(word)) return ok(0);
  const m = OFFSET.exec(word);
  if (!m) return null;
  const minutes = m[3] === undefined ? 0 : Number(m[3]);
  if (minutes > 59) return invalid(`${quote(word)} is not a UTC offset: minutes run 00 to 59.`, word);
  const total = (Number(m[2]) * 60 + minutes) * (m[1] === '-' ? -1 : 1);
  if (Math.abs(total) > MAX_UTC_OFFSET_MINUTES)
    return invalid(`${quote(word)} is beyond any time zone: offsets run from UTC-14 to UTC+14.`, word);
  return ok(total);
}

export function parseQuietArguments(args: readonly string[]): Parsed<QuietChange | null> {
  if (args.length === 0) return ok(null);
  if (OFF_WORDS.has(args[0]!.toLowerCase())) {
    if (args.length > 1)
      return fail(
        'extra-argument',
        `"${args[0]!.toLowerCase()}" clears the quiet hours; it takes nothing after it.`,
        '/quiet off',
        args.slice(1).join(' '),
      );
    return ok({ type: 'off' });
  }
  const text = args.join(' ');
  const window = WINDOW.exec(text);
  if (!window)
    return invalid(
      `Quiet hours are a window from a start to an end time, like 22:00-07:00; got ${quote(text)}.`,
      text,
    );
  const start = parseClock(window[1]!);
  if (!start.ok) return start;
  const end = parseClock(window[2]!);
  if (!end.ok) return end;
  if (start.value === end.value)
    return invalid(
      `The quiet hours start and end at the same time (${window[1]}); give two different times.`,
      `${window[1]}-${window[2]}`,
    );
  let offset: number | null = null;
  let holdCritical = false;
  for (const word of window[3]?.split(' ') ?? []) {
    if (word.toLowerCase() === 'all') {
      if (holdCritical) return fail('extra-argument', '"all" is given twice.', HINT, word);
      holdCritical = true;
      continue;
    }
    const parsed = parseOffset(word);
    if (parsed === null)
      return invalid(`${quote(word)} is neither a UTC offset (like UTC+2, UTC-5:30 or +9) nor "all".`, word);
    if (!parsed.ok) return parsed;
    if (offset !== null) return fail('extra-argument', 'Give one UTC offset only.', HINT, word);
    offset = parsed.value;
  }
  const quietHours: QuietHours = {
    startMinute: start.value,
    endMinute: end.value,
    utcOffsetMinutes: offset ?? 0,
    holdCritical,
  };
  const problem = quietHoursProblem(quietHours);
  if (problem) return invalid(`Those quiet hours do not work: ${problem}.`, text);
  return ok({ type: 'set', quietHours });
}

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
