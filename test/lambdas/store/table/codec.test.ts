import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  CorruptDataError,
  contentHash,
  fromCanonicalJson,
  MAX_PART_BYTES,
  packBytes,
  packText,
  toCanonicalJson,
  unpackBytes,
} from '../../../../lambdas/store/table/index.js';

const jsonish = fc.letrec((tie) => ({
  value: fc.oneof(
    { depthSize: 'small' },
    fc.string(),
    fc.bigInt(),
    fc.integer(),
    fc.double({ noNaN: true, noDefaultInfinity: true }).filter((n) => !Object.is(n, -0)),
    fc.boolean(),
    fc.constant(null),
    fc.array(tie('value'), { maxLength: 5 }),
    fc.dictionary(fc.string(), tie('value'), { maxKeys: 5 }),
  ),
})).value;

describe('canonical JSON with bigints', () => {
  it('round-trips any JSON-like value with bigints', () => {
    fc.assert(
      fc.property(jsonish, (value) => {
        expect(fromCanonicalJson(toCanonicalJson(value), 'v')).toEqual(value);
      }),
    );
  });

  it('is independent of key order, so equal data hashes equal', () => {
    const a = toCanonicalJson({ b: 1n, a: { y: [1, 2], x: 'x' } });
    const b = toCanonicalJson({ a: { x: 'x', y: [1, 2] }, b: 1n });
    expect(a).toBe(b);
    expect(contentHash(a)).toBe(contentHash(b));
    expect(contentHash(a)).not.toBe(contentHash(toCanonicalJson({ a: { x: 'x', y: [1, 2] }, b: 2n })));
  });

  it('tells a bigint from a string holding the same digits', () => {
    const text = toCanonicalJson({ n: 5n, s: '5', t: '$n5' });
    expect(fromCanonicalJson(text, 'v')).toEqual({ n: 5n, s: '5', t: '$n5' });
    expect(contentHash(toCanonicalJson(5n))).not.toBe(contentHash(toCanonicalJson('5')));
  });

  it('drops undefined object fields like JSON does', () => {
    expect(toCanonicalJson({ a: undefined, b: 1 })).toBe('{"b":1}');
  });

  it('rejects damaged stored text with CorruptDataError', () => {
    expect(() => fromCanonicalJson('{"a":', 'x')).toThrow(CorruptDataError);
    expect(() => fromCanonicalJson('"$q1"', 'x')).toThrow(/unknown tag/);
    expect(() => fromCanonicalJson('"$nabc"', 'x')).toThrow(CorruptDataError);
  });

  it('refuses values nested absurdly deep instead of overflowing the stack', () => {
    let deep: unknown = 1;
    for (let i = 0; i < 1_000; i++) deep = [deep];
    expect(() => toCanonicalJson(deep, 'deep')).toThrow(/nested deeper than/);
  });
});

describe('packing', () => {
  it('keeps small text inline and splits large bytes into parts under the item limit', () => {
    expect(packText('{"a":1}', 'v')).toEqual({ kind: 'text', text: '{"a":1}' });
    const random = new Uint8Array(MAX_PART_BYTES * 2 + 10).map((_, i) => (i * 2_654_435_761) >>> 24);
    const packed = packBytes(random, 'v');
    if (packed.kind !== 'bytes') throw new Error('expected bytes');
    expect(packed.parts.every((p) => p.length <= MAX_PART_BYTES)).toBe(true);
    expect(unpackBytes(packed.parts, packed.deflated, 'v')).toEqual(Buffer.from(random));
  });

  it('reports a damaged compressed payload as CorruptDataError', () => {
    expect(() => unpackBytes([new Uint8Array([1, 2, 3, 250])], true, 'v')).toThrow(CorruptDataError);
  });
});
