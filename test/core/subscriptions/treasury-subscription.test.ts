/** `/subscribe treasury [asset] [minimum]`: parsing, the key and id, the minimum as a setting, the filter. */
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
import { passesTreasuryFilter, toSmallestUnit } from '../../../core/subscriptions/treasury-filter.js';

const parse = (line: string) => parseSubscribeArguments(line.split(' ').filter(Boolean));

describe('treasury subscriptions', () => {
  it('parses an asset and a minimum in either order, or neither', () => {
    expect(parse('treasury')).toEqual({
      ok: true,
      value: { kind: 'treasury', asset: null, minAmount: null },
    });
    expect(parse('treasury USDt 10,000')).toEqual({
      ok: true,
      value: { kind: 'treasury', asset: 'USDT', minAmount: '10000' },
    });
    expect(parse('treasury 0.50 ksm')).toEqual({
      ok: true,
      value: { kind: 'treasury', asset: 'KSM', minAmount: '0.5' },
    });
    expect(parse('treasury 500')).toEqual({
      ok: true,
      value: { kind: 'treasury', asset: null, minAmount: '500' },
    });
  });

  it('says what is wrong with bad input', () => {
    const message = (line: string) => {
      const p = parse(line);
      return p.ok ? 'parsed' : p.error.message;
    };
    expect(message('treasury 0')).toMatch(/A minimum of 0 is no minimum/);
    expect(message('treasury 10k')).toMatch(/"10k" is neither an asset symbol .* nor a minimum amount/);
    expect(message('treasury USDT USDC')).toMatch(/One asset per subscription/);
    expect(message('treasury 5 6')).toMatch(/one minimum amount/);
    expect(message(`treasury 0.${'1'.repeat(19)}`)).toMatch(/more than 18 decimals/);
    const un = parseUnsubscribeArguments(['treasury', 'USDT', '500']);
    expect(un.ok ? 'parsed' : un.error.message).toMatch(/A minimum does not pick a subscription/);
    expect(parseUnsubscribeArguments(['treasury', 'usdt'])).toEqual({
      ok: true,
      value: { type: 'spec', request: { kind: 'treasury', asset: 'USDT', minAmount: null } },
    });
    expect(parseUnsubscribeArguments(['treasury'])).toEqual({
      ok: true,
      value: { type: 'kind', kind: 'treasury' },
    });
  });

  it('keys by asset; the minimum is a setting; the line parses back', () => {
    const a = { kind: 'treasury', asset: 'USDT', minAmount: '10000' } as const;
    const b = { ...a, minAmount: '20000' };
    expect(subscriptionKey(a)).toBe('treasury:usdt');
    expect(subscriptionKey({ ...a, asset: null })).toBe('treasury:all');
    expect(subscriptionId(a)).toBe(subscriptionId(b));
    expect(subscriptionId(a)).toMatch(SUBSCRIPTION_ID_PATTERN);
    expect(subscriptionId(a)).toMatch(/^t/);
    expect(sameSettings(a, b)).toBe(false);
    expect(sameSettings(a, { ...a })).toBe(true);
    expect(requestWords(a, true)).toEqual(['treasury', 'USDT', '10000']);
    expect(parse(requestWords(a, true).join(' '))).toEqual({ ok: true, value: a });
  });

  it('filters by asset (any case) and minimum, and by KSM value without an asset', () => {
    const usdt = {
      asset: 'USDt',
      amount: String(20_000n * 10n ** 6n),
      decimals: 6,
      ksmValue: String(2_000n * 10n ** 12n),
    };
    expect(passesTreasuryFilter({ asset: 'USDT', minAmount: '10000' }, usdt)).toBe(true);
    expect(passesTreasuryFilter({ asset: 'USDT', minAmount: '20000.000001' }, usdt)).toBe(false);
    expect(passesTreasuryFilter({ asset: 'KSM', minAmount: null }, usdt)).toBe(false);
    expect(passesTreasuryFilter({ asset: null, minAmount: '2000' }, usdt)).toBe(true);
    expect(passesTreasuryFilter({ asset: null, minAmount: '2000.5' }, usdt)).toBe(false);
    expect(passesTreasuryFilter({ asset: null, minAmount: '1' }, { ...usdt, ksmValue: null })).toBe(true);
    expect(toSmallestUnit('0.5', 12)).toBe(500_000_000_000n);
    expect(toSmallestUnit('1.1234567', 6)).toBe(1_123_456n);
  });
});
