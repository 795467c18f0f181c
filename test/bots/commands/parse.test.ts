import { describe, expect, it } from 'vitest';
import { parseCommand } from '../../../bots/commands/parse.js';
import { type CommandErrorCode, MAX_INPUT_CHARS } from '../../../core/commands/index.js';

const ADDRESS = 'HNZata7iMYWmk5RvZRTiAsSDhV8366zq2YGb3tLH5Upf74F';
/** The same account written for Polkadot (prefix 0). */
const POLKADOT = '15oF4uVJwmo4TdGW7VfQxNLavjCXviqxT9S1MgbjMNHr6Sp5';

function refused(line: unknown, code: CommandErrorCode) {
  const parsed = parseCommand(line);
  expect(parsed.ok, `${String(line)} should be refused`).toBe(false);
  if (parsed.ok) throw new Error('unreachable');
  expect(parsed.error.code).toBe(code);
  expect(parsed.error.message.length).toBeGreaterThan(10);
  return parsed.error;
}

function accepted(line: string) {
  const parsed = parseCommand(line);
  if (!parsed.ok) throw new Error(`${line}: ${parsed.error.message}`);
  return parsed.value;
}

describe('parseCommand: good input', () => {
  it('reads every command, with or without the slash, in any case, with a bot mention', () => {
    expect(accepted('/era')).toEqual({ name: 'era' });
    expect(accepted('ERA')).toEqual({ name: 'era' });
    expect(accepted('/era@HeraldBot')).toEqual({ name: 'era' });
    expect(accepted('  /tracks  ')).toEqual({ name: 'tracks' });
    expect(accepted('/status')).toEqual({ name: 'status' });
    expect(accepted('/subscriptions')).toEqual({ name: 'subscriptions' });
    expect(accepted('/help')).toEqual({ name: 'help', topic: null });
    expect(accepted('/help /ref')).toEqual({ name: 'help', topic: 'referendum' });
  });

  it('converts any SS58 prefix to the Kusama address and says so', () => {
    const stake = accepted(`/stake ${ADDRESS}`);
    expect(stake).toMatchObject({
      name: 'stake',
      account: { address: ADDRESS, converted: false, inputPrefix: 2 },
    });
    const converted = accepted(`/validator ${POLKADOT}`);
    expect(converted).toMatchObject({
      name: 'validator',
      account: { address: ADDRESS, converted: true, inputPrefix: 0 },
    });
  });

  it('reads referendum ids with or without #', () => {
    expect(accepted('/referendum 412')).toEqual({ name: 'referendum', id: 412 });
    expect(accepted('/ref #7')).toEqual({ name: 'referendum', id: 7 });
  });

  it('reads /referenda filters in any order, multi-word tracks and pages', () => {
    expect(accepted('/referenda')).toEqual({ name: 'referenda', track: null, status: 'ongoing', page: 1 });
    expect(accepted('/referenda deciding small spender page 3')).toEqual({
      name: 'referenda',
      track: 'small spender',
      status: 'deciding',
      page: 3,
    });
    expect(accepted('/referenda page:2 30')).toEqual({
      name: 'referenda',
      track: '30',
      status: 'ongoing',
      page: 2,
    });
  });

  it('normalises full-width characters and Unicode spaces (NFKC)', () => {
    expect(accepted('／ｒｅｆｅｒｅｎｄｕｍ\u3000４１２')).toEqual({ name: 'referendum', id: 412 });
    expect(accepted('/referendum\u00a0412')).toEqual({ name: 'referendum', id: 412 });
  });

  it('reads subscriptions with defaults, filters and lead times', () => {
    expect(accepted('/subscribe referenda')).toEqual({
      name: 'subscribe',
      request: { kind: 'referenda', track: null },
    });
    expect(accepted('/sub deadlines')).toEqual({
      name: 'subscribe',
      request: { kind: 'deadlines', scope: { type: 'all' }, leadMinutes: [1440, 60] },
    });
    expect(accepted('/sub deadlines #412 2h,30m 1d')).toEqual({
      name: 'subscribe',
      request: {
        kind: 'deadlines',
        scope: { type: 'referendum', referendum: 412 },
        leadMinutes: [1440, 120, 30],
      },
    });
    expect(accepted(`/sub ${POLKADOT}`)).toMatchObject({
      request: { kind: 'address', address: { address: ADDRESS } },
    });
    expect(accepted('/unsubscribe r1x9kq')).toEqual({
      name: 'unsubscribe',
      selector: { type: 'id', id: 'r1x9kq' },
    });
    expect(accepted('/unsub all')).toEqual({ name: 'unsubscribe', selector: { type: 'all' } });
    expect(accepted('/unsub deadlines')).toEqual({
      name: 'unsubscribe',
      selector: { type: 'kind', kind: 'deadlines' },
    });
    expect(accepted('/unsub referenda treasurer')).toEqual({
      name: 'unsubscribe',
      selector: { type: 'spec', request: { kind: 'referenda', track: 'treasurer' } },
    });
  });
});

