import { describe, expect, it } from 'vitest';
import { formatBlocks, formatPerbill } from '../../../core/opengov/duration.js';
import {
  findTrack,
  summariseTrack,
  trackDisplayName,
  trackName,
  trackOrigin,
} from '../../../core/opengov/tracks.js';
import { KUSAMA_TRACKS, kusamaTrack } from '../../fixtures/kusama-tracks.js';

describe('track names', () => {
  it('strips the zero padding from strings, byte arrays and hex', () => {
    const padded = new Uint8Array(25);
    padded.set(new TextEncoder().encode('small_spender'));
    expect(trackName(padded)).toBe('small_spender');
    expect(trackName(Array.from(padded))).toBe('small_spender');
    expect(trackName(`root${'\u0000'.repeat(21)}`)).toBe('root');
    expect(trackName('0x726f6f740000')).toBe('root');
    expect(trackName(new Uint8Array(25))).toBe('');
  });

  it('displays and maps names to origins', () => {
    expect(trackDisplayName('whitelisted_caller')).toBe('Whitelisted Caller');
    expect(trackOrigin('small_spender')).toBe('Origins.SmallSpender');
    expect(trackOrigin('root')).toBe('system.Root');
    expect(trackOrigin('wish_for_change')).toBe('Origins.WishForChange');
  });
});

describe('findTrack', () => {
  it.each([
    [32, 32],
    ['32', 32],
    ['small_spender', 32],
    ['Small Spender', 32],
    ['smallspender', 32],
    ['Origins.SmallSpender', 32],
    ['system.Root', 0],
    ['REFERENDUM-KILLER', 21],
  ])('%s finds track %i', (query, id) => {
    expect(findTrack(KUSAMA_TRACKS, query)?.id).toBe(id);
  });

  it.each([[99], ['99'], [''], ['   '], ['spender']])('%s finds nothing', (query) => {
    expect(findTrack(KUSAMA_TRACKS, query)).toBeUndefined();
  });

  it('every Kusama track is found by its own origin', () => {
    for (const track of KUSAMA_TRACKS) expect(findTrack(KUSAMA_TRACKS, trackOrigin(track.name))).toBe(track);
  });
});

describe('summariseTrack', () => {
  it('lists the parameters and the curve ends for display', () => {
    const s = summariseTrack(kusamaTrack(0));
    expect(s).toMatchObject({
      id: 0,
      name: 'root',
      displayName: 'Root',
      origin: 'system.Root',
      maxDeciding: 1,
      decisionPeriod: 201_600,
      minApproval: { type: 'Reciprocal', atStart: 1_000_000_000, atEnd: 499_999_999 },
      minSupport: { type: 'LinearDecreasing', atStart: 500_000_000, atEnd: 0 },
    });
    expect(formatBlocks(s.decisionPeriod)).toBe('14 days');
    expect(formatBlocks(s.preparePeriod)).toBe('2 hours');
  });
});

describe('formatting', () => {
  it.each([
    [201_600, '14 days'],
    [14_400 + 7_200, '1 day 12 hours'],
    [100, '10 minutes'],
    [630, '1 hour 3 minutes'],
    [5, 'under a minute'],
    [0, '0 minutes'],
    [Number.NaN, '0 minutes'],
  ])('%i blocks is %s', (blocks, text) => {
    expect(formatBlocks(blocks)).toBe(text);
  });

  it('formats Perbill as a percentage', () => {
    expect(formatPerbill(499_999_999)).toBe('50%');
    expect(formatPerbill(499_999_999, 7)).toBe('49.9999999%');
    expect(formatPerbill(82_978_722, 3)).toBe('8.298%');
    expect(formatPerbill(0)).toBe('0%');
  });
});
