import { describe, expect, it } from 'vitest';
import { generateScenario, ScenarioError } from '../../../dev/scenario/index.js';

describe('generateScenario determinism and options', () => {
  const a = generateScenario({ size: 'small', seed: 99 });

  it('gives the same bytes for the same seed', () => {
    const b = generateScenario({ size: 'small', seed: 99 });
    expect(b.storage).toEqual(a.storage);
    expect(b.expected).toEqual(a.expected);
    expect(b.fixtures).toEqual(a.fixtures);
  });

  it('gives different state for another seed', () => {
    const c = generateScenario({ size: 'small', seed: 100 });
    const keys = new Set(a.storage.map(([k]) => k));
    const shared = c.storage.filter(([k]) => keys.has(k)).length;
    expect(shared).toBeLessThan(c.storage.length / 2);
    expect(c.expected.staking.activeEra).not.toEqual(a.expected.staking.activeEra);
  });

  it('defaults the seed to 1', () => {
    expect(generateScenario({ size: 'small' }).storage).toEqual(
      generateScenario({ size: 'small', seed: 1 }).storage,
    );
  });

  it('sorts keys, never repeats one, and writes only hex', () => {
    for (let i = 1; i < a.storage.length; i++) expect(a.storage[i - 1]![0] < a.storage[i]![0]).toBe(true);
    expect(a.storage.every(([k, v]) => /^0x[0-9a-f]+$/.test(k) && /^0x[0-9a-f]*$/.test(v))).toBe(true);
  });

  it('rejects bad sizes and seeds with a clear error', () => {
    expect(() => generateScenario({ size: 'huge' as 'small' })).toThrow(/unknown scenario size "huge"/);
    expect(() => generateScenario({ size: 'small', seed: -1 })).toThrow(ScenarioError);
    expect(() => generateScenario({ size: 'small', seed: 1.5 })).toThrow(/seed must be an integer/);
    expect(() => generateScenario(null as never)).toThrow(ScenarioError);
  });

  it('reports progress when asked', () => {
    const stages = new Set<string>();
    generateScenario({ size: 'small', seed: 3, onProgress: (p) => stages.add(p.stage) });
    expect(stages).toContain('era history');
    expect(stages).toContain('encoding eras');
    expect(stages).toContain('done');
  });
});