describe('parseCommand: bad input gets one specific error', () => {
  it('unknown commands, with a suggestion when one is close', () => {
    const e = refused('/stak x', 'unknown-command');
    expect(e.hint).toContain('/stake');
    expect(refused('/frobnicate', 'unknown-command').hint).toContain('/help');
    refused('/', 'unknown-command');
  });

  it('empty input and non-strings', () => {
    refused('', 'empty');
    refused('   \n ', 'empty');
    refused(undefined, 'empty');
    refused(42, 'empty');
  });

  it('missing and extra arguments name the usage', () => {
    expect(refused('/stake', 'missing-argument').hint).toContain('/stake <address>');
    expect(refused(`/stake ${ADDRESS} now`, 'extra-argument').message).toContain('"now" is extra');
    expect(refused('/era 5', 'extra-argument').hint).toContain('/era');
    refused('/referendum', 'missing-argument');
    refused('/referendum 1 2', 'extra-argument');
    refused('/subscribe', 'missing-argument');
    refused('/unsubscribe', 'missing-argument');
    refused('/subscribe address', 'missing-argument');
    refused(`/subscribe address ${ADDRESS} ${ADDRESS}`, 'extra-argument');
    refused('/referenda deciding confirming', 'extra-argument');
    refused(`/referenda ${'x '.repeat(20)}`, 'extra-argument');
  });

  it('invalid addresses say what is wrong with them', () => {
    expect(refused('/stake hello', 'invalid-address').message).toContain('"hello" is not a valid address');
    refused(`/stake ${ADDRESS.slice(0, -1)}x`, 'invalid-address');
    refused('/validator 0x1234', 'invalid-address');
  });

  it('non-numeric, negative, fractional and oversized referendum ids', () => {
    expect(refused('/referendum abc', 'invalid-referendum-id').message).toContain('not a referendum number');
    expect(refused('/referendum -3', 'invalid-referendum-id').message).toContain('never negative');
    expect(refused('/referendum 1.5', 'invalid-referendum-id').message).toContain('whole numbers');
    expect(refused('/referendum 99999999999', 'invalid-referendum-id').message).toContain('larger than');
  });

  it('pages, subscription kinds and lead times', () => {
    refused('/referenda page 0', 'invalid-page');
    refused('/referenda page x', 'invalid-page');
    refused('/referenda page', 'missing-argument');
    refused('/subscribe weather', 'unknown-subscription-kind');
    refused('/subscribe deadlines 5m', 'invalid-lead-time');
    refused('/subscribe deadlines 30d', 'invalid-lead-time');
    refused('/subscribe deadlines 1h,2h,3h,4h,5h', 'invalid-lead-time');
    refused('/subscribe deadlines treasurer #4', 'extra-argument');
    refused('/unsubscribe deadlines 2h', 'extra-argument');
    refused('/unsubscribe bogus', 'unknown-subscription');
  });

  it('overlong input, however long', () => {
    refused(`/referenda ${'a'.repeat(MAX_INPUT_CHARS)}`, 'too-long');
    refused('x'.repeat(5_000_000), 'too-long');
  });

  it('odd Unicode: invisible, direction, control, emoji, combining, lone surrogates', () => {
    expect(refused('/era\u200b', 'odd-unicode').message).toContain('U+200B');
    expect(refused('/referendum 4\u202e12', 'odd-unicode').message).toContain('text-direction');
    refused('/era\u0007', 'odd-unicode');
    refused('/stake 🙂', 'odd-unicode');
    refused('/stake \u0301a', 'odd-unicode');
    refused('/era \ud800', 'odd-unicode');
    refused('/referendum ٤١٢', 'odd-unicode');
  });
});
