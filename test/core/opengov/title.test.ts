import { describe, expect, it } from 'vitest';
import {
  type CallAsset,
  callTitle,
  MAX_TITLE_CHARS,
  offchainTitle,
  type ProposalCall,
  shortAddress,
} from '../../../core/opengov/title.js';
import {
  mergeTitles,
  missRetryMs,
  type TitleCache,
  titlesToFetch,
} from '../../../core/opengov/title-cache.js';
import { titleOf } from '../../../core/opengov/title-entities.js';
import type { ReferendumInfo } from '../../../core/types/governance.js';

const ADDRESS = 'CnfWxcQhHmHKJhBQrqzmSh1pYpNpjCUoDfGSPvZkLgbX9Xyz';
const USDC = { symbol: 'USDC', decimals: 6 };
const spend = (value: bigint, asset: CallAsset | null = USDC): ProposalCall => ({
  pallet: 'treasury',
  method: 'spend',
  amount: { value, asset },
  beneficiary: ADDRESS,
});

describe('a title worded from the call', () => {
  it('names a spend by amount, asset and its whole beneficiary, for the bots to name or shorten', () => {
    const t = callTitle(spend(30_000_000_000n));
    expect(t).toEqual({ text: `Treasury spend: 30,000 USDC to ${ADDRESS}`, source: 'call' });
    expect(callTitle({ ...spend(5n), amount: { value: 5n, asset: null } }).text).toBe(
      `Treasury spend: 5 units of an unrecognised asset to ${ADDRESS}`,
    );
    expect(callTitle({ ...spend(1n), beneficiary: null }).text).toContain('to an unrecognised beneficiary');
    expect(
      callTitle({
        pallet: 'treasury',
        method: 'spendLocal',
        amount: { value: 1_500n * 10n ** 12n, asset: { symbol: 'KSM', decimals: 12 } },
        beneficiary: ADDRESS,
      }).text,
    ).toBe(`Treasury spend: 1,500 KSM to ${ADDRESS}`);
  });

  it('words runtime upgrades, batches, whitelisted calls and any other call', () => {
    expect(callTitle({ pallet: 'system', method: 'setCode' }).text).toBe('Set code (runtime upgrade)');
    expect(callTitle({ pallet: 'system', method: 'authorizeUpgrade' }).text).toBe(
      'Authorize a runtime upgrade',
    );
    const batch: ProposalCall = {
      pallet: 'utility',
      method: 'batchAll',
      callCount: 5,
      calls: [
        spend(1_000_000n),
        { pallet: 'system', method: 'remark' },
        { pallet: 'utility', method: 'batch', callCount: 2 },
      ],
    };
    expect(callTitle(batch).text).toBe(
      'Batch of 5 calls: Treasury spend: 1 USDC to CnfWxc…9Xyz; System: remark; Batch of 2 calls; …',
    );
    expect(
      callTitle({
        pallet: 'whitelist',
        method: 'dispatchWhitelistedCallWithPreimage',
        calls: [{ pallet: 'system', method: 'setCode' }],
      }).text,
    ).toBe('Whitelisted: Set code (runtime upgrade)');
    expect(callTitle({ pallet: 'staking', method: 'setStakingConfigs' }).text).toBe(
      'Staking: set staking configs',
    );
  });

  it('shortens the addresses when whole ones would not fit, and caps a long title, never cutting an address', () => {
    const many: ProposalCall = {
      pallet: 'utility',
      method: 'batch',
      callCount: 3,
      calls: [spend(1n), spend(2n), spend(3n)],
    };
    const text = callTitle(many).text;
    expect([...text].length).toBeLessThanOrEqual(MAX_TITLE_CHARS);
    expect(text.endsWith('…')).toBe(true);
    expect(text).not.toContain(ADDRESS);
    expect(text).toContain('to CnfWxc…9Xyz; Treasury spend: 0.000002 USDC to CnfWxc…9Xyz');
  });

  it('shortens addresses to 6 + … + 4', () => {
    expect(shortAddress(ADDRESS)).toBe('CnfWxc…9Xyz');
  });
});

