import { describe, expect, it } from 'vitest';
import {
  accountView,
  accountViewFromSnapshot,
  buildAccountSlices,
  buildEraSlice,
  buildValidatorSlices,
  buildViewContext,
  emptyAccountSlice,
  eraView,
  measureEraLength,
} from '../../../core/staking/index.js';
import { accountOf, emptySnapshot, HOUR_MS, ksm, ledgerOf } from '../../fixtures/staking-fixture.js';

describe('thin or odd snapshots', () => {
  it('answers from a snapshot with no history, no validators and an era without a start', () => {
    const s = emptySnapshot(5, null, 1_000);
    s.staking.currentEra = null;
    expect(buildAccountSlices(s).size).toBe(0);
    expect(buildValidatorSlices(s).size).toBe(0);
    const eraSlice = buildEraSlice(s);
    const ctx = buildViewContext(eraSlice);
    const e = eraView(eraSlice, ctx);
    expect(e).toMatchObject({ activeEra: 5, totalStake: 0n, validatorCount: 0, lastPaid: null });
    expect(e.progress).toMatchObject({ startMs: null, elapsedMs: null, fraction: null });
    expect(e.apy).toMatchObject({ value: null, erasUsed: 0 });
    const v = accountView(emptyAccountSlice(accountOf('nobody')), ctx);
    expect(v.warnings).toEqual([{ code: 'unknown-account' }]);
    expect(v.apy.network.value).toBeNull();
  });

  it('handles a bonded stash that does nothing, and a zero bond', () => {
    const s = emptySnapshot(100, 0, 2 * HOUR_MS);
    const idle = accountOf('idle');
    const leaving = accountOf('leaving');
    s.staking.ledgers[idle] = ledgerOf(idle, ksm(10));
    s.staking.ledgers[leaving] = ledgerOf(leaving, 0n, [[ksm(3), 120]]);
    s.staking.nominators[leaving] = { stash: leaving, targets: [], submittedIn: 50, suppressed: false };
    const idleView = accountViewFromSnapshot(s, idle);
    expect(idleView.ok && idleView.view.warnings).toEqual([{ code: 'not-nominating' }]);
    const leavingView = accountViewFromSnapshot(s, leaving);
    expect(leavingView.ok && leavingView.view.warnings.map((w) => w.code)).toEqual([
      'fully-unbonding',
      'no-active-stake',
      'below-minimum-active-stake',
      'below-min-nominator-bond',
    ]);
    expect(leavingView.ok && leavingView.view.apy.account).toMatchObject({ value: null });
  });

  it('ignores unusable era starts when measuring the era length', () => {
    expect(measureEraLength([])).toMatchObject({ source: 'nominal', eraLengthMs: 6 * HOUR_MS });
    expect(
      measureEraLength([
        { era: 3, startMs: 100 },
        { era: 3, startMs: 50 },
        { era: 4, startMs: Number.NaN },
      ]),
    ).toMatchObject({ source: 'nominal' });
    // Gaps count per era; the median resists one stretched era.
    expect(
      measureEraLength([
        { era: 1, startMs: 0 },
        { era: 2, startMs: 6 * HOUR_MS },
        { era: 4, startMs: 18 * HOUR_MS },
        { era: 5, startMs: 48 * HOUR_MS },
      ]),
    ).toEqual({ eraLengthMs: 6 * HOUR_MS, source: 'measured', samples: 3 });
  });
});
