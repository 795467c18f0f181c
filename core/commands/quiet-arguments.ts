/**
 * `/quiet` arguments: nothing (show), `off`, or a daily window "22:00-07:00" with an optional UTC
 * offset ("UTC+2", "UTC-5:30", "+9") or IANA zone ("Europe/Berlin", which follows its daylight
 * saving) and `all` to hold critical alerts too. Times may be written
 * 22, 22:00, 22.00 or 10pm; 24:00 is midnight. For one subscription, `off` means none even when the
 * chat has some, and `default` drops its own choice so it follows the chat's again.
 */

import { MAX_UTC_OFFSET_MINUTES } from '../subscriptions/limits.js';
import { type QuietHours, quietHoursProblem } from '../subscriptions/quiet-hours.js';
import { canonicalTimeZone } from '../subscriptions/quiet-zone.js';
import { fail, ok, type Parsed, quote } from './errors.js';

export type QuietChange = { type: 'set'; quietHours: QuietHours } | { type: 'off' } | { type: 'default' };

const HINT =
  '/quiet 22:00-07:00 Europe/Berlin or /quiet 22:00-07:00 UTC+2 (add "all" to hold critical alerts too), or /quiet off';
const OFF_WORDS = new Set(['off', 'none', 'clear']);
const DEFAULT_WORD = 'default';
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

/** A zone name ("Europe/Berlin", any letter case) → its canonical name, or why not. */
function parseZone(word: string): Parsed<string> {
  const zone = canonicalTimeZone(word);
  if (zone !== null) return ok(zone);
  return invalid(
    `${quote(word)} is not a time zone: name one as the IANA list does, e.g. Europe/Berlin or America/New_York, or give a UTC offset like UTC+2.`,
    word,
  );
}

/** `forSubscription`: the line ends in "for <id>" (only then is `default` meaningful). */
export function parseQuietArguments(
  args: readonly string[],
  forSubscription = false,
): Parsed<QuietChange | null> {
  if (args.length === 0) return ok(null);
  const first = args[0]!.toLowerCase();
  if (OFF_WORDS.has(first) || first === DEFAULT_WORD) {
    const type = first === DEFAULT_WORD ? 'default' : 'off';
    if (args.length > 1)
      return fail(
        'extra-argument',
        `"${first}" ${type === 'off' ? 'clears the quiet hours' : 'follows the chat'}; it takes nothing after it but "for <id>".`,
        `/quiet ${type}`,
        args.slice(1).join(' '),
      );
    if (type === 'default' && !forSubscription)
      return fail(
        'missing-argument',
        '"default" makes one subscription follow the chat\'s quiet hours again, so it needs "for <id>"; /quiet off clears the chat\'s own.',
        '/quiet default for r1x9kq (the ids are in /subscriptions)',
        args[0]!,
      );
    return ok({ type });
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
  let zone: string | null = null;
  let holdCritical = false;
  for (const word of window[3]?.split(' ') ?? []) {
    if (word.toLowerCase() === 'all') {
      if (holdCritical) return fail('extra-argument', '"all" is given twice.', HINT, word);
      holdCritical = true;
      continue;
    }
    const parsed = word.includes('/') ? parseZone(word) : parseOffset(word);
    if (parsed === null)
      return invalid(
        `${quote(word)} is neither a time zone (like Europe/Berlin), a UTC offset (like UTC+2, UTC-5:30 or +9) nor "all".`,
        word,
      );
    if (!parsed.ok) return parsed;
    if (offset !== null || zone !== null)
      return fail('extra-argument', 'Give one time zone or UTC offset only.', HINT, word);
    if (typeof parsed.value === 'string') zone = parsed.value;
    else offset = parsed.value;
  }
  // A zone's offset depends on the day; the command fills it in for the moment it is set.
  const quietHours: QuietHours = {
    startMinute: start.value,
    endMinute: end.value,
    utcOffsetMinutes: offset ?? 0,
    ...(zone !== null ? { timeZone: zone } : {}),
    holdCritical,
  };
  const problem = quietHoursProblem(quietHours);
  if (problem) return invalid(`Those quiet hours do not work: ${problem}.`, text);
  return ok({ type: 'set', quietHours });
}
