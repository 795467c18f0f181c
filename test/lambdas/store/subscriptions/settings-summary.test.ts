/**
 * The settings summaries on dynalite, mostly the deadline lead times': rebuilt from the full list
 * on a table written before them, kept a superset of what the records hold by subscribes, setting
 * changes and unsubscribes (concurrent ones too), trimmed by the sweep, and never losing a setting
 * a racing subscribe adds; coretime price levels and para stall times the same way.
 */
import { DynamoDBDocumentClient, PutCommand } from '@aws-sdk/lib-dynamodb';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SubscriptionSpec, Target } from '../../../../core/subscriptions/subscription-model.js';
import { localDynamoClient } from '../../../../dev/dynamodb/client.js';
import {
  createSubscriptionStore,
  startSettingsSummaries,
} from '../../../../lambdas/store/subscriptions/index.js';
import { meterCapacity } from '../../../../lambdas/store/table/index.js';
import { scanTable, startTestDynamo, type TestDynamo } from '../../../helpers/dynamo.js';

const HOUR = 3_600_000;
const T0 = Date.UTC(2031, 5, 1);
const chat = (i: number): Target => ({
  platform: 'telegram',
  kind: 'chat',
  id: `-100${7000 + i}`,
  createdBy: '1',
});
const deadlines = (leadMinutes: number[], referendum?: number): SubscriptionSpec => ({
  kind: 'deadlines',
  scope: referendum === undefined ? { type: 'all' } : { type: 'referendum', referendum },
  leadMinutes,
});

let dynamo: TestDynamo;
beforeAll(async () => {
  dynamo = await startTestDynamo();
});
afterAll(async () => {
  await dynamo?.close();
});

async function fresh(label: string, started: boolean) {
  const tableName = await dynamo.newTable(label);
  const clock = { t: T0 };
  if (started) await startSettingsSummaries({ client: dynamo.client, tableName, now: () => clock.t });
  const store = createSubscriptionStore({ client: dynamo.client, tableName, now: () => clock.t });
  return { tableName, clock, store };
}

/** Every lead time the records hold, largest first. */
async function held(store: ReturnType<typeof createSubscriptionStore>, targets: Target[]) {
  const leads = new Set<number>();
  for (const t of targets)
    for (const s of (await store.listSubscriptions(t))?.subscriptions ?? [])
      if (s.spec.kind === 'deadlines') for (const m of s.spec.leadMinutes) leads.add(m);
  return [...leads].sort((a, b) => b - a);
}

