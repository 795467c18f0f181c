import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { DeploymentShape } from '../../../dev/cost/assemble.js';
import { type Figure, figure } from '../../../dev/cost/inputs.js';
import { MissingMeasurementError } from '../../../dev/cost/measured.js';
import { monthlyBill } from '../../../dev/cost/model.js';
import { MINUTES_PER_MONTH, PRICES } from '../../../dev/cost/prices.js';
import { sectionOf, withSection } from '../../../dev/cost/readme-section.js';
import { costReport } from '../../../dev/cost/report.js';

const FIXTURES = join(import.meta.dirname, 'fixtures');
const SHAPE: DeploymentShape = { alarmMetrics: 4, polledQueues: 1, source: 'test' };

function report() {
  return costReport([FIXTURES], SHAPE);
}

const line = (bill: ReturnType<typeof monthlyBill>, item: string) => {
  const found = bill.lines.find((l) => l.item === item);
  if (!found) throw new Error(`no line ${item}`);
  return found;
};

describe('cost model', () => {
  it('names where every input came from', () => {
    const { inputs } = report();
    for (const [name, f] of Object.entries(inputs) as Array<[string, Figure]>) {
      expect(f.source, name).toMatch(/^(measured|infra|assumed|store|chain|test)/);
      expect(Number.isFinite(f.value), name).toBe(true);
    }
    expect(inputs.eraChangeWriteUnits).toEqual(figure(1500, 'measured: snapshot.json eraChange.writeUnits'));
    expect(inputs.commandReadUnits.source).toBe('measured: commands.json mean.readUnits');
  });

  it('bills era-change writes as eras a month × measured units × the unit price', () => {
    const { inputs } = report();
    const eras = MINUTES_PER_MONTH / 60 / 6;
    const bill = monthlyBill(inputs, 1_000);
    expect(line(bill, 'DynamoDB writes, era changes').dollars).toBeCloseTo(
      eras * 1500 * PRICES.dynamoWriteUnit,
      10,
    );
    const doubled = monthlyBill({ ...inputs, eraChangeWriteUnits: figure(3000, 'x') }, 1_000);
    expect(line(doubled, 'DynamoDB writes, era changes').dollars).toBeCloseTo(
      2 * line(bill, 'DynamoDB writes, era changes').dollars,
      10,
    );
  });

  it('bills alarms per metric and idle polling per polled queue', () => {
    const { inputs } = report();
    const bill = monthlyBill(inputs, 1_000);
    expect(line(bill, 'CloudWatch alarms').dollars).toBeCloseTo(0.4, 10);
    const noPolling = monthlyBill({ ...inputs, polledQueues: figure(0, 'x') }, 1_000);
    expect(line(bill, 'SQS').dollars - line(noPolling, 'SQS').dollars).toBeCloseTo(
      657_000 * PRICES.sqsRequest,
      10,
    );
  });

  it('grows with subscribers only in the lines they drive, and the total is the sum of the lines', () => {
    const { bills } = report();
    const [small, , large] = bills;
    for (const bill of bills)
      expect(bill.total).toBeCloseTo(
        bill.lines.reduce((s, l) => s + l.dollars, 0),
        10,
      );
    expect(line(large!, 'DynamoDB writes, era changes').dollars).toBe(
      line(small!, 'DynamoDB writes, era changes').dollars,
    );
    expect(line(large!, 'DynamoDB writes, alerts').dollars).toBeGreaterThan(
      line(small!, 'DynamoDB writes, alerts').dollars * 50,
    );
  });

  it("fits the detector's reads a run to the subscribers, and bills dispatch from the largest full delivery", () => {
    const { inputs } = report();
    // The line through (400, ...) and (100,000, ...): the partial run still measures the detector.
    const slope = (1 - 460) / (100_000 - 400);
    expect(inputs.detectorReadUnitsPerSubscriber.value).toBeCloseTo(slope, 10);
    expect(inputs.detectorReadUnitsPerSubscriber.source).toMatch(/400 and 100,000 subscribers/);
    expect(inputs.dispatchMsPerMessage).toEqual(
      figure(30, 'measured: alerts.json subscribers10000.dispatcher.msPerMessage'),
    );
  });

  it('refuses to bill without a measurement, naming the benchmark to run', () => {
    expect(() => costReport([join(FIXTURES, 'none')], SHAPE)).toThrow(MissingMeasurementError);
    expect(() => costReport([join(FIXTURES, 'none')], SHAPE)).toThrow(/npm run bench:snapshot/);
  });

  it('writes the README section between its markers and reads it back', () => {
    const { section } = report();
    const readme = withSection(
      '# x\n<!-- cost:begin (npm run cost -- --record writes this part) -->\nold\n<!-- cost:end -->\nrest\n',
      section,
    );
    expect(sectionOf(readme)).toBe(section.trim());
    expect(readme.endsWith('<!-- cost:end -->\nrest\n')).toBe(true);
  });
});
