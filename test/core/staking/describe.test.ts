import { describe, expect, it } from 'vitest';
import {
  type AccountWarning,
  accountView,
  apyFootnote,
  buildAccountSlice,
  buildEraSlice,
  buildViewContext,
  describeAccountWarning,
  describeEraTiming,
  describeValidatorWarning,
} from '../../../core/staking/index.js';
import { ksm } from '../../fixtures/staking-fixture.js';
import { handScenario, who } from './scenario.js';

describe('warning wording', () => {
  it('words every account warning with its figures', () => {
    const all: AccountWarning[] = [
      { code: 'unknown-account' },
      { code: 'not-nominating' },
      { code: 'no-active-stake', poolEarning: false },
      { code: 'no-active-targets' },
      { code: 'below-minimum-active-stake', active: ksm(50), minimum: ksm(80) },
      { code: 'below-min-nominator-bond', active: ksm(5), minimum: ksm(10) },
      { code: 'nominations-recent', submittedIn: 1000 },
      { code: 'fully-unbonding' },
      { code: 'withdrawable', amount: 1_500_000_000_000n },
      { code: 'withdrawal-held-by-offence-queue', offenceEra: 960 },
      { code: 'unclaimed-expiring', era: 917, erasLeft: 0 },
      { code: 'payee-none' },
      { code: 'pool-missing', poolId: 3 },
      { code: 'pool-not-open', poolId: 3, state: 'Destroying' },
      { code: 'pool-not-earning', poolId: 3 },
    ];
    const texts = all.map(describeAccountWarning);
    expect(new Set(texts).size).toBe(all.length);
    expect(texts[0]).toMatch(/everything is zero/);
    expect(texts[4]).toBe(
      'Your active bond 50 KSM is under the minimum active stake of 80 KSM: your nominations may be left out of the election.',
    );
    expect(texts[8]).toBe('1.5 KSM has finished unbonding and can be withdrawn.');
    expect(texts[10]).toBe('Rewards of era 917 are still unclaimed: they expire at the next era change.');
    expect(describeAccountWarning({ code: 'unclaimed-expiring', era: 917, erasLeft: 1 })).toMatch(
      /1 era left/,
    );
    expect(texts[13]).toBe('Pool 3 is being destroyed.');
  });

  it('never contradicts the earning line: a stash chilled after the election, a pool member who nominates', () => {
    expect(describeAccountWarning({ code: 'stopped-staking' })).toBe(
      'The stash no longer nominates or validates: it still earns this era from the last election, and nothing once the next election leaves it out.',
    );
    expect(describeAccountWarning({ code: 'no-active-stake', poolEarning: true })).toBe(
      'Your own bond backs no active validator this era, so it earns nothing this era; only your pool stake earns.',
    );
    expect(describeAccountWarning({ code: 'payee-none' })).toMatch(/^Rewards go to no one/);
  });

  it('words validator warnings', () => {
    expect(describeValidatorWarning({ code: 'unclaimed-expiring', era: 5, erasLeft: 3 })).toBe(
      'Era 5 is not fully paid out: 3 eras left to claim them.',
    );
    expect(describeValidatorWarning({ code: 'chilled-but-elected' })).toMatch(/still in the active set/);
  });
});

describe('APY footnote', () => {
  it('states the eras, the era length source and the formula', () => {
    const snapshot = handScenario();
    const ctx = buildViewContext(buildEraSlice(snapshot));
    const v = accountView(buildAccountSlice(snapshot, who.all), ctx);
    expect(apyFootnote(v.apy.network, ctx.timing)).toBe(
      'APR (simple, not compounded) over eras 916–999 (4 paid eras), era length 6h (nominal; no measured era lengths yet). ' +
        'Network APR = mean over the last N paid eras of erasValidatorReward / erasTotalStake × (1 − points-weighted ' +
        'average commission) × eras per year (365.25 days / era length), not compounded.',
    );
    expect(apyFootnote(v.apy.account!, ctx.timing)).toMatch(
      /^APR \(simple, not compounded\) over eras 916–999 .* Your APR = /,
    );
    expect(describeEraTiming({ eraLengthMs: 7 * 3_600_000, source: 'measured', samples: 1 })).toBe(
      'era length 7h, measured over 1 recent era',
    );
  });
});
