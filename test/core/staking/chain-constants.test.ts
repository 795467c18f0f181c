/** The views follow the staking constants of the runtime the snapshot was read with, not Kusama's. */
import { describe, expect, it } from 'vitest';
import {
  accountView,
  buildAccountSlice,
  buildEraSlice,
  buildValidatorSlice,
  buildViewContext,
  claimableRange,
  expiryOf,
  validatorView,
} from '../../../core/staking/index.js';
import { HOUR_MS } from '../../fixtures/staking-fixture.js';
import { handScenario, who } from './scenario.js';

function withConstants() {
  const s = handScenario();
  s.constants = { ...s.constants, historyDepth: 40, bondingDuration: 14, sessionsPerEra: 3 };
  return s;
}

describe('views over the chain constants', () => {
  const s = withConstants();
  const ctx = buildViewContext(buildEraSlice(s));

  it('claim window and expiry follow the history depth', () => {
    expect(claimableRange(ctx)).toEqual({ from: 1001 - 40, to: 1001 });
    expect(expiryOf(ctx, 990)).toMatchObject({ expiresInEra: 1030, erasLeft: 1030 - 1001 });
    const stranger = validatorView(buildValidatorSlice(s, who.stranger), ctx);
    expect(stranger.warnings).toEqual([{ code: 'unknown-validator', historyDepth: 40 }]);
  });

  it('the offence queue holds withdrawals for the bonding duration', () => {
    s.staking.offenceQueueEarliestEra = 960;
    const held = buildViewContext(buildEraSlice(s));
    // min(active 1000, 960 − 1 + 14 = 973)
    expect(accountView(buildAccountSlice(s, who.all), held).bond.unlocking.earliestWithdrawalEra).toBe(973);
    s.staking.offenceQueueEarliestEra = null;
  });

  it('an era is SessionsPerEra relay hours long until eras are measured', () => {
    expect(ctx.timing).toMatchObject({ source: 'nominal', eraLengthMs: 3 * HOUR_MS });
  });

  it('an era slice stored before the constants were kept falls back to Kusama', () => {
    const { constants: _c, ...stored } = buildEraSlice(s);
    const old = buildViewContext(stored);
    expect(old.constants.historyDepth).toBe(84);
    expect(old.timing.eraLengthMs).toBe(6 * HOUR_MS);
  });
});
