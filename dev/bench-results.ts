/**
 * Where benchmarks leave their measured figures for the cost model (`npm run cost`): one JSON file
 * per benchmark under `.cache/bench/`, replaced by each run. The cost model reads them (or the
 * copies recorded under `docs/cost/measured/`), so every count it bills comes from a measurement.
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

export const BENCH_RESULTS_DIR = join(process.cwd(), '.cache', 'bench');
export const RECORDED_RESULTS_DIR = join(process.cwd(), 'docs', 'cost', 'measured');

export interface BenchResult<T> {
  bench: string;
  /** When the figures were measured (ISO time). */
  measuredAt: string;
  /** The command line the figures came from. */
  command: string;
  figures: T;
}

export function saveBenchResult<T>(
  bench: string,
  figures: T,
  command = process.argv.slice(2).join(' '),
): string {
  mkdirSync(BENCH_RESULTS_DIR, { recursive: true });
  const file = join(BENCH_RESULTS_DIR, `${bench}.json`);
  const result: BenchResult<T> = { bench, measuredAt: new Date().toISOString(), command, figures };
  writeFileSync(file, `${JSON.stringify(result, null, 2)}\n`);
  return file;
}

/** The last result of `bench` in `dir`, or undefined when it never ran there. */
export function loadBenchResult<T>(bench: string, dir = BENCH_RESULTS_DIR): BenchResult<T> | undefined {
  try {
    return JSON.parse(readFileSync(join(dir, `${bench}.json`), 'utf8')) as BenchResult<T>;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw error;
  }
}
