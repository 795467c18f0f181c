/**
 * The arguments of `/subscribe coretime [below <price in KSM>]` and `/subscribe para <id> [stall
 * <duration>]`, and of the same kinds after `/unsubscribe` (where a level or a stall time picks
 * nothing and is refused).
 */
import { KSM_DECIMALS } from '../kusama/constants.js';
import { findParaByName } from '../kusama/para-names.js';
import { formatLeadMinutes } from '../subscriptions/lead-times.js';
import {
  DEFAULT_STALL_MINUTES,
  MAX_PARA_ID,
  MAX_STALL_MINUTES,
  MIN_STALL_MINUTES,
} from '../subscriptions/limits.js';
import { looksLikeAmount, normaliseAmount } from '../subscriptions/treasury-filter.js';
import type { SubscribeRequest } from './command-types.js';
import { fail, ok, type Parsed, quote } from './errors.js';

const CORETIME_EXAMPLE = '/subscribe coretime below 5  (a price in KSM)';
const PARA_EXAMPLE = '/subscribe para 2000 stall 30m';

/** `[below] <price> [KSM]`: the level below which the sale price is told, in KSM. */
export function coretimeRequest(args: readonly string[], allowLevel: boolean): Parsed<SubscribeRequest> {
  const words = args.filter((w) => w.toLowerCase() !== 'below' && w.toLowerCase() !== 'ksm');
  if (words.length === 0) {
    if (args.length > 0)
      return fail('missing-argument', 'Say the price level in KSM after "below".', CORETIME_EXAMPLE);
    return ok({ kind: 'coretime', below: null });
  }
  const [token, ...rest] = words;
  if (rest.length > 0)
    return fail('extra-argument', 'Give one price level.', CORETIME_EXAMPLE, rest.join(' '));
  if (!looksLikeAmount(token!))
    return fail(
      'invalid-amount',
      `${quote(token!)} is not a price in KSM: write it as a number, like 5 or 0.25.`,
      CORETIME_EXAMPLE,
      token!,
    );
  if (!allowLevel)
    return fail(
      'extra-argument',
      `A price level does not pick a subscription; drop ${quote(token!)}.`,
      '/unsubscribe coretime',
      token!,
    );
  const level = normaliseAmount(token!)!;
  if (/^0(\.0*)?$/.test(level))
    return fail(
      'invalid-amount',
      'A level of 0 is never reached: leave it out to hear only of new sales.',
      '/subscribe coretime',
      token!,
    );
  if ((level.split('.')[1] ?? '').length > KSM_DECIMALS)
    return fail(
      'invalid-amount',
      `${quote(token!)} has more than ${KSM_DECIMALS} decimals, finer than a planck.`,
      CORETIME_EXAMPLE,
      token!,
    );
  return ok({ kind: 'coretime', below: level });
}

const UNIT_MINUTES: Record<string, number> = { m: 1, h: 60, d: 1_440 };
const DURATION = /^([0-9]{1,5})(m|h|d)$/i;

export function looksLikeDuration(token: string): boolean {
  return DURATION.test(token);
}

/** "30m", "2h", "1d" → minutes, within the stall bounds. */
export function parseStallTime(token: string): Parsed<number> {
  const m = DURATION.exec(token);
  if (!m)
    return fail(
      'invalid-stall-time',
      `${quote(token)} is not a time: write a number followed by m, h or d, like 30m, 2h or 1d.`,
      PARA_EXAMPLE,
      token,
    );
  const minutes = Number(m[1]) * UNIT_MINUTES[m[2]!.toLowerCase()]!;
  if (minutes < MIN_STALL_MINUTES || minutes > MAX_STALL_MINUTES)
    return fail(
      'invalid-stall-time',
      `A stall time of ${token} is out of range: it must be between ${formatLeadMinutes(MIN_STALL_MINUTES)} and ${formatLeadMinutes(MAX_STALL_MINUTES)}.`,
      PARA_EXAMPLE,
      token,
    );
  return ok(minutes);
}

/** A para as typed: its id (a leading # is allowed, a u32) or one word of its name ("karura"). */
export function parseParaId(token: string): Parsed<number> {
  const digits = token.startsWith('#') ? token.slice(1) : token;
  if (/^[0-9]{1,10}$/.test(digits) && Number(digits) <= MAX_PARA_ID) return ok(Number(digits));
  const byName = /^[0-9#]/.test(token) ? ({ type: 'none' } as const) : findParaByName(token);
  if (byName.type === 'found') return ok(byName.para.id);
  if (byName.type === 'ambiguous')
    return fail(
      'invalid-para',
      `${quote(token)} names several paras: ${byName.candidates.map((p) => `${p.name} (${p.id})`).join(', ')}; give the id.`,
      PARA_EXAMPLE,
      token,
    );
  return fail(
    'invalid-para',
    `${quote(token)} is not a para id or a known para name: give its number, like 2000 (/parachains lists them).`,
    PARA_EXAMPLE,
    token,
  );
}

/** `<id> [stall] [<duration>]`. */
export function paraRequest(args: readonly string[], allowStall: boolean): Parsed<SubscribeRequest> {
  const [first, ...rest] = args;
  if (first === undefined)
    return fail('missing-argument', 'A para subscription needs the para id.', PARA_EXAMPLE);
  const id = parseParaId(first);
  if (!id.ok) return id;
  const words = rest.filter((w) => w.toLowerCase() !== 'stall');
  if (words.length === 0) {
    if (rest.length > 0 && allowStall)
      return fail('missing-argument', 'Say the stall time after "stall", like 30m or 2h.', PARA_EXAMPLE);
    return ok({ kind: 'para', para: id.value, stallMinutes: DEFAULT_STALL_MINUTES });
  }
  const [token, ...extra] = words;
  if (extra.length > 0) return fail('extra-argument', 'Give one stall time.', PARA_EXAMPLE, extra.join(' '));
  if (!allowStall)
    return fail(
      'extra-argument',
      `A stall time does not pick a subscription; drop ${quote(token!)}.`,
      `/unsubscribe para ${id.value}`,
      token!,
    );
  const stall = parseStallTime(token!);
  return stall.ok ? ok({ kind: 'para', para: id.value, stallMinutes: stall.value }) : stall;
}
