import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { nextEra } from '../../../../dev/scenario/era-mutation.js';
import { typicalFiveMinutes } from '../../../../dev/scenario/typical-run.js';
import { readSnapshot } from '../../../../lambdas/snapshot/chain-reader.js';
import {
  ActiveEraExposures,
  type EraExposures,
} from '../../../../lambdas/snapshot/read/active-era-exposures.js';
import { MemoryEraArchive } from '../../../../lambdas/snapshot/read/era-archive.js';
import { SettledClaims } from '../../../../lambdas/snapshot/read/settled-claims.js';
import { bigintJson, type SeededChain, seededChain } from '../chain-fixture.js';

const block = { genesisHash: '0xaa', specVersion: 2_003_000, number: 500 };
const some: EraExposures = { prefs: {}, overviews: {}, pages: [] };

describe("the active era's exposures: the rules", () => {
  it('serves them for the same era, chain and runtime, at the same block or a later one only', () => {
    const kept = new ActiveEraExposures();
    kept.at(block).put(40, some);
    expect(kept.at({ ...block, number: 501 }).get(40)).toBe(some);
    expect(kept.at(block).get(40)).toBe(some);
    expect(kept.at({ ...block, number: 499 }).get(40)).toBeUndefined();
    expect(kept.at({ ...block, number: 501 }).get(41)).toBeUndefined();
    expect(kept.at({ ...block, specVersion: 2_004_000 }).get(40)).toBeUndefined();
    expect(kept.at({ ...block, genesisHash: '0xbb' }).get(40)).toBeUndefined();
  });
});

describe("the active era's exposures over the seeded dev chain", () => {
  let seeded: SeededChain;
  const archive = new MemoryEraArchive();
  const exposures = new ActiveEraExposures();
  const read = (activeEraExposures: ActiveEraExposures) =>
    readSnapshot(
      { assetHub: [seeded.chain.endpoint] },
      { archive, activeEraExposures, settledClaims: new SettledClaims() },
    );

  beforeAll(async () => {
    seeded = await seededChain(13);
  }, 120_000);
  afterAll(() => seeded?.close());

  it('reads them once per era, the reward points every run, and gives exactly what a full read gives', async () => {
    const first = await read(exposures);
    expect(first.snapshot.staking.history).toEqual(seeded.scenario.expected.staking.history);
    // Five minutes later: the active era's points have grown.
    const typical = typicalFiveMinutes(seeded.scenario);
    await seeded.apply(typical.changes);
    seeded.scenario = typical.scenario;
    const warm = await read(exposures);
    const full = await read(new ActiveEraExposures());
    expect(warm.snapshot.staking.history).toEqual(full.snapshot.staking.history);
    expect(bigintJson(warm.snapshot)).toBe(bigintJson(full.snapshot));
    expect(warm.snapshot.staking.history).toEqual(seeded.scenario.expected.staking.history);
    const active = seeded.scenario.expected.staking.activeEra.index;
    const points = (r: typeof warm) => r.snapshot.staking.history.find((h) => h.era === active)!.rewardPoints;
    expect(points(warm)).not.toEqual(points(first));
    // The exposures' keys and values were not asked for again.
    expect(warm.rpcRequests).toBeLessThan(full.rpcRequests);
  }, 120_000);

  it('reads the new active era’s exposures after an era change', async () => {
    const change = nextEra(seeded.scenario);
    await seeded.apply(change.changes);
    seeded.scenario = change.scenario;
    const warm = await read(exposures);
    expect(warm.snapshot.staking.activeEra.index).toBe(change.scenario.expected.staking.activeEra.index);
    expect(warm.snapshot.staking.history).toEqual(seeded.scenario.expected.staking.history);
    expect(warm.snapshot.staking.history).toEqual(
      (await read(new ActiveEraExposures())).snapshot.staking.history,
    );
  }, 120_000);
});
