import { describe, expect, it } from 'vitest';
import {
  formatDuration,
  formatInteger,
  formatPerbill,
  formatPercent,
  parseKsm,
} from '../../../core/format/index.js';

describe('formatDuration', () => {
  it('shows the two largest units', () => {
    expect(formatDuration((5 * 60 + 12) * 60_000)).toBe('5h 12m');
    expect(formatDuration(((2 * 24 + 3) * 60 + 40) * 60_000)).toBe('2d 4h');
    expect(formatDuration(12 * 60_000 + 5_000)).toBe('12m 5s');
    expect(formatDuration(45_000)).toBe('45s');
  });

  it('drops a zero second unit and carries rounding upwards', () => {
    expect(formatDuration(2 * 86_400_000 + 10 * 60_000)).toBe('2d');
    expect(formatDuration(3_600_000 - 400)).toBe('1h');
    expect(formatDuration(6 * 3_600_000)).toBe('6h');
  });

  it('gives defined results for edge inputs', () => {
    expect(formatDuration(0)).toBe('0s');
    expect(formatDuration(300)).toBe('0s');
    expect(formatDuration(-90 * 60_000)).toBe('-1h 30m');
    expect(formatDuration(Number.NaN)).toBe('unknown');
    expect(formatDuration(Number.POSITIVE_INFINITY)).toBe('unknown');
  });
});

describe('numbers', () => {
  it('formats integers and percentages', () => {
    expect(formatInteger(12_500)).toBe('12,500');
    expect(formatInteger(-1_000_000n)).toBe('-1,000,000');
    expect(formatInteger(Number.NaN)).toBe('n/a');
    expect(formatPercent(0.15234)).toBe('15.23%');
    expect(formatPercent(0.1)).toBe('10%');
    expect(formatPercent(null)).toBe('n/a');
    expect(formatPercent(-0.000001)).toBe('0%');
  });

  it('formats Perbill parts exactly', () => {
    expect(formatPerbill(50_000_000)).toBe('5%');
    expect(formatPerbill(1_000_000_000)).toBe('100%');
    expect(formatPerbill(123_456_789)).toBe('12.35%');
    expect(formatPerbill(123_456_789, 4)).toBe('12.3457%');
    expect(formatPerbill(0n)).toBe('0%');
  });
});

describe('parseKsm', () => {
  it('reads amounts exactly', () => {
    expect(parseKsm('1,234.5')).toEqual({ ok: true, planck: 1_234_500_000_000_000n });
    expect(parseKsm(' 0.000000000001 KSM ')).toEqual({ ok: true, planck: 1n });
    expect(parseKsm('10ksm')).toEqual({ ok: true, planck: 10_000_000_000_000n });
    expect(parseKsm('7.')).toEqual({ ok: true, planck: 7_000_000_000_000n });
  });

  it('explains what is wrong with bad amounts', () => {
    const codes = ['', '-1', 'abc', '1.2.3', '0.0000000000001'].map((input) => {
      const r = parseKsm(input);
      return r.ok ? 'ok' : r.error.code;
    });
    expect(codes).toEqual(['empty', 'negative', 'not-a-number', 'not-a-number', 'too-many-decimals']);
  });
});
