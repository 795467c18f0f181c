/**
 * `/subscribe coretime [below <KSM>]` and `/subscribe para <id> [stall <time>]`: parsing, keys and
 * ids, the level and the stall time as settings, and the lines that parse back.
 */
import { describe, expect, it } from 'vitest';
import { requestWords } from '../../../core/commands/command-line.js';
import {
  parseSubscribeArguments,
  parseUnsubscribeArguments,
} from '../../../core/commands/subscription-arguments.js';
import {
  SUBSCRIPTION_ID_PATTERN,
  sameSettings,
  subscriptionId,
  subscriptionKey,
} from '../../../core/subscriptions/subscription-model.js';

const parse = (line: string) => parseSubscribeArguments(line.split(' ').filter(Boolean));
const refusal = (line: string) => {
  const p = parse(line);
  return p.ok ? 'parsed' : `${p.error.code}: ${p.error.message}`;
};

describe('coretime subscriptions', () => {
  it('parses an optional level in KSM, with or without "below" and "KSM"', () => {
    expect(parse('coretime')).toEqual({ ok: true, value: { kind: 'coretime', below: null } });
    expect(parse('coretime below 5')).toEqual({ ok: true, value: { kind: 'coretime', below: '5' } });
    expect(parse('sale below 0.250 KSM')).toEqual({ ok: true, value: { kind: 'coretime', below: '0.25' } });
    expect(parse('coretime 1,000')).toEqual({ ok: true, value: { kind: 'coretime', below: '1000' } });
  });

  it('says what is wrong with a bad level', () => {
    expect(refusal('coretime below')).toMatch(/^missing-argument: Say the price level/);
    expect(refusal('coretime below 0')).toMatch(/^invalid-amount: A level of 0 is never reached/);
    expect(refusal('coretime below five')).toMatch(/^invalid-amount: "five" is not a price in KSM/);
    expect(refusal('coretime below 5 6')).toMatch(/^extra-argument: Give one price level/);
    expect(refusal(`coretime below 0.${'1'.repeat(13)}`)).toMatch(/more than 12 decimals/);
    const un = parseUnsubscribeArguments(['coretime', 'below', '5']);
    expect(un.ok ? 'parsed' : un.error.message).toMatch(/A price level does not pick a subscription/);
    expect(parseUnsubscribeArguments(['coretime'])).toEqual({
      ok: true,
      value: { type: 'kind', kind: 'coretime' },
    });
  });

  it('one per chat: the level is a setting; the line parses back', () => {
    const a = { kind: 'coretime', below: '5' } as const;
    const b = { kind: 'coretime', below: null } as const;
    expect(subscriptionKey(a)).toBe('coretime');
    expect(subscriptionId(a)).toBe(subscriptionId(b));
    expect(subscriptionId(a)).toMatch(SUBSCRIPTION_ID_PATTERN);
    expect(sameSettings(a, b)).toBe(false);
    expect(sameSettings(a, { ...a })).toBe(true);
    expect(requestWords(a, true)).toEqual(['coretime', 'below', '5']);
    expect(requestWords(a, false)).toEqual(['coretime']);
    expect(parse(requestWords(a, true).join(' '))).toEqual({ ok: true, value: a });
    expect(parseUnsubscribeArguments([subscriptionId(a)])).toEqual({
      ok: true,
      value: { type: 'id', id: subscriptionId(a) },
    });
  });
});

describe('para subscriptions', () => {
  it('parses an id and an optional stall time (default 1 h)', () => {
    expect(parse('para 2000')).toEqual({ ok: true, value: { kind: 'para', para: 2000, stallMinutes: 60 } });
    expect(parse('para #2004 stall 30m')).toEqual({
      ok: true,
      value: { kind: 'para', para: 2004, stallMinutes: 30 },
    });
    expect(parse('parachain 2000 2H')).toEqual({
      ok: true,
      value: { kind: 'para', para: 2000, stallMinutes: 120 },
    });
  });

  it('says what is wrong with a bad id or stall time', () => {
    expect(refusal('para')).toMatch(/^missing-argument: A para subscription needs the para id/);
    expect(parse('para moonriver')).toEqual({
      ok: true,
      value: { kind: 'para', para: 2023, stallMinutes: 60 },
    });
    expect(refusal('para nowhere')).toMatch(/^invalid-para: "nowhere" is not a para id or a known para name/);
    expect(refusal('para k')).toMatch(
      /^invalid-para: "k" names several paras: .*Karura \(2000\).*; give the id/,
    );
    expect(refusal('para 4294967296')).toMatch(/^invalid-para/);
    expect(refusal('para 2000 stall')).toMatch(/^missing-argument: Say the stall time/);
    expect(refusal('para 2000 stall 5m')).toMatch(/^invalid-stall-time: A stall time of 5m is out of range/);
    expect(refusal('para 2000 stall 8d')).toMatch(/^invalid-stall-time/);
    expect(refusal('para 2000 stall soon')).toMatch(/^invalid-stall-time: "soon" is not a time/);
    expect(refusal('para 2000 1h 2h')).toMatch(/^extra-argument: Give one stall time/);
    const un = parseUnsubscribeArguments(['para', '2000', 'stall', '2h']);
    expect(un.ok ? 'parsed' : un.error.message).toMatch(/A stall time does not pick a subscription/);
    expect(parseUnsubscribeArguments(['para', '2000'])).toEqual({
      ok: true,
      value: { type: 'spec', request: { kind: 'para', para: 2000, stallMinutes: 60 } },
    });
  });

  it('keyed by para: the stall time is a setting; the line parses back', () => {
    const a = { kind: 'para', para: 2000, stallMinutes: 30 } as const;
    const b = { ...a, stallMinutes: 60 };
    expect(subscriptionKey(a)).toBe('para:2000');
    expect(subscriptionId(a)).toBe(subscriptionId(b));
    expect(subscriptionId(a)).not.toBe(subscriptionId({ ...a, para: 2001 }));
    expect(subscriptionId(a)).toMatch(/^p[0-9a-z]{5}$/);
    expect(sameSettings(a, b)).toBe(false);
    expect(requestWords(a, true)).toEqual(['para', '2000', 'stall', '30m']);
    expect(requestWords(b, true)).toEqual(['para', '2000']);
    expect(parse(requestWords(a, true).join(' '))).toEqual({ ok: true, value: a });
  });
});
