import { describe, expect, it } from 'vitest';
import { BlobEraArchive, encodeKeptEra } from '../../../lambdas/snapshot/read/blob-era-archive.js';
import type { KeptEra } from '../../../lambdas/snapshot/read/era-archive.js';
import { memoryBlobs } from './memory-blobs.js';

const A = `0x${'a1'.repeat(32)}`;
const B = `0x${'b2'.repeat(32)}`;

function kept(era: number, reward = 5n): KeptEra {
  return {
    era,
    validatorReward: reward,
    totalStake: 10n,
    rewardPoints: { total: 0, individual: {} },
    prefs: {},
    overviews: {},
    pages: [],
  };
}

describe('BlobEraArchive keyed by genesis hash', () => {
  it('keeps each chain apart, in memory and in the blobs a cold start reads', async () => {
    const blobs = memoryBlobs();
    const warm = new BlobEraArchive(blobs);
    await warm.forChain(A).put(kept(100, 1n));
    expect(await warm.forChain(B).get(100)).toBeUndefined();
    const cold = new BlobEraArchive(blobs);
    expect((await cold.forChain(A).get(100))?.validatorReward).toBe(1n);
    expect(await cold.forChain(B).get(100)).toBeUndefined();
    expect(blobs.keys()).toEqual([`era-archive/${A}/100`]);
  });

  it("prunes the chain's own old eras and the blobs written before eras were keyed by chain", async () => {
    const blobs = memoryBlobs();
    await blobs.putBlob('era-archive/99', encodeKeptEra(kept(99)));
    const archive = new BlobEraArchive(blobs);
    for (const era of [98, 99, 100]) await archive.forChain(A).put(kept(era));
    await archive.forChain(B).put(kept(98));
    await archive.forChain(A).pruneBefore(100);
    expect(blobs.keys()).toEqual([`era-archive/${A}/100`, `era-archive/${B}/98`]);
    expect(await archive.forChain(A).get(99)).toBeUndefined();
    expect(await archive.forChain(B).get(98)).toBeDefined();
  });

  it('lists the stored blobs only when the window moved since this process last pruned', async () => {
    const blobs = memoryBlobs();
    let listings = 0;
    const counted = {
      ...blobs,
      listBlobs: (prefix: string) => {
        listings++;
        return blobs.listBlobs(prefix);
      },
    };
    const archive = new BlobEraArchive(counted);
    for (const era of [98, 99, 100]) await archive.forChain(A).put(kept(era));
    await archive.forChain(A).pruneBefore(99);
    await archive.forChain(A).pruneBefore(99);
    expect(listings).toBe(1);
    await archive.forChain(A).pruneBefore(100);
    expect(listings).toBe(2);
    expect(blobs.keys()).toEqual([`era-archive/${A}/100`]);
    // Another chain, or a new process (a cold start), lists again.
    await archive.forChain(B).pruneBefore(100);
    await new BlobEraArchive(counted).forChain(A).pruneBefore(100);
    expect(listings).toBe(4);
  });

  it('refuses what is not a genesis hash', () => {
    expect(() => new BlobEraArchive(memoryBlobs()).forChain('era-1')).toThrow(/not a genesis hash/);
  });
});
