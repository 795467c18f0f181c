/** The treasury wording's pieces: amounts in each asset's own decimals, KSM values, Permill, claims and what to do. */
import { describe, expect, it } from 'vitest';
import { permillText } from '../../../bots/text/treasury-doc.js';
import {
  amountWithValue,
  assetAmount,
  assetName,
  claimSpans,
  party,
  todoSpans,
} from '../../../bots/text/treasury-words.js';

const KSM = { key: 'native', symbol: 'KSM', decimals: 12 };
const USDT = { key: 'assets:1984', symbol: 'USDT', decimals: 6 };
const NAMELESS = { key: 'unknown:0x0102', symbol: '', decimals: 0 };
const ALICE = 'HNZata7iMYWmk5RvZRTiAsSDhV8366zq2YGb3tLH5Upf74F';
const AT = { block: 1_234_567, atMs: Date.UTC(2026, 6, 1) };

describe('amounts', () => {
  it('in the asset’s own decimals and symbol, or its key when it has no symbol', () => {
    expect(assetAmount(USDT, 1_250_500_000n)).toBe('1,250.5 USDT');
    expect(assetAmount(KSM, 1_250_500_000n)).toBe('0.0013 KSM');
    expect(assetName(NAMELESS)).toBe('unknown:0x0102');
    expect(assetAmount(NAMELESS, 7n)).toBe('7 unknown:0x0102');
  });

  it('with the KSM value only for another asset that has one', () => {
    expect(amountWithValue(USDT, 1_000_000n, 100_000_000_000n)).toBe('1 USDT (≈ 0.1 KSM)');
    expect(amountWithValue(USDT, 1_000_000n, null)).toBe('1 USDT');
    expect(amountWithValue(KSM, 10n ** 12n, 10n ** 12n)).toBe('1 KSM');
  });

  it('Permill as a percentage', () => {
    expect(permillText(10_000)).toBe('1%');
    expect(permillText(2_500)).toBe('0.25%');
    expect(permillText(0)).toBe('0%');
  });
});

describe('parties, claims and what to do', () => {
  it('an SS58 account is an address span; another location stays text', () => {
    expect(party(ALICE, true)).toEqual({ kind: 'address', address: ALICE, short: true });
    expect(party('Location { parents: 1 }', true)).toBe('Location { parents: 1 }');
  });

  it('the claim of a bounty in each state, with its call as code', () => {
    expect(claimSpans({ state: 'none' })).toBeNull();
    expect(claimSpans({ state: 'claimable', since: null, call: 'bounties.claimBounty(7)' })).toEqual([
      'claimable now: ',
      { kind: 'code', text: 'bounties.claimBounty(7)' },
    ]);
    expect(claimSpans({ state: 'waiting', at: AT, call: 'bounties.claimBounty(6)' })).toEqual([
      'claimable from ',
      'relay block #1,234,567, ',
      { kind: 'time', atMs: AT.atMs },
      ' with ',
      { kind: 'code', text: 'bounties.claimBounty(6)' },
    ]);
    expect(claimSpans({ state: 'payout-attempted', failed: true, call: 'x' })?.[0]).toBe(
      'payout failed, retry it with ',
    );
  });

  it('what to do about a spend names the call, or when it opens', () => {
    expect(todoSpans({ action: 'payout', call: 'treasury.payout(1)' }, 'failed')[0]).toBe(
      'retry the payout: ',
    );
    expect(todoSpans({ action: 'check-status', call: 'treasury.checkStatus(1)' }, 'expired')[0]).toBe(
      'nothing can be paid; remove it with ',
    );
    expect(todoSpans({ action: 'wait', from: AT }, 'upcoming')).toContainEqual({
      kind: 'time',
      atMs: AT.atMs,
    });
  });
});
