import { describe, expect, it } from 'vitest';
import {
  formatBalance,
  formatKsm,
  formatKsmExact,
  formatKsmNeeded,
  formatKsmShown,
  groupThousands,
} from '../../../core/format/index.js';

const KSM = 10n ** 12n;

describe('formatKsm', () => {
  it('shows four decimals with thousands separators', () => {
    expect(formatKsm(1_234n * KSM + 567_812_345_678n)).toBe('1,234.5678 KSM');
    expect(formatKsm(1_234_567n * KSM)).toBe('1,234,567 KSM');
    expect(formatKsm(0n)).toBe('0 KSM');
  });

  it('rounds half away from zero at the last digit shown', () => {
    expect(formatKsm(1n * KSM + 56_785_000_000n)).toBe('1.0568 KSM');
    expect(formatKsm(1n * KSM + 56_784_999_999n)).toBe('1.0568 KSM');
    expect(formatKsm(1n * KSM + 56_749_999_999n)).toBe('1.0567 KSM');
    expect(formatKsm(999_999_950_000n)).toBe('1 KSM');
    expect(formatKsm(-(1n * KSM + 56_785_000_000n))).toBe('-1.0568 KSM');
  });

  it('keeps two significant digits for tiny amounts instead of showing zero', () => {
    expect(formatKsm(1n)).toBe('0.000000000001 KSM');
    expect(formatKsm(12_345_678n)).toBe('0.000012 KSM');
    expect(formatKsm(-40_000n)).toBe('-0.00000004 KSM');
  });

  it('never loses integer precision on huge amounts', () => {
    const huge = 123_456_789_012_345_678_901_234n * KSM + 1n;
    expect(formatKsm(huge)).toBe('123,456,789,012,345,678,901,234 KSM');
    expect(formatKsmExact(huge)).toBe('123,456,789,012,345,678,901,234.000000000001 KSM');
  });

  it('supports fixed width, other symbols and decimals', () => {
    expect(formatKsm(5n * KSM, { fixed: true })).toBe('5.0000 KSM');
    expect(formatKsm(5n * KSM + 1n, { maxFractionDigits: 12, symbol: '' })).toBe('5.000000000001');
    expect(formatBalance(123_456_789n, { decimals: 6, symbol: 'USDT' })).toBe('123.4568 USDT');
    expect(formatBalance(5n, { decimals: 0, symbol: 'pts' })).toBe('5 pts');
    expect(formatKsm(1n * KSM, { maxFractionDigits: Number.NaN })).toBe('1 KSM');
  });

  it('groups digits', () => {
    expect(groupThousands('1')).toBe('1');
    expect(groupThousands('1234')).toBe('1,234');
    expect(groupThousands('123456')).toBe('123,456');
    expect(groupThousands('1234567', ' ')).toBe('1 234 567');
  });

  it('shows amounts at a precision that fits their size, and shortfalls rounded up', () => {
    expect(formatKsmShown(1_008_900_000_000n)).toBe('1.0089 KSM');
    expect(formatKsmShown(1_430_548_300_000_000n)).toBe('1,430.55 KSM');
    expect(formatKsmShown(28_185_851_234_567_890n)).toBe('28,185.85 KSM');
    expect(formatKsmShown(8_465_302_900_000_000_000n)).toBe('8,465,303 KSM');
    expect(formatKsmNeeded(1_053_007_705_100_000_000n)).toBe('1,060,000 KSM');
    expect(formatKsmNeeded(12_345_000_000_000n)).toBe('12.4 KSM');
    expect(formatKsmNeeded(12_300_000_000_000n)).toBe('12.3 KSM');
    expect(formatKsmNeeded(0n)).toBe('0 KSM');
  });
});
