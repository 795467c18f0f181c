import { describe, expect, it } from 'vitest';
import { sectionView, UndeclaredInputError } from '../../../../core/snapshot/sections.js';
import type { Snapshot } from '../../../../core/types/snapshot.js';
import { Fingerprinter } from '../../../../lambdas/snapshot/build-cache/fingerprint.js';

const value = () => ({
  ledgers: { a: { active: 10n, unlocking: [{ value: 1n, era: 5 }] } },
  names: ['x', 'y'],
  flag: true,
  none: null,
  gone: undefined,
  bytes: new Uint8Array([1, 2]),
  map: new Map([[1, 'one']]),
});

describe('input fingerprints', () => {
  const f = new Fingerprinter();

  it('equal inputs give equal fingerprints, built apart', () => {
    expect(f.digest(value())).toBe(f.digest(value()));
  });

  it('any change gives another fingerprint', () => {
    const base = f.digest(value());
    const changes: Array<(v: ReturnType<typeof value>) => void> = [
      (v) => {
        v.ledgers.a.active = 11n;
      },
      (v) => {
        v.ledgers.a.unlocking.push({ value: 1n, era: 6 });
      },
      (v) => {
        v.names[1] = 'z';
      },
      (v) => {
        v.flag = false;
      },
      (v) => {
        (v as Record<string, unknown>).none = 0;
      },
      (v) => {
        (v as Record<string, unknown>).extra = 1;
      },
      (v) => {
        v.bytes[0] = 9;
      },
      (v) => {
        v.map.set(2, 'two');
      },
    ];
    const seen = new Set([base]);
    for (const change of changes) {
      const v = value();
      change(v);
      const d = f.digest(v);
      expect(seen.has(d)).toBe(false);
      seen.add(d);
    }
  });

  it('tells a number from a string and a bigint, and strings apart however they are cut', () => {
    expect(f.digest([1])).not.toBe(f.digest(['1']));
    expect(f.digest([1])).not.toBe(f.digest([1n]));
    expect(f.digest(['ab', 'c'])).not.toBe(f.digest(['a', 'bc']));
    expect(f.digest({ a: 'b' })).not.toBe(f.digest({ ab: '' }));
  });

  it('an object marked immutable counts by identity: the same object matches, an equal copy does not', () => {
    const kept = { pages: [1, 2, 3] };
    f.markImmutable(kept);
    expect(f.isImmutable(kept)).toBe(true);
    expect(f.digest({ era: kept })).toBe(f.digest({ era: kept }));
    expect(f.digest({ era: kept })).not.toBe(f.digest({ era: { pages: [1, 2, 3] } }));
  });

  it('what has no plain-data reading gets no fingerprint (its section is built every run)', () => {
    expect(f.digest({ at: new Date(0) })).toBeUndefined();
    expect(f.digest({ fn: () => 1 })).toBeUndefined();
    const cycle: Record<string, unknown> = {};
    cycle.self = cycle;
    expect(f.digest(cycle)).toBeUndefined();
  });
});

describe('a section sees only what it declares', () => {
  const snapshot = { staking: { x: 1 }, governance: { y: 2 } } as unknown as Snapshot;

  it('reads its declared parts, and throws on any other part of the snapshot', () => {
    const view = sectionView(snapshot, { name: 'staking', reads: ['staking'] });
    expect(view.staking).toEqual({ x: 1 });
    expect(() => view.governance).toThrow(UndeclaredInputError);
    expect(() => view.governance).toThrow(/section staking reads snapshot.governance/);
  });
});
