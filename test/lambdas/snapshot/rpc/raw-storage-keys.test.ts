import { blake2AsHex } from '@polkadot/util-crypto';
import { describe, expect, it } from 'vitest';
import { storagePrefix } from '../../../../lambdas/snapshot/rpc/keys.js';
import { RawStorage } from '../../../../lambdas/snapshot/rpc/raw-storage.js';

const PREFIX = storagePrefix('Staking', 'Nominators');

/** `n` keys of a Blake2_128Concat map, sorted as a node stores them. */
function hashedKeys(n: number, prefix = PREFIX): string[] {
  return Array.from({ length: n }, (_, i) => {
    const id = blake2AsHex(`account ${i}`, 256).slice(2);
    return `${prefix}${blake2AsHex(`0x${id}`, 128).slice(2)}${id}`;
  }).sort();
}

/**
 * A node's `state_getKeysPaged` over `stored`: the keys under the prefix after the start key, up to
 * `count`. Answers on a later turn, and records each request's round: one more than the highest
 * round answered before it was sent.
 */
function node(stored: readonly string[]) {
  let answered = 0;
  const calls: Array<{ round: number; start: string }> = [];
  const send = async (method: string, params: unknown[]) => {
    expect(method).toBe('state_getKeysPaged');
    const [prefix, count, start] = params as [string, number, string];
    const round = answered + 1;
    calls.push({ round, start });
    await new Promise((resolve) => setImmediate(resolve));
    answered = Math.max(answered, round);
    let lo = 0;
    let hi = stored.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (stored[mid]! <= start) lo = mid + 1;
      else hi = mid;
    }
    return stored.slice(lo, lo + count).filter((k) => k.startsWith(prefix));
  };
  return { send, calls, rounds: () => Math.max(0, ...calls.map((c) => c.round)) };
}

describe('listing a map’s keys', () => {
  it.each([0, 1, 999, 1_000, 1_001, 2_500, 12_500, 40_000])('finds all %i keys in key order', async (n) => {
    const stored = hashedKeys(n);
    const chain = node([...stored, ...hashedKeys(50, storagePrefix('Staking', 'Payee'))].sort());
    const storage = new RawStorage(chain.send, '0xblock', { concurrency: 64 });
    expect(await storage.keys(PREFIX)).toEqual(stored);
    const sequentialPages = Math.floor(n / 1_000) + 1;
    // Side by side: the first page, then the ranges, each nearly always one page.
    expect(chain.rounds()).toBeLessThanOrEqual(n < 1_000 ? 1 : 3);
    // At most one request more than page after page, give or take a range that held over a page.
    expect(chain.calls.length).toBeLessThanOrEqual(sequentialPages + 1 + Math.ceil(n / 20_000));
  });

  it('reads keys that are not spread evenly page after page, as before', async () => {
    // Identity-hashed small integers all start with zeros: no estimate can be made from them.
    const prefix = storagePrefix('Broker', 'Workplan');
    const stored = Array.from({ length: 3_500 }, (_, i) => prefix + i.toString(16).padStart(8, '0')).sort();
    const chain = node(stored);
    const storage = new RawStorage(chain.send, '0xblock', { concurrency: 64 });
    expect(await storage.keys(prefix)).toEqual(stored);
    expect(chain.calls.length).toBe(4);
    expect(chain.rounds()).toBe(4);
  });

  it('reads a whole pallet’s keys page after page (its items are not spread over the key space)', async () => {
    const pallet = storagePrefix('Staking', 'Nominators').slice(0, 2 + 32);
    const stored = [...hashedKeys(1_500), ...hashedKeys(700, storagePrefix('Staking', 'Ledger'))].sort();
    const chain = node(stored);
    const storage = new RawStorage(chain.send, '0xblock', { concurrency: 64 });
    expect(await storage.keys(pallet)).toEqual(stored);
    expect(chain.calls.length).toBe(3);
  });

  it('keeps within its requests in flight', async () => {
    const stored = hashedKeys(20_000);
    const chain = node(stored);
    const storage = new RawStorage(chain.send, '0xblock', { concurrency: 4 });
    expect(await storage.keys(PREFIX)).toEqual(stored);
    // Twenty-odd ranges four at a time: more rounds, the same keys.
    expect(chain.rounds()).toBeGreaterThanOrEqual(6);
  });
});
