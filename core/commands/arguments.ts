/** Parsers of single arguments: addresses, referendum ids, pages, hours. */
import { parseAddress } from '../address/parse.js';
import type { AddressArgument } from './command-types.js';
import { fail, ok, type Parsed, quote } from './errors.js';
import { MAX_MISSED_HOURS, MAX_PAGE, MAX_REFERENDUM_ID } from './limits.js';

export function parseAddressArgument(token: string, usageExample: string): Parsed<AddressArgument> {
  const parsed = parseAddress(token);
  if (!parsed.ok) {
    return fail(
      'invalid-address',
      `${quote(token, 60)} is not a valid address: ${parsed.error.message}`,
      `Paste the whole SS58 address (any network prefix), e.g. ${usageExample}`,
      token,
    );
  }
  return ok({
    address: parsed.address,
    input: token,
    inputPrefix: parsed.inputPrefix,
    converted: parsed.converted,
  });
}

/** "412" or "#412". */
export function parseReferendumId(token: string): Parsed<number> {
  const hint = '/referendum followed by its number in digits, as /referenda lists them';
  const text = token.startsWith('#') ? token.slice(1) : token;
  if (/^-[0-9]+$/.test(text))
    return fail(
      'invalid-referendum-id',
      `Referendum numbers are never negative; got ${quote(token)}.`,
      hint,
      token,
    );
  if (/^[0-9]+[.,][0-9]*$/.test(text))
    return fail(
      'invalid-referendum-id',
      `Referendum numbers are whole numbers; got ${quote(token)}.`,
      hint,
      token,
    );
  if (!/^[0-9]+$/.test(text))
    return fail('invalid-referendum-id', `${quote(token)} is not a referendum number.`, hint, token);
  const id = Number(text);
  if (text.length > 10 || id > MAX_REFERENDUM_ID)
    return fail(
      'invalid-referendum-id',
      `${quote(token)} is larger than any referendum number can be (${MAX_REFERENDUM_ID}).`,
      hint,
      token,
    );
  return ok(id);
}

export function parsePage(token: string): Parsed<number> {
  const hint = '/referenda page 2';
  if (!/^[0-9]{1,6}$/.test(token))
    return fail('invalid-page', `${quote(token)} is not a page number.`, hint, token);
  const page = Number(token);
  if (page < 1 || page > MAX_PAGE)
    return fail('invalid-page', `Page numbers run from 1 to ${MAX_PAGE}; got ${page}.`, hint, token);
  return ok(page);
}

/** How far `/missed` looks back: "12", "12h" or "2d", from 1 hour to MAX_MISSED_HOURS. */
export function parseMissedHours(token: string): Parsed<number> {
  const hint = `/missed 48 (hours, or days like 3d; at most ${MAX_MISSED_HOURS / 24} days)`;
  const m = /^([0-9]{1,4})(h|d)?$/i.exec(token);
  if (!m) return fail('invalid-hours', `${quote(token)} is not a number of hours or days.`, hint, token);
  const hours = Number(m[1]) * (m[2]?.toLowerCase() === 'd' ? 24 : 1);
  if (hours < 1 || hours > MAX_MISSED_HOURS)
    return fail(
      'invalid-hours',
      `/missed looks back 1 hour to ${MAX_MISSED_HOURS / 24} days (${MAX_MISSED_HOURS} hours); got ${token}.`,
      hint,
      token,
    );
  return ok(hours);
}
