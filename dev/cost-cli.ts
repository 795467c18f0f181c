/**
 * `npm run cost`: Herald's monthly AWS bill at 1,000, 10,000 and 100,000 subscribers, from the
 * benchmarks' measured counts (DynamoDB units from the capacity meter, run times, peak memory),
 * the deployment's shape (`infra/`) and named usage assumptions.
 *   npm run cost                   the bill from the last benchmark results (.cache/bench, else docs/cost/measured)
 *   npm run cost -- --measure      runs the benchmarks whose results are missing first
 *   npm run cost -- --record       copies the results into docs/cost/measured and rewrites the README's cost section
 */
import './node-support.js';
import { spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { BENCH_RESULTS_DIR, RECORDED_RESULTS_DIR } from './bench-results.js';
import { DEPLOYMENT_SHAPE } from './cost/deployment.js';
import { BENCH_COMMANDS, MissingMeasurementError } from './cost/measured.js';
import { withSection } from './cost/readme-section.js';
import { billTable, inputsList } from './cost/render.js';
import { costReport, TARGET_DOLLARS } from './cost/report.js';

const { values } = parseArgs({ options: { measure: { type: 'boolean' }, record: { type: 'boolean' } } });

function measureMissing(): void {
  for (const [bench, command] of Object.entries(BENCH_COMMANDS)) {
    if (existsSync(join(BENCH_RESULTS_DIR, `${bench}.json`))) continue;
    console.log(`\n$ ${command}`);
    const run = spawnSync(command, { shell: true, stdio: 'inherit' });
    if (run.status !== 0) throw new Error(`${command} failed (exit ${run.status})`);
  }
}

function main(): void {
  if (values.measure) measureMissing();
  const dirs = [BENCH_RESULTS_DIR, RECORDED_RESULTS_DIR];
  const report = costReport(dirs, DEPLOYMENT_SHAPE);
  for (const bill of report.bills) {
    console.log(`\nHerald on AWS, ${bill.subscribers.toLocaleString('en-US')} subscribers, per month\n`);
    console.log(billTable(bill));
  }
  console.log('\nInputs\n');
  console.log(inputsList(report.inputs));
  const first = report.bills[0]!;
  const verdict = first.total <= TARGET_DOLLARS ? 'meets' : 'misses';
  console.log(
    `\n$${first.total.toFixed(2)} a month at ${first.subscribers.toLocaleString('en-US')} subscribers: ${verdict} the $${TARGET_DOLLARS.toFixed(2)} target`,
  );
  if (values.record) {
    mkdirSync(RECORDED_RESULTS_DIR, { recursive: true });
    for (const p of report.measurements.provenance()) {
      const from = join(BENCH_RESULTS_DIR, `${p.bench}.json`);
      if (existsSync(from)) copyFileSync(from, join(RECORDED_RESULTS_DIR, `${p.bench}.json`));
    }
    const recorded = costReport([RECORDED_RESULTS_DIR], DEPLOYMENT_SHAPE);
    const readme = join(process.cwd(), 'README.md');
    writeFileSync(readme, withSection(readFileSync(readme, 'utf8'), recorded.section));
    console.log('\nrecorded the results in docs/cost/measured/ and rewrote the README cost section');
  }
}

try {
  main();
} catch (error) {
  if (error instanceof MissingMeasurementError) {
    console.error(error.message);
    process.exit(2);
  }
  throw error;
}
