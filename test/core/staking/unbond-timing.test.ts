/** An unbond started now, by staking-async's `unbond`: which duration, which era, and why. */
import { describe, expect, it } from 'vitest';
import {
  accountView,
  buildAccountSlice,
  buildEraSlice,
  buildViewContext,
  describeUnbondRule,
} from '../../../core/staking/index.js';
import type { StakingConstants } from '../../../core/types/index.js';
import { ACTIVE, handScenario, who } from './scenario.js';

function viewOf(
  address: string,
  rules: Partial<StakingConstants>,
  lastValidatorEra: Record<string, number> = {},
) {
  const s = handScenario();
  s.constants = { ...s.constants, ...rules };
  s.staking.lastValidatorEra = lastValidatorEra;
  return accountView(buildAccountSlice(s, address), buildViewContext(buildEraSlice(s)));
}

describe('unbonding now', () => {
  it('takes the bonding duration while nominators are slashable (Kusama)', () => {
    const now = viewOf(who.all, {}).bond.unbondNow!;
    expect(now).toMatchObject({
      eras: 28,
      era: ACTIVE + 28,
      rule: 'bonding-duration',
      lastValidatorEra: null,
    });
    expect(now.eta.atMs).toBeGreaterThan(0);
    expect(describeUnbondRule(now)).toBe('28 eras, the bonding duration');
  });

  it('takes the fast duration when nominators are not slashable', () => {
    const now = viewOf(who.all, { nominatorsSlashable: false, nominatorFastUnbondDuration: 2 }).bond
      .unbondNow!;
    expect(now).toMatchObject({ eras: 2, era: ACTIVE + 2, rule: 'fast' });
    expect(describeUnbondRule(now)).toMatch(/^2 eras, the nominators' unbonding duration/);
  });

  it('keeps the full duration for a stash elected within the bonding duration', () => {
    const fast = { nominatorsSlashable: false, nominatorFastUnbondDuration: 2 };
    const recent = viewOf(who.v1, fast, { [who.v1]: ACTIVE - 27 }).bond.unbondNow!;
    expect(recent).toMatchObject({
      eras: 28,
      era: ACTIVE + 28,
      rule: 'recent-validator',
      lastValidatorEra: ACTIVE - 27,
    });
    expect(describeUnbondRule(recent)).toMatch(/elected as a validator in era 973/);
    // 28 eras since: no longer recent (the chain compares active − last < BondingDuration).
    expect(viewOf(who.v1, fast, { [who.v1]: ACTIVE - 28 }).bond.unbondNow).toMatchObject({
      eras: 2,
      rule: 'fast',
    });
    // Elected for the next era already (LastValidatorEra past the active era): recent.
    expect(viewOf(who.v1, fast, { [who.v1]: ACTIVE + 1 }).bond.unbondNow).toMatchObject({
      rule: 'recent-validator',
    });
  });

  it('runtimes without fast unbonding take the bonding duration whatever the switch says', () => {
    const now = viewOf(who.all, { nominatorsSlashable: false, nominatorFastUnbondDuration: null }).bond
      .unbondNow;
    expect(now).toMatchObject({ eras: 28, rule: 'bonding-duration' });
  });

  it('is left out with nothing active to unbond', () => {
    expect(viewOf(who.member, {}).bond.unbondNow).toBeNull();
    expect(viewOf(who.stranger, {}).bond.unbondNow).toBeNull();
  });
});
