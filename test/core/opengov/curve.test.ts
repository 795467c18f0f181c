import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { curveDelay, curvePassing, curveThreshold } from '../../../core/opengov/curve.js';
import { decisionProgress } from '../../../core/opengov/decision.js';
import { PERBILL_ONE } from '../../../core/opengov/perbill.js';
import type { Curve } from '../../../core/types/governance.js';
import { KUSAMA_TRACKS, kusamaTrack } from '../../fixtures/kusama-tracks.js';

const DAY = 14_400;

/** [track, curve, elapsed blocks, expected threshold]: worked out by hand in integer arithmetic. */
const TABLE: Array<[number, 'minApproval' | 'minSupport', number, number]> = [
  // root: reciprocal approval, linear support (decision period 14 days).
  [0, 'minApproval', 0, 1_000_000_000],
  [0, 'minApproval', 600, 994_100_296],
  [0, 'minApproval', DAY, 882_352_942],
  [0, 'minApproval', 7 * DAY, 600_000_000],
  [0, 'minApproval', 14 * DAY, 499_999_999],
  [0, 'minSupport', 0, 500_000_000],
  [0, 'minSupport', 600, 498_511_905],
  [0, 'minSupport', DAY, 464_285_715],
  [0, 'minSupport', 7 * DAY, 250_000_000],
  [0, 'minSupport', 14 * DAY, 0],
  // small_spender: linear approval over 17 of 28 days, reciprocal support.
  [32, 'minApproval', 600, 997_549_020],
  [32, 'minApproval', DAY, 941_176_471],
  [32, 'minApproval', 7 * DAY, 588_235_295],
  [32, 'minApproval', 14 * DAY, 500_000_000],
  [32, 'minSupport', 0, 500_000_026],
  [32, 'minSupport', 600, 418_401_359],
  [32, 'minSupport', DAY, 82_978_722],
  [32, 'minSupport', 7 * DAY, 7_537_688],
  [32, 'minSupport', 14 * DAY, 0],
  // whitelisted_caller: reciprocal on both curves.
  [1, 'minApproval', 0, 999_999_999],
  [1, 'minApproval', DAY, 892_388_454],
  [1, 'minApproval', 14 * DAY, 499_999_999],
  [1, 'minSupport', 0, 499_999_995],
  [1, 'minSupport', DAY, 137_313_437],
  [1, 'minSupport', 7 * DAY, 58_181_818],
  [1, 'minSupport', 14 * DAY, 49_999_999],
  // small_tipper: 7-day decision period.
  [30, 'minApproval', 600, 991_666_668],
  [30, 'minApproval', DAY, 800_000_002],
  [30, 'minApproval', 3.5 * DAY, 500_000_000],
  [30, 'minSupport', 600, 174_869_164],
  [30, 'minSupport', DAY, 9_478_675],
  [30, 'minSupport', 7 * DAY, 0],
];

describe('curveThreshold on the real Kusama tracks', () => {
  it.each(TABLE)('track %i %s at %i blocks is %i', (id, which, elapsed, expected) => {
    const track = kusamaTrack(id);
    const x = decisionProgress(elapsed, track.decisionPeriod);
    expect(curveThreshold(track[which], x)).toBe(expected);
  });
});

