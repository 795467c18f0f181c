import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ExposureOverview } from '../../../../core/types/staking.js';
import { storageContext } from '../../../../dev/scenario/storage-context.js';
import { typicalFiveMinutes } from '../../../../dev/scenario/typical-run.js';
import { readSnapshot } from '../../../../lambdas/snapshot/chain-reader.js';
import { MemoryEraArchive } from '../../../../lambdas/snapshot/read/era-archive.js';
import {
  allPagesClaimed,
  exposurePageCount,
  SettledClaims,
} from '../../../../lambdas/snapshot/read/settled-claims.js';
import { bigintJson, type SeededChain, seededChain } from '../chain-fixture.js';

const overview = (validator: string, pageCount: number, own = 10n): ExposureOverview => ({
  validator,
  total: own + 100n,
  own,
  nominatorCount: pageCount * 3,
  pageCount,
});
const chain = { genesisHash: '0xaa', specVersion: 2_003_000, number: 1_000 };

describe('settled claims: the rules', () => {
  it('counts the pages to pay as the pallet does: one for a validator with only its own stake', () => {
    expect(exposurePageCount({ pageCount: 3, own: 1n })).toBe(3);
    expect(exposurePageCount({ pageCount: 0, own: 5n })).toBe(1);
    expect(exposurePageCount({ pageCount: 0, own: 0n })).toBe(0);
    expect(allPagesClaimed({ pageCount: 2, own: 1n }, [1, 0])).toBe(true);
    expect(allPagesClaimed({ pageCount: 2, own: 1n }, [1, 1])).toBe(false);
    expect(allPagesClaimed({ pageCount: 2, own: 1n }, [0, 5])).toBe(false);
    expect(allPagesClaimed({ pageCount: 0, own: 5n }, [])).toBe(false);
    expect(allPagesClaimed({ pageCount: 0, own: 0n }, [])).toBe(true);
  });

  it('keeps only fully claimed entries of paid eras in the window', () => {
    const settled = new SettledClaims();
    const at = settled.at(chain, 10, 20);
    at.offer(12, overview('A', 2), [0, 1]);
    at.offer(12, overview('B', 2), [0]);
    at.offer(20, overview('C', 1), [0]); // the active era: not paid, never kept
    at.offer(9, overview('D', 1), [0]); // before the window
    const next = settled.at({ ...chain, number: 1_001 }, 10, 20);
    expect(next.get(12, 'A')).toEqual([0, 1]);
    expect(next.get(12, 'B')).toBeUndefined();
    expect(next.get(20, 'C')).toBeUndefined();
    expect(next.get(9, 'D')).toBeUndefined();
    expect(settled.size).toBe(1);
  });

  it('uses nothing at a block older than one it kept at, on another chain or under another runtime', () => {
    const settled = new SettledClaims();
    settled.at(chain, 10, 20).offer(12, overview('A', 1), [0]);
    expect(settled.at({ ...chain, number: 999 }, 10, 20).get(12, 'A')).toBeUndefined();
    expect(settled.at({ ...chain, genesisHash: '0xbb' }, 10, 20).get(12, 'A')).toBeUndefined();
    expect(settled.at(chain, 10, 20).get(12, 'A')).toEqual([0]);
    // A runtime upgrade could migrate the item: everything kept is dropped.
    expect(settled.at({ ...chain, specVersion: 2_004_000 }, 10, 20).get(12, 'A')).toBeUndefined();
    expect(settled.at(chain, 10, 20).get(12, 'A')).toBeUndefined();
  });

  it('drops eras as they leave the window', () => {
    const settled = new SettledClaims();
    settled.at(chain, 10, 20).offer(10, overview('A', 1), [0]);
    settled.at(chain, 10, 20).offer(11, overview('A', 1), [0]);
    const moved = settled.at({ ...chain, number: 1_100 }, 11, 21);
    expect(moved.get(10, 'A')).toBeUndefined();
    expect(moved.get(11, 'A')).toEqual([0]);
    expect(settled.size).toBe(1);
  });
});

describe('settled claims over the seeded dev chain', () => {
  let seeded: SeededChain;
  const archive = new MemoryEraArchive();
  const settled = new SettledClaims();
  const read = (settledClaims: SettledClaims) =>
    readSnapshot({ assetHub: [seeded.chain.endpoint] }, { archive, settledClaims });

  beforeAll(async () => {
    seeded = await seededChain(11);
  }, 120_000);
  afterAll(() => seeded?.close());

  it('asks again only for claims that can still change, and reads exactly what a full read gives', async () => {
    const first = await read(settled);
    const all = first.history.claimsRead;
    expect(first.history.claimsSettled).toBe(0);
    expect(first.snapshot.staking.history).toEqual(seeded.scenario.expected.staking.history);
    expect(settled.size).toBeGreaterThan(all / 2);

    const again = await read(settled);
    expect(again.history.claimsSettled).toBe(settled.size);
    expect(again.history.claimsRead + again.history.claimsSettled).toBe(all);
    expect(again.history.claimsRead).toBeLessThan(all / 2);
    expect(again.snapshot.staking.history).toEqual(first.snapshot.staking.history);
    // In the same order too: what is built from it must not change.
    expect(bigintJson(again.snapshot.staking.history)).toBe(bigintJson(first.snapshot.staking.history));
  }, 120_000);

  it('sees new claims, settles those that complete an exposure, and still equals a full read', async () => {
    const kept = settled.size;
    const typical = typicalFiveMinutes(seeded.scenario);
    // Also one more page of a partly claimed validator of an older era (the scenario's fixture).
    const { validator, era } = seeded.scenario.fixtures.validators.partlyClaimed;
    const h = typical.scenario.expected.staking.history.find((x) => x.era === era)!;
    const pages = Array.from({ length: exposurePageCount(h.overviews[validator]!) }, (_, p) => p);
    h.claimed[validator] = pages;
    const write = storageContext(seeded.scenario.runtime).pair(
      'Staking',
      'ClaimedRewards',
      [era, validator],
      pages,
    );
    await seeded.apply([...typical.changes, write]);
    seeded.scenario = typical.scenario;

    const warm = await read(settled);
    const full = await read(new SettledClaims());
    expect(full.history.claimsSettled).toBe(0);
    expect(warm.snapshot.staking.history).toEqual(full.snapshot.staking.history);
    expect(bigintJson(warm.snapshot.staking.history)).toBe(bigintJson(full.snapshot.staking.history));
    expect(warm.snapshot.staking.history).toEqual(seeded.scenario.expected.staking.history);
    expect(warm.snapshot.staking.history.find((x) => x.era === era)!.claimed[validator]).toEqual(pages);
    // The completed entries are settled from now on.
    expect(settled.size).toBeGreaterThan(kept);
    const after = await read(settled);
    expect(after.history.claimsSettled).toBe(settled.size);
    expect(after.snapshot.staking.history).toEqual(full.snapshot.staking.history);
  }, 120_000);
});