describe('an off-chain title', () => {
  it('loses bidirectional, zero-width and control characters and keeps HTML as text for the renderers', () => {
    const t = offchainTitle('\u202Etxt.exe\u202C <b>Free</b>\u200B KSM\nnow', 'subsquare');
    expect(t).toEqual({ text: 'txt.exe <b>Free</b> KSM now', source: 'subsquare' });
    expect(offchainTitle('\u200B\u202E  ', 'subsquare')).toBeNull();
    expect([...(offchainTitle('x'.repeat(500), 'subsquare')?.text ?? '')]).toHaveLength(MAX_TITLE_CHARS);
  });
});

const ongoing = (id: number) => ({ id, status: 'ongoing' }) as unknown as ReferendumInfo;
const ended = (id: number, status: string) => ({ id, status, block: 1 }) as unknown as ReferendumInfo;

describe('which titles are looked up', () => {
  const HOUR = 3_600_000;
  const cache: TitleCache = {
    entries: {
      '1': { text: 'One', source: 'subsquare', stamp: 'ongoing', fetchedAtMs: 0, misses: 0 },
      '2': { text: 'Two', source: 'subsquare', stamp: 'ongoing', fetchedAtMs: 0, misses: 0 },
      '3': { text: null, source: 'subsquare', stamp: 'ongoing', fetchedAtMs: 0, misses: 1 },
      '4': { text: null, source: 'subsquare', stamp: 'ongoing', fetchedAtMs: 0, misses: 3 },
    },
  };
  const referenda = {
    1: ongoing(1),
    2: ended(2, 'approved'),
    3: ongoing(3),
    4: ongoing(4),
    5: ongoing(5),
    6: ongoing(6),
  };

  it('new first, then changed, then misses whose doubling wait is over, capped', () => {
    expect(titlesToFetch(referenda, cache, 0, 10)).toEqual([6, 5, 2]);
    expect(titlesToFetch(referenda, cache, HOUR, 10)).toEqual([6, 5, 2, 3]);
    expect(missRetryMs(3)).toBe(2 * HOUR);
    expect(titlesToFetch(referenda, cache, 2 * HOUR, 10)).toEqual([6, 5, 2, 4, 3]);
    expect(titlesToFetch(referenda, cache, 2 * HOUR, 2)).toEqual([6, 5]);
    expect(missRetryMs(40)).toBe(24 * HOUR);
  });

  it('a failure changes nothing; a miss keeps a cached title; a title replaces it', () => {
    const merged = mergeTitles(
      cache,
      referenda,
      new Map([
        [1, { kind: 'failed', reason: 'HTTP 500' }],
        [2, { kind: 'none' }],
        [3, { kind: 'none' }],
        [5, { kind: 'title', text: 'Five' }],
      ] as const),
      HOUR,
      'subsquare',
    );
    expect(merged.entries['1']).toEqual(cache.entries['1']);
    expect(merged.entries['2']).toMatchObject({ text: 'Two', stamp: 'approved', fetchedAtMs: HOUR });
    expect(merged.entries['3']).toMatchObject({ text: null, misses: 2 });
    expect(merged.entries['5']).toMatchObject({ text: 'Five', stamp: 'ongoing', misses: 0 });
    expect(merged.entries['6']).toBeUndefined();
  });

  it('the cached title wins over the call, the call stands in without one', () => {
    const calls = { 1: { pallet: 'system', method: 'setCode' }, 3: { pallet: 'system', method: 'setCode' } };
    expect(titleOf(1, calls, cache)).toEqual({ text: 'One', source: 'subsquare' });
    expect(titleOf(3, calls, cache)).toEqual({ text: 'Set code (runtime upgrade)', source: 'call' });
    expect(titleOf(3, calls, null)?.source).toBe('call');
    expect(titleOf(9, calls, cache)).toBeUndefined();
  });
});