describe('SteppedDecreasing (no Kusama track uses one)', () => {
  const pc = (n: number) => n * 10_000_000;
  const stepped: Curve = {
    type: 'SteppedDecreasing',
    begin: pc(80),
    end: pc(30),
    step: pc(10),
    period: pc(15),
  };

  it.each([
    [0, pc(80)],
    [pc(15) - 1, pc(80)],
    [pc(15), pc(70)],
    [pc(30) - 1, pc(70)],
    [pc(30), pc(60)],
    [pc(60), pc(40)],
    [pc(75), pc(30)],
    [PERBILL_ONE, pc(30)],
  ])('threshold at %i is %i', (x, y) => {
    expect(curveThreshold(stepped, x)).toBe(y);
  });

  it.each([
    [pc(100), 0],
    [pc(80), 0],
    [pc(80) - 1, pc(15)],
    [pc(70), pc(15)],
    [pc(70) - 1, pc(30)],
    [pc(30), pc(75)],
    [pc(30) - 1, PERBILL_ONE],
    [0, PERBILL_ONE],
  ])('delay for %i is %i', (y, x) => {
    expect(curveDelay(stepped, y)).toBe(x);
  });

  it('stays defined with a zero period or step', () => {
    expect(curveThreshold({ ...stepped, period: 0 }, 5)).toBe(pc(30));
    expect(curveThreshold({ ...stepped, step: 0 }, PERBILL_ONE)).toBe(pc(80));
    expect(curveDelay({ ...stepped, step: 0 }, pc(50))).toBe(PERBILL_ONE);
  });
});

describe('curveDelay', () => {
  const ssApproval = kusamaTrack(32).minApproval;
  const ssSupport = kusamaTrack(32).minSupport;

  it('linear: the pallet estimate can sit one part before the curve passes', () => {
    const delay = curveDelay(ssApproval, 750_000_000);
    expect(delay).toBe(303_571_428);
    expect(curveThreshold(ssApproval, delay)).toBe(750_000_001);
    expect(curvePassing(ssApproval, delay + 1, 750_000_000)).toBe(true);
  });

  it('linear: above the ceiling passes at once, below the floor never', () => {
    expect(curveDelay(ssApproval, PERBILL_ONE)).toBe(0);
    expect(curveDelay(ssApproval, 499_999_999)).toBe(PERBILL_ONE);
  });

  it('reciprocal: the estimate rounds up, so it passes there', () => {
    const delay = curveDelay(ssSupport, 10_000_000);
    expect(delay).toBe(428_571_430);
    expect(curveThreshold(ssSupport, delay)).toBe(9_999_999);
  });

  it('reciprocal: a y above the curve start reads as never, as the pallet computes it', () => {
    const whitelistedSupport = kusamaTrack(1).minSupport;
    expect(curvePassing(whitelistedSupport, 0, 600_000_000)).toBe(true);
    expect(curveDelay(whitelistedSupport, 600_000_000)).toBe(PERBILL_ONE);
  });

  it('an unknown curve kind never passes', () => {
    const bogus = { type: 'Sigmoid' } as unknown as Curve;
    expect(curveThreshold(bogus, 0)).toBe(PERBILL_ONE);
    expect(curveDelay(bogus, 0)).toBe(PERBILL_ONE);
  });
});

describe('curve properties', () => {
  const curves = KUSAMA_TRACKS.flatMap((t) => [t.minApproval, t.minSupport]);
  const curve = fc.constantFrom(...curves);
  const perbill = fc.integer({ min: 0, max: PERBILL_ONE });

  it('thresholds never rise as x grows', () => {
    fc.assert(
      fc.property(curve, perbill, perbill, (c, a, b) => {
        const [lo, hi] = a <= b ? [a, b] : [b, a];
        expect(curveThreshold(c, hi)).toBeLessThanOrEqual(curveThreshold(c, lo));
      }),
      { numRuns: 5000 },
    );
  });

  it('thresholds stay within [0, 1]', () => {
    fc.assert(
      fc.property(curve, fc.integer({ min: -5, max: PERBILL_ONE + 5 }), (c, x) => {
        const y = curveThreshold(c, x);
        expect(y).toBeGreaterThanOrEqual(0);
        expect(y).toBeLessThanOrEqual(PERBILL_ONE);
      }),
    );
  });

  it('a y passing at its delay keeps passing at every later x', () => {
    fc.assert(
      fc.property(curve, perbill, perbill, (c, y, later) => {
        const d = curveDelay(c, y);
        if (d < PERBILL_ONE && curvePassing(c, d, y) && later >= d)
          expect(curvePassing(c, later, y)).toBe(true);
      }),
    );
  });
});
