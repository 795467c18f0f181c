/** Lead times for deadline alerts: "24h,1h", "90m", "2d 3h" → minutes, validated against the limits. */

import { formatLeadMinutes } from '../subscriptions/lead-times.js';
import { MAX_LEAD_MINUTES, MAX_LEAD_TIMES, MIN_LEAD_MINUTES } from '../subscriptions/limits.js';
import { fail, ok, type Parsed, quote } from './errors.js';

const UNIT_MINUTES: Record<string, number> = { m: 1, h: 60, d: 1_440 };
const ONE = /^([0-9]{1,5})(m|h|d)$/;

/** Does the token look like a lead time list (so the parser treats it as one, not a track)? */
export function looksLikeLeadTimes(token: string): boolean {
  return /^[0-9]{1,5}[mhd](,[0-9]{0,5}[mhd]?)*,?$/i.test(token);
}

const HINT = '/subscribe deadlines 24h,1h (minutes m, hours h or days d, comma-separated)';

/** A comma-separated list of lead times, largest first, without duplicates. */
export function parseLeadTimes(token: string): Parsed<number[]> {
  const parts = token
    .toLowerCase()
    .split(',')
    .filter((p) => p.length > 0);
  if (parts.length === 0) return fail('invalid-lead-time', 'No lead time given.', HINT, token);
  if (parts.length > MAX_LEAD_TIMES) {
    return fail(
      'invalid-lead-time',
      `At most ${MAX_LEAD_TIMES} lead times per subscription; got ${parts.length}.`,
      HINT,
      token,
    );
  }
  const minutes = new Set<number>();
  for (const part of parts) {
    const m = ONE.exec(part);
    if (!m) {
      return fail(
        'invalid-lead-time',
        `${quote(part)} is not a lead time: write a number followed by m, h or d, like 30m, 6h or 2d.`,
        HINT,
        part,
      );
    }
    const value = Number(m[1]) * UNIT_MINUTES[m[2]!]!;
    if (value < MIN_LEAD_MINUTES || value > MAX_LEAD_MINUTES) {
      return fail(
        'invalid-lead-time',
        `Lead time ${part} is out of range: it must be between ${formatLeadMinutes(MIN_LEAD_MINUTES)} and ${formatLeadMinutes(MAX_LEAD_MINUTES)}.`,
        HINT,
        part,
      );
    }
    minutes.add(value);
  }
  return ok([...minutes].sort((a, b) => b - a));
}
