import { describe, expect, it } from 'vitest';
import {
  buildEraSlice,
  buildValidatorSlice,
  buildViewContext,
  eraView,
  mergeEraStarts,
  validatorView,
} from '../../../core/staking/index.js';
import { HOUR_MS, ksm } from '../../fixtures/staking-fixture.js';
import { ACTIVE, handScenario, PCT, START_MS, who } from './scenario.js';

const snapshot = handScenario();
const eraSlice = buildEraSlice(snapshot);
const ctx = buildViewContext(eraSlice);

describe('validatorView', () => {
  it('shows an active validator: prefs, stake, nominators, points and unclaimed eras', () => {
    const v = validatorView(buildValidatorSlice(snapshot, who.v1), ctx);
    expect(v).toMatchObject({
      known: true,
      candidate: true,
      status: 'active',
      commission: 10 * PCT,
      blocked: false,
    });
    expect(v.thisEra).toEqual({
      total: ksm(2_000),
      own: ksm(1_000),
      nominatorCount: 2,
      pageCount: 1,
      points: 20,
      commission: 10 * PCT,
    });
    // N_ALL, N_UNEXPOSED and X nominate it.
    expect(v.nominatedBy).toBe(3);
    expect(v.points.recent).toEqual([
      { era: 916, points: 50, shareParts: 500_000_000 },
      { era: 917, points: 50, shareParts: 500_000_000 },
      { era: 990, points: 600, shareParts: 600_000_000 },
      { era: 999, points: 600, shareParts: 600_000_000 },
    ]);
    expect(v.points.recentAverage).toBe(325);
    expect(v.unclaimed.eras.map((e) => [e.era, e.pages, e.estimate, e.erasLeft])).toEqual([
      [917, [0], 174_999_999_850_000n, 0],
      [999, [0], ksm(330), 82],
    ]);
    expect(v.unclaimed.total).toBe(174_999_999_850_000n + ksm(330));
    expect(v.warnings).toEqual([{ code: 'unclaimed-expiring', era: 917, erasLeft: 0 }]);
  });

  it('counts only the unclaimed page of a partly claimed era', () => {
    // Era 999, V2: page 0 paid; page 1 carries 200 of 1,000 → 200/1,000 of the 20 KSM commission.
    const v = validatorView(buildValidatorSlice(snapshot, who.v2), ctx);
    expect(v.unclaimed.eras.map((e) => [e.era, e.pages, e.pageCount, e.estimate])).toEqual([
      [999, [1], 2, ksm(4)],
    ]);
  });

  it('tells waiting, blocked and former validators apart', () => {
    const waiting = validatorView(buildValidatorSlice(snapshot, who.waiting), ctx);
    expect(waiting).toMatchObject({ status: 'waiting', thisEra: null, warnings: [] });
    const blocked = validatorView(buildValidatorSlice(snapshot, who.blocked), ctx);
    expect(blocked.warnings).toEqual([{ code: 'blocked' }]);
    const chilled = validatorView(buildValidatorSlice(snapshot, who.chilled), ctx);
    expect(chilled).toMatchObject({ status: 'inactive', candidate: false, commission: null });
    expect(chilled.warnings).toEqual([{ code: 'not-a-candidate' }]);
    expect(chilled.nominatedBy).toBe(1);
  });

  it('says when the address is no validator at all', () => {
    const v = validatorView(buildValidatorSlice(snapshot, who.stranger), ctx);
    expect(v).toMatchObject({ known: false, status: 'inactive', bond: null });
    expect(v.warnings).toEqual([{ code: 'unknown-validator', historyDepth: 84 }]);
  });
});

describe('eraView', () => {
  it('shows progress, the next era and network figures', () => {
    const v = eraView(eraSlice, ctx);
    expect(v.activeEra).toBe(ACTIVE);
    expect(v.currentEra).toBe(ACTIVE + 1);
    expect(v.progress.elapsedMs).toBe(2 * HOUR_MS);
    expect(v.progress.fraction).toBeCloseTo(1 / 3, 12);
    expect(v.progress.next).toMatchObject({ era: 1001, inMs: 4 * HOUR_MS, source: 'nominal' });
    expect(v).toMatchObject({
      totalStake: ksm(5_100),
      validatorCount: 3,
      candidateCount: 5,
      waitingCount: 2,
      nominatorCount: 5,
      poolCount: 1,
      poolMemberCount: 1,
      minNominatorBond: ksm(10),
      minimumActiveStake: ksm(80),
      pointsThisEra: 30,
      lastPaid: { era: 999, validatorReward: ksm(1_000) },
    });
  });

  it('estimates the network APY with the points-weighted commission', () => {
    // 916, 917: 500/3,000 × (1 − 6%); 990, 999: 1,000/3,000 × (1 − 8%); mean × 1,461.
    const expected = ((2 * (500 / 3000) * 0.94 + 2 * (1000 / 3000) * 0.92) / 4) * 1461;
    const v = eraView(eraSlice, ctx);
    expect(v.apy.value).toBeCloseTo(expected, 9);
    expect(v.apy).toMatchObject({ erasUsed: 4, firstEra: 916, lastEra: 999, formula: 'network' });
    expect(eraSlice.eras.find((e) => e.era === 999)!.weightedCommission).toBe(8 * PCT);
  });

  it('measures the era length from known era starts when the store carried them over', () => {
    const withStarts = buildEraSlice(snapshot, [
      { era: 998, startMs: START_MS - 14 * HOUR_MS },
      { era: 999, startMs: START_MS - 7 * HOUR_MS },
    ]);
    const measured = buildViewContext(withStarts);
    expect(measured.timing).toEqual({ eraLengthMs: 7 * HOUR_MS, source: 'measured', samples: 2 });
    const v = eraView(withStarts, measured);
    expect(v.progress.next).toMatchObject({ inMs: 5 * HOUR_MS, source: 'measured' });
    // Annualised over 365.25 days of 7 h eras.
    const nominal = eraView(eraSlice, ctx).apy.value!;
    expect(v.apy.value).toBeCloseTo((nominal * 6) / 7, 9);
  });

  it('flags an era that runs past its expected end', () => {
    const late = buildViewContext(eraSlice, { nowMs: START_MS + 8 * HOUR_MS });
    const v = eraView(eraSlice, late);
    expect(v.progress.fraction).toBeCloseTo(8 / 6, 12);
    expect(v.progress.next).toMatchObject({ inMs: 0, overdue: true });
  });

  it('keeps a bounded history of era starts across snapshots', () => {
    let previous = eraSlice.eraStarts;
    for (let era = ACTIVE + 1; era <= ACTIVE + 40; era += 1) {
      const next = handScenario();
      next.staking.activeEra = { index: era, startMs: START_MS + (era - ACTIVE) * 7 * HOUR_MS };
      previous = buildEraSlice(next, previous).eraStarts;
    }
    expect(previous).toHaveLength(29);
    expect(previous.at(-1)).toEqual({ era: ACTIVE + 40, startMs: START_MS + 40 * 7 * HOUR_MS });
    expect(buildViewContext(buildEraSlice(snapshot, previous)).timing).toMatchObject({
      eraLengthMs: 7 * HOUR_MS,
      samples: 28,
    });
  });

  it('merges era starts, newest kept', () => {
    const merged = mergeEraStarts(
      [
        { era: 1, startMs: 10 },
        { era: 2, startMs: 20 },
      ],
      [
        { era: 2, startMs: 21 },
        { era: 3, startMs: 30 },
      ],
      2,
    );
    expect(merged).toEqual([
      { era: 2, startMs: 21 },
      { era: 3, startMs: 30 },
    ]);
  });
});
