/**
 * The era archive outlives a chain: `.data/` keeps its blobs when `npm start` switches seed,
 * scenario or `--fork`. One archive read on two dev chains must still give each chain its own eras,
 * and the active era always comes from the chain.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readSnapshot } from '../../../lambdas/snapshot/chain-reader.js';
import { BlobEraArchive } from '../../../lambdas/snapshot/read/blob-era-archive.js';
import { MemoryEraArchive } from '../../../lambdas/snapshot/read/era-archive.js';
import { type SeededChain, seededChain } from './chain-fixture.js';
import { memoryBlobs } from './memory-blobs.js';

describe('era archive shared by two chains', () => {
  const blobs = memoryBlobs();
  let seeded: SeededChain;

  beforeAll(async () => {
    // Seed 43's active era (9,819) is past seed 42's (9,810): its kept eras cover seed 42's active era.
    const other = await seededChain(43);
    try {
      await readSnapshot({ assetHub: [other.chain.endpoint] }, { archive: new BlobEraArchive(blobs) });
    } finally {
      await other.close();
    }
    seeded = await seededChain(42);
  });
  afterAll(() => seeded?.close());

  it("serves each chain its own eras: seed 43's kept eras never stand in for seed 42's", async () => {
    // A fresh archive over the same blobs: a cold start after the switch.
    const archive = new BlobEraArchive(blobs);
    const { snapshot } = await readSnapshot({ assetHub: [seeded.chain.endpoint] }, { archive });
    const expected = seeded.scenario.expected.staking;
    const active = snapshot.staking.history.at(-1)!;
    expect(active.era).toBe(expected.activeEra.index);
    expect(Object.keys(active.overviews).sort()).toEqual(
      Object.keys(expected.history.at(-1)!.overviews).sort(),
    );
    expect(snapshot.staking.history).toEqual(expected.history);
  });

  it('never takes the active era from the archive, even one kept for this very chain', async () => {
    const expected = seeded.scenario.expected.staking;
    const first = await readSnapshot(
      { assetHub: [seeded.chain.endpoint] },
      { archive: new MemoryEraArchive() },
    );
    const archive = new MemoryEraArchive();
    const stale = { ...expected.history.at(-2)!, era: expected.activeEra.index, validatorReward: 1n };
    await archive.forChain(first.snapshot.anchor.genesisHash).put(stale);
    const { snapshot } = await readSnapshot({ assetHub: [seeded.chain.endpoint] }, { archive });
    expect(snapshot.staking.history.at(-1)).toEqual(expected.history.at(-1));
  });
});