describe('the settings summaries', () => {
  it('is rebuilt from every deadline subscriber on a table written before it, and trusted an hour later', async () => {
    const { tableName, clock, store } = await fresh('lead-rebuild', false);
    await store.subscribe(chat(1), deadlines([1440, 60]));
    expect((await scanTable(dynamo.client, tableName)).map((r) => r.pk)).not.toContain('SUBSUM#deadlines');

    const first = await store.deadlineLeads();
    expect(first.leads).toEqual([1440, 60]);
    expect(first.subscribers?.map((s) => s.target.id)).toEqual([chat(1).id]);
    expect(first.warning).toMatch(
      /^no deadline lead summary \(a table written before it\): read all 1 deadline/,
    );

    // Subscribes now add to the summary being rebuilt; the detector still reads the full list.
    clock.t = T0 + 60_000;
    await store.subscribe(chat(2), deadlines([30], 5));
    clock.t = T0 + 30 * 60_000;
    const rebuilding = await store.deadlineLeads();
    expect(rebuilding.subscribers).toHaveLength(2);
    expect(rebuilding.warning).toMatch(/being rebuilt/);

    // A full read begun an hour after the summary was created completes it.
    clock.t = T0 + HOUR;
    const completing = await store.deadlineLeads();
    expect(completing.subscribers).toHaveLength(2);
    expect(completing.warning).toMatch(/completed from all 2 deadline subscribers/);
    const trusted = await store.deadlineLeads();
    expect(trusted).toEqual({ leads: [1440, 60, 30], changedAtMs: T0 + 60_000 });
  });

  it('holds new lead times before the record does; keeps removed ones until the sweep an hour later', async () => {
    const { clock, store } = await fresh('lead-changes', true);
    await store.subscribe(chat(1), deadlines([1440, 60]));
    expect(await store.deadlineLeads()).toEqual({ leads: [1440, 60], changedAtMs: T0 });
    clock.t = T0 + 1_000;
    expect((await store.subscribe(chat(1), deadlines([120]))).outcome).toBe('updated');
    expect(await store.deadlineLeads()).toEqual({ leads: [1440, 120, 60], changedAtMs: T0 + 1_000 });
    // Unchanged settings and unsubscribing move nothing.
    clock.t = T0 + 2_000;
    expect((await store.subscribe(chat(1), deadlines([120]))).outcome).toBe('unchanged');
    await store.unsubscribe(chat(1), { type: 'all' });
    expect(await store.deadlineLeads()).toEqual({ leads: [1440, 120, 60], changedAtMs: T0 + 1_000 });
    // A disabled target's lead times stay: enabling it writes no summary.
    await store.subscribe(chat(2), deadlines([45]));
    await store.disableTarget(chat(2), 'chat deleted');

    clock.t = T0 + HOUR - 1;
    expect((await store.repairIndex()).summaries.deadlines).toEqual({
      step: 'checked',
      added: 0,
      dropped: 0,
    });
    clock.t = T0 + HOUR + 1_001;
    expect((await store.repairIndex()).summaries.deadlines).toEqual({
      step: 'checked',
      added: 0,
      dropped: 3,
    });
    expect((await store.deadlineLeads()).leads).toEqual([45]);
  });

  it('is given back a lead time a record holds and it lacks, by the sweep', async () => {
    const { tableName, clock, store } = await fresh('lead-damaged', true);
    await store.subscribe(chat(1), deadlines([90]));
    const doc = DynamoDBDocumentClient.from(dynamo.client);
    await doc.send(
      new PutCommand({
        TableName: tableName,
        Item: { pk: 'SUBSUM#deadlines', sk: 'S', since: T0, ready: T0, chg: T0, f: {} },
      }),
    );
    expect((await store.deadlineLeads()).leads).toEqual([]);
    clock.t = T0 + 5_000;
    expect((await store.repairIndex()).summaries.deadlines).toEqual({
      step: 'checked',
      added: 1,
      dropped: 0,
    });
    expect((await store.deadlineLeads()).leads).toEqual([90]);
  });

  it('that does not decode is written anew from the full list, and said so', async () => {
    const { tableName, store } = await fresh('lead-corrupt', true);
    await store.subscribe(chat(1), deadlines([90]));
    await DynamoDBDocumentClient.from(dynamo.client).send(
      new PutCommand({ TableName: tableName, Item: { pk: 'SUBSUM#deadlines', sk: 'S', f: 'garbage' } }),
    );
    const read = await store.deadlineLeads();
    expect(read.leads).toEqual([90]);
    expect(read.subscribers).toHaveLength(1);
    expect(read.warning).toMatch(
      /^the deadline lead summary did not decode: read all 1 deadline subscribers instead/,
    );
    expect((await store.deadlineLeads()).warning).toMatch(/being rebuilt/);
  });

  it('a sweep racing a subscribe never drops the lead time the subscribe adds', async () => {
    const { tableName, clock, store } = await fresh('lead-race', true);
    await store.subscribe(chat(1), deadlines([90]));
    await store.unsubscribe(chat(1), { type: 'all' });
    // The sweep, an hour later, stops right before it drops 90 (nobody holds it)...
    const sweepClient = localDynamoClient(dynamo.endpoint);
    let release = () => {};
    let reached = () => {};
    const atDrop = new Promise<void>((r) => {
      reached = r;
    });
    const gate = new Promise<void>((r) => {
      release = r;
    });
    sweepClient.middlewareStack.add(
      (next, context) => async (args) => {
        const input = args.input as { UpdateExpression?: string };
        if (context.commandName === 'UpdateItemCommand' && input.UpdateExpression?.startsWith('REMOVE f.')) {
          reached();
          await gate;
        }
        return next(args);
      },
      { step: 'initialize', name: 'holdDrop' },
    );
    clock.t = T0 + 2 * HOUR;
    const sweeper = createSubscriptionStore({ client: sweepClient, tableName, now: () => clock.t });
    const sweep = sweeper.repairIndex();
    await atDrop;
    // ...while another target subscribes with 90 and its record is written.
    clock.t = T0 + 2 * HOUR + 1;
    await store.subscribe(chat(2), deadlines([90]));
    release();
    expect((await sweep).summaries.deadlines).toEqual({ step: 'checked', added: 0, dropped: 0 });
    expect((await store.deadlineLeads()).leads).toEqual([90]);
    sweepClient.destroy();
  });

  it('under concurrent subscribes, lead-time changes and unsubscribes holds every lead time the records hold, and exactly those after the sweep', async () => {
    const { clock, store } = await fresh('lead-concurrent', true);
    const targets = Array.from({ length: 8 }, (_, i) => chat(i));
    const leadsOf = (i: number, round: number) => [600 - 10 * ((i + round) % 7), 20 + ((i * 3 + round) % 5)];
    for (let round = 0; round < 3; round++) {
      clock.t = T0 + round * 1_000;
      await Promise.all(
        targets.flatMap((t, i) => [
          store.subscribe(t, deadlines(leadsOf(i, round))),
          store.subscribe(t, deadlines([300 + round], 100 + i)),
          ...(i % 3 === round ? [store.unsubscribe(t, { type: 'key', key: `deadlines:r${100 + i}` })] : []),
        ]),
      );
      const summary = await store.deadlineLeads();
      expect(summary.subscribers).toBeUndefined();
      for (const m of await held(store, targets)) expect(summary.leads).toContain(m);
    }
    clock.t = T0 + 2 * HOUR;
    await store.repairIndex();
    expect((await store.deadlineLeads()).leads).toEqual(await held(store, targets));
  });

  it('costs one read unit whatever the number of deadline subscribers; the full list grows with them', async () => {
    const units = async (n: number) => {
      const { tableName } = await fresh(`lead-units-${n}`, true);
      const client = localDynamoClient(dynamo.endpoint);
      const store = createSubscriptionStore({ client, tableName, now: () => T0 });
      for (let i = 0; i < n; i++) await store.subscribe(chat(i), deadlines([60]));
      const meter = meterCapacity(client);
      await store.deadlineLeads();
      const summary = meter.take().readUnits;
      await store.subscribersOf({ kind: 'deadlines' });
      const full = meter.take().readUnits;
      client.destroy();
      return { summary, full };
    };
    const small = await units(5);
    const large = await units(60);
    expect(small.summary).toBe(large.summary);
    expect(large.summary).toBeLessThanOrEqual(1);
    expect(large.full).toBeGreaterThan(small.full);
    expect(large.full).toBeGreaterThanOrEqual(60);
  });

  it('holds coretime price levels and para stall times the same way, and a para alert reads only its para', async () => {
    const { clock, store } = await fresh('settings-parachains', true);
    await store.subscribe(chat(1), { kind: 'coretime', below: '10' });
    await store.subscribe(chat(2), { kind: 'coretime', below: null });
    await store.subscribe(chat(1), { kind: 'para', para: 2000, stallMinutes: 30 });
    await store.subscribe(chat(2), { kind: 'para', para: 2001, stallMinutes: 60 });
    expect(await store.watchedSettings('coretime')).toEqual({
      specs: [{ kind: 'coretime', below: '10' }],
      changedAtMs: T0,
    });
    clock.t = T0 + 1_000;
    expect((await store.subscribe(chat(1), { kind: 'coretime', below: '5' })).outcome).toBe('updated');
    expect((await store.watchedSettings('coretime')).specs).toEqual([
      { kind: 'coretime', below: '10' },
      { kind: 'coretime', below: '5' },
    ]);
    expect((await store.watchedSettings('para')).specs).toEqual([
      { kind: 'para', para: 2000, stallMinutes: 30 },
      { kind: 'para', para: 2001, stallMinutes: 60 },
    ]);
    expect((await store.subscribersOf({ kind: 'para', para: 2001 })).map((s) => s.target.id)).toEqual([
      chat(2).id,
    ]);
    await store.unsubscribe(chat(2), { type: 'kind', kind: 'para' });
    clock.t = T0 + HOUR + 1_001;
    const swept = await store.repairIndex();
    expect(swept.summaries.coretime).toEqual({ step: 'checked', added: 0, dropped: 1 });
    expect(swept.summaries.para).toEqual({ step: 'checked', added: 0, dropped: 1 });
    expect((await store.watchedSettings('coretime')).specs).toEqual([{ kind: 'coretime', below: '5' }]);
    expect((await store.watchedSettings('para')).specs).toEqual([
      { kind: 'para', para: 2000, stallMinutes: 30 },
    ]);
    await expect(store.watchedSettings('address' as never)).rejects.toThrow(/has no settings summary/);
  });
});
