/**
 * A process subscribing in a burst is SIGKILLed; afterwards every subscription a record lists is
 * reached by the alert fan-out, and nothing is half-written. Where the kill lands is decided by
 * what the child has acknowledged, never by time: either right after the n-th record or index
 * write (the child stops there and waits for the kill), or after n finished operations with its
 * other writes still running.
 */
import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  createSubscriptionStore,
  startSettingsSummaries,
} from '../../../../lambdas/store/subscriptions/index.js';
import { startTestDynamo, type TestDynamo } from '../../../helpers/dynamo.js';
import { BURST_CONCURRENCY, BURST_NOW, burstAddresses, burstOps, burstTargets } from './burst-plan.js';
import { indexState } from './index-consistency.js';

const CHILD = fileURLToPath(new URL('./burst-child.ts', import.meta.url));
const HOUR = 3_600_000;

let dynamo: TestDynamo;
beforeAll(async () => {
  dynamo = await startTestDynamo();
});
afterAll(async () => {
  await dynamo?.close();
});

/** Runs the burst in a child process and SIGKILLs it once `killWhen` holds for its output. */
async function burstAndKill(tableName: string, pauseRule: string, killWhen: (output: string) => boolean) {
  // The table had its deadline lead summary before the burst.
  await startSettingsSummaries({ client: dynamo.client, tableName, now: () => BURST_NOW - HOUR });
  const child = spawn(process.execPath, ['--import', 'tsx', CHILD, dynamo.endpoint, tableName, pauseRule], {
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  let killed = false;
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const onData = (data: Buffer) => {
    output += data;
    if (!killed && killWhen(output)) {
      killed = true;
      child.kill('SIGKILL');
    }
  };
  child.stdout!.on('data', onData);
  child.stderr!.on('data', (data: Buffer) => {
    output += data;
  });
  await exited;
  if (!killed) throw new Error(`the burst ended before it was killed:\n${output}`);
  return output;
}

/** The lead times of the listed subscriptions, largest first. */
function leadsListed(listed: string[], leadsOf: Map<string, number[]>): number[] {
  return [...new Set(listed.flatMap((sub) => leadsOf.get(sub) ?? []))].sort((a, b) => b - a);
}

const finished = (output: string) => output.match(/^ok \d+$/gm)?.length ?? 0;

async function expectWhole(tableName: string) {
  const store = createSubscriptionStore({ client: dynamo.client, tableName, now: () => BURST_NOW });
  const state = await indexState(dynamo.client, tableName, store, burstTargets, burstAddresses);
  expect(state.badRecords).toEqual([]);
  // Every listed subscription is reached by the fan-out, and the fan-out reaches nothing else.
  expect(state.reachable).toEqual(state.listed);
  // At most the writes in flight at the kill left an index item behind; routing skips those.
  expect(state.leftovers.length).toBeLessThanOrEqual(BURST_CONCURRENCY);

  // The lead summary is trusted and holds every lead time a listed subscription holds.
  const leads = await store.deadlineLeads();
  expect(leads.subscribers).toBeUndefined();
  expect(leads.leads).toEqual(expect.arrayContaining(leadsListed(state.listed, state.leadsOf)));

  // The sweep leaves a fresh leftover alone (its subscribe may still be on its way)...
  expect((await store.repairIndex()).removed).toBe(0);
  // ...and an hour later the index is exactly what the records list, generation for generation.
  const later = createSubscriptionStore({
    client: dynamo.client,
    tableName,
    now: () => BURST_NOW + HOUR + 1,
  });
  const repair = await later.repairIndex();
  expect(repair.removed).toBe(state.leftovers.length);
  expect(repair.restored).toBe(0);
  const after = await indexState(dynamo.client, tableName, later, burstTargets, burstAddresses);
  expect(after.index.map((row) => row.sub)).toEqual(after.listed);
  for (const row of after.index) expect(row.gen, row.sub).toBe(after.gens.get(row.sub));
  expect(after.reachable).toEqual(after.listed);
  // ...and the lead summary holds exactly the lead times the records hold.
  expect((await later.deadlineLeads()).leads).toEqual(leadsListed(after.listed, after.leadsOf));
  return state;
}

describe('a subscribing process SIGKILLed mid-burst', () => {
  const total = burstOps().length;

  for (const rule of ['record:3', 'record:17', 'index:4', 'index:20', 'summary:2', 'summary:9'])
    it(`killed right after the ${rule.replace(':', ' write ')}: listed means alerted`, async () => {
      const tableName = await dynamo.newTable(`burst-${rule.replace(':', '-')}`);
      const output = await burstAndKill(tableName, rule, (out) => /^paused/m.test(out));
      expect(finished(output)).toBeLessThan(total);
      const state = await expectWhole(tableName);
      // Stopped after an index write and before its record: the window a crash can hit.
      if (rule.startsWith('index')) expect(state.leftovers.length).toBeGreaterThanOrEqual(1);
    });

  for (const after of [6, 19, 33])
    it(`killed after ${after} finished operations, wherever its other writes were`, async () => {
      const tableName = await dynamo.newTable(`burst-after-${after}`);
      const output = await burstAndKill(tableName, 'none', (out) => finished(out) >= after);
      expect(finished(output)).toBeGreaterThanOrEqual(after);
      const state = await expectWhole(tableName);
      expect(state.listed.length).toBeGreaterThan(0);
    });
});
