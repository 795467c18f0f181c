import { describe, expect, it } from 'vitest';
import {
  accountView,
  buildAccountSlice,
  buildAccountSlices,
  buildEraSlice,
  buildValidatorSlices,
  buildViewContext,
  eraView,
  validatorView,
} from '../../../core/staking/index.js';
import { kusamaScaleSnapshot } from './kusama-scale-fixture.js';

// Full counts of accounts and validators, a shorter window to keep the suite light (the bench runs all 84 eras).
const { snapshot, nominators, poolMembers, validators } = kusamaScaleSnapshot({ eras: 12 });

describe('kusama-size snapshot', () => {
  const slices = buildAccountSlices(snapshot);
  const ctx = buildViewContext(buildEraSlice(snapshot));

  it('builds a slice for every stash, validator and pool member', () => {
    for (const address of [...nominators, ...poolMembers, ...validators])
      expect(slices.has(address)).toBe(true);
    expect(slices.size).toBeGreaterThanOrEqual(nominators.length + poolMembers.length + validators.length);
  });

  it('agrees with single-account builds and keeps every unclaimed estimate within the era reward', () => {
    for (const address of [nominators[0]!, nominators[777]!, poolMembers[42]!, validators[3]!]) {
      const slice = slices.get(address)!;
      expect(buildAccountSlice(snapshot, address)).toEqual(slice);
      const v = accountView(slice, ctx);
      for (const r of v.unclaimed.rewards) {
        const reward = ctx.eraByIndex.get(r.era)!.validatorReward!;
        expect(r.estimate >= 0n && r.estimate <= reward).toBe(true);
        expect(r.erasLeft).toBeGreaterThanOrEqual(0);
      }
    }
  });

  it('answers every kind of account without throwing', () => {
    let unclaimedSeen = 0;
    let i = 0;
    for (const slice of slices.values()) {
      if (i++ % 20 !== 0) continue;
      const v = accountView(slice, ctx);
      expect(v.known).toBe(true);
      unclaimedSeen += v.unclaimed.rewards.length;
    }
    expect(unclaimedSeen).toBeGreaterThan(0);
    const vs = buildValidatorSlices(snapshot);
    // 1,000 elected and 60 waiting candidates, and the 5 chilled validators nominators still name.
    expect(vs.size).toBe(1_065);
    for (const slice of vs.values()) expect(validatorView(slice, ctx).known).toBe(true);
    expect(eraView(buildEraSlice(snapshot), ctx).validatorCount).toBe(1_000);
  });
});
