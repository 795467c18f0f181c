import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SubscriberRef } from '../../../core/alerts/matching.js';
import type { DeliveryTarget } from '../../../core/ports/notifier.js';
import { subscriptionId, subscriptionKey } from '../../../core/subscriptions/subscription-model.js';
import { fanOutAlerts } from '../../../lambdas/alerts/fan-out.js';
import { createAlertRecordStore } from '../../../lambdas/store/alert-records/index.js';
import { startTestDynamo, type TestDynamo } from '../../helpers/dynamo.js';
import { dcChannel, submittedAlert, tgChat } from './harness.js';

const spec = { kind: 'referenda', track: null } as const;
const subscriber = (target: DeliveryTarget, updatedAtMs: number): SubscriberRef => ({
  target,
  subscription: {
    id: subscriptionId(spec),
    key: subscriptionKey(spec),
    spec,
    createdBy: '1',
    createdAtMs: updatedAtMs,
    updatedAtMs,
  },
});

describe('fan-out of an alert detected again', () => {
  let dynamo: TestDynamo;
  beforeAll(async () => {
    dynamo = await startTestDynamo();
  });
  afterAll(() => dynamo.close());

  it('goes only to subscriptions made or changed since it was last fanned out; a new alert to everyone', async () => {
    const records = createAlertRecordStore({
      client: dynamo.client,
      tableName: await dynamo.newTable('marks'),
    });
    const repeated = submittedAlert(900);
    const fresh = submittedAlert(901);
    const old = subscriber(tgChat(1), 1_000);
    const later = subscriber(dcChannel(2), 3_000);
    await records.markFannedOut!([repeated.id], 2_000);
    expect(await records.fannedOut!([repeated.id, fresh.id])).toEqual(new Map([[repeated.id, 2_000]]));

    const { jobs, repeated: count } = await fanOutAlerts(records, [repeated, fresh], [old, later], []);
    const got = jobs.flatMap((j) => j.items.map((i) => `${j.target.id} ${i.alert.id}`)).sort();
    expect(got).toEqual(
      [
        `${tgChat(1).id} ${fresh.id}`,
        `${dcChannel(2).id} ${fresh.id}`,
        `${dcChannel(2).id} ${repeated.id}`,
      ].sort(),
    );
    expect(count).toBe(1);
  });

  it('refuses a bad alert id or time with a clear message', async () => {
    const records = createAlertRecordStore({
      client: dynamo.client,
      tableName: await dynamo.newTable('marks-bad'),
    });
    await expect(records.markFannedOut!(['not an id'], 1)).rejects.toThrow(/bad alert id/);
    await expect(records.markFannedOut!([submittedAlert(1).id], Number.NaN)).rejects.toThrow(/needs a time/);
  });
});
