/** Progress reporting for the big scenario: a stderr printer that speaks once per stage step. */
import type { ScenarioProgress } from './types.js';

export function progressPrinter(write: (line: string) => void = (l) => process.stderr.write(`${l}\n`)) {
  const started = Date.now();
  let last = '';
  return (p: ScenarioProgress): void => {
    const pct = p.total > 0 ? Math.floor((p.done / p.total) * 10) * 10 : 100;
    const line = `${p.stage} ${pct}%`;
    if (line === last) return;
    last = line;
    write(`[scenario ${((Date.now() - started) / 1000).toFixed(1)}s] ${p.stage}: ${p.done}/${p.total}`);
  };
}
