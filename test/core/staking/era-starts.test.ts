import { describe, expect, it } from 'vitest';
import { carriedEraStarts } from '../../../core/staking/era-slice.js';
import type { EraSlice } from '../../../core/staking/slice-types.js';

const starts = [
  { era: 10, startMs: 1_000 },
  { era: 11, startMs: 2_000 },
];
const slice = (genesisHash?: string) =>
  ({ anchor: { blockNumber: 1, relayBlock: 2, timestampMs: 3, genesisHash }, eraStarts: starts }) as EraSlice;

describe('era starts carried from the stored era slice', () => {
  it('come from the same chain only', () => {
    expect(carriedEraStarts(slice('0xaa'), '0xaa')).toEqual(starts);
    expect(carriedEraStarts(slice('0xbb'), '0xaa')).toEqual([]);
    expect(carriedEraStarts(undefined, '0xaa')).toEqual([]);
  });

  it('are kept from a slice stored before the genesis hash was', () => {
    expect(carriedEraStarts(slice(), '0xaa')).toEqual(starts);
  });
});
