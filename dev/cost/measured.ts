/**
 * The cost model's inputs from the benchmarks' last results (`dev/bench-results.ts`): each figure
 * names the file and key it came from, so the printed bill shows its evidence. A missing result or
 * key is an error that names the benchmark to run.
 */
import { type BenchResult, loadBenchResult } from '../bench-results.js';
import { type Figure, figure } from './inputs.js';

export const BENCH_COMMANDS: Record<string, string> = {
  snapshot: 'npm run bench:snapshot -- --skip-naive',
  'snapshot-latency': 'npm run bench:snapshot -- --latency 50',
  alerts: 'npm run bench:alerts',
  commands: 'npm run bench:commands',
};

export class MissingMeasurementError extends Error {
  constructor(
    readonly bench: string,
    readonly key: string,
    detail: string,
  ) {
    super(`${detail}: run \`${BENCH_COMMANDS[bench] ?? bench}\` first (or \`npm run cost -- --measure\`)`);
    this.name = 'MissingMeasurementError';
  }
}

/** Reads figures out of benchmark results found in `dirs` (the first that has each bench wins). */
export class Measurements {
  private readonly cache = new Map<string, BenchResult<unknown> | undefined>();

  constructor(private readonly dirs: readonly string[]) {}

  result(bench: string): BenchResult<unknown> | undefined {
    if (!this.cache.has(bench)) {
      let found: BenchResult<unknown> | undefined;
      for (const dir of this.dirs) {
        found = loadBenchResult(bench, dir);
        if (found) break;
      }
      this.cache.set(bench, found);
    }
    return this.cache.get(bench);
  }

  has(bench: string, key: string): boolean {
    return typeof this.lookup(bench, key) === 'number';
  }

  /** The number at `key` (dotted path) of `bench`'s figures, as a measured Figure. */
  figure(bench: string, key: string, scale = 1, note = ''): Figure {
    const value = this.lookup(bench, key);
    if (value === undefined) throw new MissingMeasurementError(bench, key, `no ${bench} benchmark result`);
    if (typeof value !== 'number' || !Number.isFinite(value))
      throw new MissingMeasurementError(bench, key, `${bench}.json has no number at ${key}`);
    return figure(value * scale, `measured: ${bench}.json ${key}${note ? ` (${note})` : ''}`);
  }

  /** When and how each benchmark used was measured. */
  provenance(): Array<{ bench: string; measuredAt: string; command: string }> {
    return [...this.cache.entries()]
      .filter((e): e is [string, BenchResult<unknown>] => e[1] !== undefined)
      .map(([bench, r]) => ({ bench, measuredAt: r.measuredAt, command: r.command }));
  }

  private lookup(bench: string, key: string): unknown {
    const result = this.result(bench);
    if (!result) return undefined;
    let at: unknown = result.figures;
    for (const part of key.split('.')) at = (at as Record<string, unknown> | undefined)?.[part];
    return at === undefined ? null : at;
  }
}
