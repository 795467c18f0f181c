import { describe, expect, it } from 'vitest';
import { batchPairs, SeedError, type StorageChange, seedStorage } from '../../../dev/scenario/index.js';

describe('batchPairs', () => {
  const pairs: StorageChange[] = Array.from({ length: 10 }, (_, i) => [
    `0x${'a'.repeat(8)}${i}`,
    `0x${'b'.repeat(20)}`,
  ]);

  it('keeps every pair, in order, each batch under the limit', () => {
    const batches = batchPairs(pairs, 100);
    expect(batches.flat()).toEqual(pairs);
    for (const b of batches)
      expect(b.reduce((s, [k, v]) => s + k.length + (v?.length ?? 4), 0)).toBeLessThanOrEqual(100);
    expect(batches.length).toBeGreaterThan(1);
  });

  it('puts an oversize pair alone and counts removals', () => {
    const big: StorageChange = ['0x01', `0x${'c'.repeat(500)}`];
    const batches = batchPairs([pairs[0]!, big, ['0x02', null]], 100);
    expect(batches).toEqual([[pairs[0]], [big], [['0x02', null]]]);
    expect(() => batchPairs(pairs, 0)).toThrow(SeedError);
  });
});

describe('seedStorage input checks', () => {
  it('rejects a non-WebSocket endpoint', async () => {
    await expect(seedStorage('http://127.0.0.1:9944', [])).rejects.toThrow(/ws:\/\/ or wss:\/\//);
  });

  it('rejects malformed pairs before connecting', async () => {
    await expect(seedStorage('ws://127.0.0.1:9', [['nothex', '0x00']])).rejects.toThrow(/pair 0/);
  });

  it('reports a refused connection', async () => {
    await expect(seedStorage('ws://127.0.0.1:9', [['0x00', '0x00']])).rejects.toThrow(
      /cannot connect to ws:\/\/127.0.0.1:9/,
    );
  });
});
