/**
 * The detector with the deadline lead summary against the detector reading every deadline
 * subscriber (a table without a trusted summary, where it still does), on twin tables given the
 * same subscribes, lead-time changes and unsubscribes between runs inside a referendum's deadline
 * window: every run makes the same jobs, and the quiet runs of the summary read no subscriber.
 * Subscription and fan-out times are logical (the store's clock and the marks are set here), so
 * nothing depends on how fast the runs go.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SubscriptionSpec, Target } from '../../../core/subscriptions/subscription-model.js';
import { type DetectionRun, runDetection } from '../../../lambdas/alerts/detector.js';
import { createAlertRecordStore } from '../../../lambdas/store/alert-records/index.js';
import { createDynamoStore, createVersionDiffer } from '../../../lambdas/store/snapshot/index.js';
import {
  createSubscriptionStore,
  startSettingsSummaries,
} from '../../../lambdas/store/subscriptions/index.js';
import { writeVersions } from '../../bench/alerts/setup.js';
import { startTestDynamo, type TestDynamo } from '../../helpers/dynamo.js';
import { dcChannel, tgChat } from './harness.js';

let dynamo: TestDynamo;
beforeAll(async () => {
  dynamo = await startTestDynamo();
});
afterAll(async () => {
  await dynamo?.close();
});

const T1 = { ...tgChat(1), createdBy: '1' } as Target;
const T2 = { ...dcChannel(2), createdBy: '2' } as Target;
const T3 = { ...tgChat(3), createdBy: '3' } as Target;
const onRef900 = (leadMinutes: number[]): SubscriptionSpec => ({
  kind: 'deadlines',
  scope: { type: 'referendum', referendum: 900 },
  leadMinutes,
});
const onAll = (leadMinutes: number[]): SubscriptionSpec => ({
  kind: 'deadlines',
  scope: { type: 'all' },
  leadMinutes,
});
const onTrack0 = (leadMinutes: number[]): SubscriptionSpec => ({
  kind: 'deadlines',
  scope: { type: 'track', track: 0 },
  leadMinutes,
});

/** A table in the benchmark's state (referendum 900's decision period ends in 55 minutes). */
async function twin(label: string, summary: boolean) {
  const tableName = await dynamo.newTable(label);
  const clock = { t: 0 };
  const client = dynamo.client;
  if (summary) await startSettingsSummaries({ client, tableName, now: () => clock.t });
  await writeVersions(client, tableName);
  const subscriptions = createSubscriptionStore({ client, tableName, now: () => clock.t });
  const records = createAlertRecordStore({ client, tableName });
  const deps = {
    store: createDynamoStore({ client, tableName }),
    differ: createVersionDiffer({ client, tableName }),
    subscriptions,
    records,
  };
  /** One detector run whose subscriber reads are stamped `readFrom`, as detectAndEnqueue would. */
  const run = async (readFrom: number): Promise<{ run: DetectionRun; jobs: string[] }> => {
    const run = (await runDetection(deps))!;
    if (run.alerts.length > 0)
      await records.markFannedOut!(
        run.alerts.map((a) => a.id),
        readFrom,
      );
    await records.advanceCursor(run.version, null);
    const jobs = run.jobs.flatMap((j) => j.items.map((i) => `${j.target.id} ${i.alert.id}`)).sort();
    return { run, jobs };
  };
  return { clock, subscriptions, run };
}

describe('deadline alerts with the lead summary', () => {
  it('reach exactly whom the full read reaches, run after run, and quiet runs read no subscriber', async () => {
    const withSummary = await twin('leads-summary', true);
    const fullRead = await twin('leads-full', false);
    const both = async (step: (t: Awaited<ReturnType<typeof twin>>) => Promise<unknown>) => {
      await step(withSummary);
      await step(fullRead);
    };
    const at = (t: number) => both(async (x) => (x.clock.t = t));
    const runs: Array<{ summary: DetectionRun; full: DetectionRun; jobs: string[] }> = [];
    const runBoth = async (readFrom: number) => {
      const a = await withSummary.run(readFrom);
      const b = await fullRead.run(readFrom);
      expect(a.jobs).toEqual(b.jobs);
      runs.push({ summary: a.run, full: b.run, jobs: a.jobs });
      return a.jobs;
    };

    await at(100);
    await both((x) => x.subscriptions.subscribe(T1, onRef900([60])));
    // First run: the 1 h window of referendum 900 opened; the referendum 901 alert reaches nobody.
    expect(await runBoth(150)).toEqual([`${T1.id} deadline:900:decision:1h`]);
    // The same window again, nothing changed: nobody to reach, and nobody read.
    expect(await runBoth(200)).toEqual([]);
    await at(250);
    await both((x) => x.subscriptions.subscribe(T2, onAll([60])));
    expect(await runBoth(300)).toEqual([`${T2.id} deadline:900:decision:1h`]);
    // New lead times: 2 h holds the 55 minutes left now, a window nobody had before.
    await at(350);
    await both((x) => x.subscriptions.subscribe(T1, onRef900([120, 30])));
    expect(await runBoth(400)).toEqual([`${T1.id} deadline:900:decision:2h`]);
    // Unsubscribed, and a lead time (45 min) whose window has not opened yet.
    await at(450);
    await both((x) => x.subscriptions.unsubscribe(T2, { type: 'all' }));
    await both((x) => x.subscriptions.subscribe(T3, onTrack0([45])));
    expect(await runBoth(500)).toEqual([]);
    // That subscription changed to 1 h: the repeated 1 h alert reaches it, and only it.
    await at(550);
    await both((x) => x.subscriptions.subscribe(T3, onTrack0([60])));
    expect(await runBoth(600)).toEqual([`${T3.id} deadline:900:decision:1h`]);
    expect(await runBoth(650)).toEqual([]);

    const read = (pick: 'summary' | 'full') => runs.map((r) => r[pick].stats.subscribersRead);
    // The summary reads subscribers only where a deadline alert had someone new to reach.
    expect(read('summary')).toEqual([1, 0, 2, 2, 2, 2, 0]);
    // The full read reads every deadline subscriber every run.
    expect(read('full')).toEqual([1, 1, 2, 2, 2, 2, 2]);
    expect(runs.flatMap((r) => r.summary.notes)).toEqual([]);
    expect(runs[0]!.full.notes).toEqual([expect.stringMatching(/^no deadline lead summary/)]);
    expect(runs[1]!.full.notes).toEqual([
      expect.stringMatching(/^the deadline lead summary is being rebuilt/),
    ]);
  });
});
