import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { RECORDED_RESULTS_DIR } from '../../../dev/bench-results.js';
import { DEPLOYMENT_SHAPE } from '../../../dev/cost/deployment.js';
import { sectionOf } from '../../../dev/cost/readme-section.js';
import { costReport } from '../../../dev/cost/report.js';

const ROOT = join(import.meta.dirname, '..', '..', '..');

describe("the README's cost section", () => {
  it('is the cost model run on the recorded measurements', () => {
    const report = costReport([join(ROOT, 'docs', 'cost', 'measured')], DEPLOYMENT_SHAPE);
    const readme = readFileSync(join(ROOT, 'README.md'), 'utf8');
    expect(sectionOf(readme)).toBe(report.section.trim());
    expect(RECORDED_RESULTS_DIR.endsWith(join('docs', 'cost', 'measured'))).toBe(true);
  });
});
