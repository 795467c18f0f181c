import { describe, expect, it } from 'vitest';
import {
  type AccountStakingSlice,
  accountView,
  buildAccountSlice,
  buildAccountSlices,
  buildEraSlice,
  buildValidatorSlice,
  buildValidatorSlices,
  buildViewContext,
  eraView,
} from '../../../core/staking/index.js';
import { handScenario, who } from './scenario.js';

/** What the store does: bigint → tagged string, and back. */
const toJson = (value: unknown) => JSON.stringify(value, (_k, v) => (typeof v === 'bigint' ? `${v}n` : v));
const fromJson = <T>(text: string): T =>
  JSON.parse(text, (_k, v) =>
    typeof v === 'string' && /^-?\d+n$/.test(v) ? BigInt(v.slice(0, -1)) : v,
  ) as T;

const snapshot = handScenario();

describe('slice builders', () => {
  const all = buildAccountSlices(snapshot);

  it('covers every stash, controller, nominator, validator and pool member', () => {
    for (const address of [
      who.all,
      who.allController,
      who.none,
      who.unexposed,
      who.x,
      who.pool,
      who.member,
    ]) {
      expect(all.has(address), address).toBe(true);
    }
    for (const address of [who.v1, who.v2, who.waiting, who.blocked, who.chilled, who.v6]) {
      expect(all.has(address), address).toBe(true);
    }
    expect(all.has(who.stranger)).toBe(false);
  });

  it('gives the same slice in bulk as for one account', () => {
    for (const [address, slice] of all) expect(buildAccountSlice(snapshot, address)).toEqual(slice);
    const validators = buildValidatorSlices(snapshot);
    // Candidates, validators elected in the window, and the chilled one, bonded and still nominated.
    expect([...validators.keys()].sort()).toEqual(
      [who.v1, who.v2, who.waiting, who.blocked, who.chilled, who.v6].sort(),
    );
    for (const [address, slice] of validators) expect(buildValidatorSlice(snapshot, address)).toEqual(slice);
  });

  it('keeps the active era and unclaimed exposures in full, and sums fully paid eras into era rewards', () => {
    const slice = all.get(who.all)!;
    // Era 990's two pages were paid out: they leave `exposures` and count as claimed pages.
    expect(slice.exposures.map((e) => [e.era, e.page, e.value])).toEqual([
      [916, 0, 300n * 10n ** 12n],
      [917, 0, 300n * 10n ** 12n],
      [999, 0, 300n * 10n ** 12n],
      [999, 1, 200n * 10n ** 12n],
      [1000, 0, 300n * 10n ** 12n],
      [1000, 1, 200n * 10n ** 12n],
    ]);
    expect(slice.claimedPages).toBe(2);
    expect(slice.validatorEras.map((f) => `${f.era}:${f.validator === who.v1 ? 'v1' : 'v2'}`)).toEqual([
      '916:v1',
      '917:v1',
      '999:v1',
      '999:v2',
      '1000:v1',
      '1000:v2',
    ]);
    // Every paid era it was exposed in has a reward estimate, claimed or not; the active era is unpaid.
    expect(slice.eraRewards.map((r) => r.era)).toEqual(
      [916, 917, 990, 999].filter(
        (era) => snapshot.staking.history.find((h) => h.era === era)?.validatorReward != null,
      ),
    );
    expect(slice.eraRewards.every((r) => r.reward > 0n)).toBe(true);
    expect(slice.exposedEras).toBe(slice.eraRewards.length);
  });

  it('survives the store round trip (bigint as string) with identical views', () => {
    const ctx = buildViewContext(buildEraSlice(snapshot));
    for (const slice of all.values()) {
      const back = fromJson<AccountStakingSlice>(toJson(slice));
      expect(back).toEqual(slice);
      expect(accountView(back, ctx)).toEqual(accountView(slice, ctx));
    }
    const eraSlice = buildEraSlice(snapshot);
    const eraBack = fromJson<typeof eraSlice>(toJson(eraSlice));
    expect(eraView(eraBack, buildViewContext(eraBack))).toEqual(eraView(eraSlice, ctx));
  });

  it('keeps an account that unbonded fully but still has exposures in the window', () => {
    const s = handScenario();
    delete s.staking.ledgers[who.all];
    delete s.staking.nominators[who.all];
    const slice = buildAccountSlice(s, who.all);
    const v = accountView(slice, buildViewContext(buildEraSlice(s)));
    expect(v.roles).toEqual(['past-staker']);
    expect(v.unclaimed.total).toBe(202n * 10n ** 12n);
  });
});
