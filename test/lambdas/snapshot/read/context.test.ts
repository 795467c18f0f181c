import { describe, expect, it } from 'vitest';
import { UndecodableItemError } from '../../../../lambdas/snapshot/errors.js';
import { decodeAll, type ReadContext } from '../../../../lambdas/snapshot/read/context.js';
import type { RawStorage } from '../../../../lambdas/snapshot/rpc/raw-storage.js';

function context(warnings: string[]): ReadContext {
  return {
    storage: {} as RawStorage,
    has: () => true,
    decoders: { decoder: (item) => item.decode },
    warn: (m) => warnings.push(m),
  };
}

const entries = (n: number) => Array.from({ length: n }, (_, i): [string, string] => [`0x${i}`, `0x${i}`]);
const failOn = (bad: (i: number) => boolean) => (key: string) => {
  const i = Number(key.slice(2));
  if (bad(i)) throw new Error(`entry ${i} is bad`);
  return i;
};

describe('decoding every entry of an item', () => {
  it('keeps what decodes and warns about a few that do not', () => {
    const warnings: string[] = [];
    expect(
      decodeAll(
        context(warnings),
        'X.Y',
        entries(10),
        failOn((i) => i < 5),
      ),
    ).toEqual([5, 6, 7, 8, 9]);
    expect(warnings).toEqual(['X.Y: 5 of 10 entries did not decode (first: entry 0 is bad)']);
  });

  it('fails the run when most of at least four entries do not decode', () => {
    const warnings: string[] = [];
    expect(() =>
      decodeAll(
        context(warnings),
        'X.Y',
        entries(10),
        failOn((i) => i < 6),
      ),
    ).toThrow(new UndecodableItemError('X.Y: 6 of 10 entries did not decode (first: entry 0 is bad)'));
    expect(() =>
      decodeAll(
        context(warnings),
        'X.Y',
        entries(4),
        failOn((i) => i > 0),
      ),
    ).toThrow(UndecodableItemError);
    expect(warnings).toEqual([]);
  });

  it('only warns when there are too few entries to tell', () => {
    const warnings: string[] = [];
    expect(
      decodeAll(
        context(warnings),
        'X.Y',
        entries(3),
        failOn(() => true),
      ),
    ).toEqual([]);
    expect(warnings).toEqual(['X.Y: 3 of 3 entries did not decode (first: entry 0 is bad)']);
  });
});
