/** The whole cost report from a set of measurements: inputs, one bill per subscriber count. */
import { RECORDED_RESULTS_DIR } from '../bench-results.js';
import { assembleInputs, type DeploymentShape } from './assemble.js';
import type { CostInputs } from './inputs.js';
import { Measurements } from './measured.js';
import { type Bill, monthlyBill } from './model.js';
import { costSection } from './render.js';

export const SUBSCRIBER_COUNTS = [1_000, 10_000, 100_000] as const;
/** The bill Herald must stay under at 1,000 subscribers. */
export const TARGET_DOLLARS = 3;

export interface CostReport {
  inputs: CostInputs;
  bills: Bill[];
  measurements: Measurements;
  section: string;
}

export function costReport(dirs: readonly string[], deployment: DeploymentShape): CostReport {
  const measurements = new Measurements(dirs);
  const inputs = assembleInputs(measurements, deployment);
  const bills = SUBSCRIBER_COUNTS.map((s) => monthlyBill(inputs, s));
  const runs = measurements
    .provenance()
    .map((p) => `\`${p.bench}\` ${p.measuredAt.slice(0, 10)}`)
    .join(', ');
  const where = dirs.includes(RECORDED_RESULTS_DIR) ? 'docs/cost/measured/' : '.cache/bench/';
  const section = costSection(
    inputs,
    bills,
    `Measured by the benchmarks (${runs}); their results are kept in \`${where}\`.`,
  );
  return { inputs, bills, measurements, section };
}
