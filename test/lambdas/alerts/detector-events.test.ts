import { DeleteItemCommand } from '@aws-sdk/client-dynamodb';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { encodeAlertDetection } from '../../../core/ports/alert-detection-message.js';
import type { OutgoingMessage } from '../../../core/ports/job-queue.js';
import type { DeliveryTarget } from '../../../core/ports/notifier.js';
import type { SnapshotStore } from '../../../core/ports/snapshot-store.js';
import { ENTITY } from '../../../core/snapshot/entities.js';
import { runDetection } from '../../../lambdas/alerts/detector.js';
import {
  type AlertDetectorDeps,
  type DetectorLog,
  handleDetectorEvent,
  PENDING_VERSION_GRACE_MS,
} from '../../../lambdas/alerts/detector-events.js';
import { parseJob } from '../../../lambdas/alerts/job-message.js';
import { createAlertRecordStore } from '../../../lambdas/store/alert-records/index.js';
import { createDynamoStore, createVersionDiffer } from '../../../lambdas/store/snapshot/index.js';
import { createSubscriptionStore } from '../../../lambdas/store/subscriptions/index.js';
import { startTestDynamo, type TestDynamo } from '../../helpers/dynamo.js';

const MINUTE = 60_000;
const OPERATOR: DeliveryTarget = { platform: 'telegram', kind: 'chat', id: '-100777' };

/** A table, a clock the store, the records and the detector share, and the jobs it enqueues. */
async function bench(dynamo: TestDynamo, label: string) {
  const clock = { now: Date.UTC(2026, 2, 1, 12) };
  const now = () => clock.now;
  const tableName = await dynamo.newTable(label);
  const client = dynamo.client;
  const store = createDynamoStore({ client, tableName, now });
  const subscriptions = createSubscriptionStore({ client, tableName, now });
  const sent: OutgoingMessage[] = [];
  const logged: Array<{ level: string; message: string; extra?: unknown }> = [];
  const line = (level: string) => (message: unknown, extra?: unknown) => {
    logged.push({ level, message: String(message), extra });
  };
  const log = { info: line('info'), warn: line('warn'), error: line('error') } as unknown as DetectorLog;
  const deps: AlertDetectorDeps = {
    store,
    differ: createVersionDiffer({ client, tableName }),
    subscriptions,
    records: createAlertRecordStore({ client, tableName, now }),
    queue: { send: async (messages) => void sent.push(...messages) },
    operators: [OPERATOR],
    now,
  };
  const alertIds = () => sent.flatMap((m) => parseJob(m.body).items.map((i) => i.alert.id));
  return { clock, store, subscriptions, tableName, deps, sent, alertIds, logged, log };
}

/** Commits a version whose chain data is `ageMs` old at the clock's time. */
async function commit(store: SnapshotStore, nowMs: number, block: number, ageMs = 30_000): Promise<number> {
  const anchor = {
    relayBlock: 31_000_000 + block,
    blockNumber: block,
    blockHash: `0x${block.toString(16).padStart(64, '0')}`,
    timestampMs: nowMs - ageMs,
    specVersion: 1_009_003,
  };
  const status = { anchor, activeEra: 9_000, warnings: [] };
  const result = await store.writeVersion({ relayBlock: anchor.relayBlock }, [
    { kind: ENTITY.status, id: 'current', data: status },
  ]);
  return result.version;
}

const sqsEvent = (version: number, endpoint: string, messageId = `m${version}`) => ({
  Records: [{ messageId, body: encodeAlertDetection({ version, relayBlock: 31_000_000, endpoint }) }],
});

describe('alert-detector handler, invoked by the schedule (no SQS records)', () => {
  let dynamo: TestDynamo;
  beforeAll(async () => {
    dynamo = await startTestDynamo();
  });
  afterAll(() => dynamo.close());

  it('before any snapshot does nothing; once data goes stale, reports it to the operators once per version', async () => {
    const b = await bench(dynamo, 'detector-stale');
    expect(await handleDetectorEvent(b.deps, {}, b.log)).toEqual({ batchItemFailures: [] });
    expect(b.sent).toEqual([]);

    const v1 = await commit(b.store, b.clock.now, 1);
    b.clock.now += MINUTE;
    await handleDetectorEvent(b.deps, sqsEvent(v1, 'wss://a.example'), b.log);
    expect(b.alertIds()).toEqual([]);
    // Fresh data and the cursor on the newest version: the check finds nothing.
    b.clock.now += 5 * MINUTE;
    await handleDetectorEvent(b.deps, {}, b.log);
    expect(b.alertIds()).toEqual([]);

    // The snapshot job stops: no message comes, and only the schedule runs the detector.
    b.clock.now += 20 * MINUTE;
    expect(await handleDetectorEvent(b.deps, {}, b.log)).toEqual({ batchItemFailures: [] });
    expect(b.alertIds()).toEqual([`health:stale:${v1}`]);
    expect(parseJob(b.sent[0]!.body).target).toMatchObject(OPERATOR);
    b.clock.now += 15 * MINUTE;
    await handleDetectorEvent(b.deps, {}, b.log);
    // The same id again: it was fanned out already, so no job is enqueued for it a second time.
    expect(b.alertIds()).toEqual([`health:stale:${v1}`]);
    expect(await b.deps.records.getCursor()).toMatchObject({ version: v1, endpoint: 'wss://a.example' });
  });

  it('sweeps the subscription index after the check: a subscription without its index item is found again', async () => {
    const b = await bench(dynamo, 'detector-sweep');
    const deps = { ...b.deps, index: b.subscriptions };
    const chat = { ...OPERATOR, createdBy: '1' };
    await b.subscriptions.subscribe(chat, { kind: 'referenda', track: 4 });
    await b.subscriptions.subscribe(chat, { kind: 'referenda', track: 5 });
    await dynamo.client.send(
      new DeleteItemCommand({
        TableName: b.tableName,
        Key: { pk: { S: 'SUBX#referenda' }, sk: { S: 't4#telegram:chat:-100777' } },
      }),
    );
    expect(await b.subscriptions.subscribersOf({ kind: 'referenda', track: 4 })).toEqual([]);
    expect(await handleDetectorEvent(deps, {}, b.log)).toEqual({ batchItemFailures: [] });
    expect(await b.subscriptions.subscribersOf({ kind: 'referenda', track: 4 })).toHaveLength(1);
    expect(b.logged.at(-1)).toMatchObject({
      level: 'warn',
      message: 'subscription index repaired',
      extra: { targets: 1, restored: 1, removed: 0 },
    });
    // A failing sweep is logged and does not fail the scheduled run.
    const failing = { ...b.deps, index: { repairIndex: () => Promise.reject(new Error('table gone')) } };
    expect(await handleDetectorEvent(failing, {}, b.log)).toEqual({ batchItemFailures: [] });
    expect(b.logged.at(-1)).toMatchObject({ level: 'warn', message: expect.stringMatching(/sweep failed/) });
  });

  it('leaves a version newer than the cursor to its detection message, so a failover is still seen', async () => {
    const b = await bench(dynamo, 'detector-pending');
    const v1 = await commit(b.store, b.clock.now, 1);
    await handleDetectorEvent(b.deps, sqsEvent(v1, 'wss://a.example'), b.log);
    b.clock.now += 5 * MINUTE;
    const v2 = await commit(b.store, b.clock.now, 2);
    // The schedule fires between the commit of v2 and its message, which says it was read elsewhere.
    b.clock.now += 10_000;
    await handleDetectorEvent(b.deps, {}, b.log);
    expect(b.sent).toEqual([]);
    expect(await b.deps.records.getCursor()).toMatchObject({ version: v1 });
    expect(b.logged.at(-1)).toMatchObject({
      message: expect.stringMatching(/waits for its detection message/),
    });
    await handleDetectorEvent(b.deps, sqsEvent(v2, 'wss://b.example'), b.log);
    expect(b.alertIds()).toEqual([`health:failover:${v2}`]);
    expect(await b.deps.records.getCursor()).toMatchObject({ version: v2, endpoint: 'wss://b.example' });
  });

  it('catches up a version whose message never came, keeping the last endpoint known', async () => {
    const b = await bench(dynamo, 'detector-catch-up');
    const v1 = await commit(b.store, b.clock.now, 1);
    await handleDetectorEvent(b.deps, sqsEvent(v1, 'wss://a.example'), b.log);
    b.clock.now += 5 * MINUTE;
    const v2 = await commit(b.store, b.clock.now, 2);
    b.clock.now += PENDING_VERSION_GRACE_MS - 1_000;
    await handleDetectorEvent(b.deps, {}, b.log);
    expect(await b.deps.records.getCursor()).toMatchObject({ version: v1 });
    b.clock.now += 2_000;
    await handleDetectorEvent(b.deps, {}, b.log);
    expect(await b.deps.records.getCursor()).toMatchObject({ version: v2, endpoint: 'wss://a.example' });
    expect(b.logged.some((l) => l.level === 'warn' && /catching up/.test(l.message))).toBe(true);
    // The late message finds the version done: nothing new, and the cursor stays.
    await handleDetectorEvent(b.deps, sqsEvent(v2, 'wss://a.example'), b.log);
    expect(b.alertIds()).toEqual([]);
    expect(await b.deps.records.getCursor()).toMatchObject({ version: v2, endpoint: 'wss://a.example' });
  });

  it('with SQS records: a malformed message is dropped, a failed detection is returned for a retry', async () => {
    const b = await bench(dynamo, 'detector-sqs');
    const v1 = await commit(b.store, b.clock.now, 1);
    const result = await handleDetectorEvent(
      b.deps,
      {
        Records: [
          { messageId: 'bad', body: 'not json' },
          ...sqsEvent(v1 + 5, 'wss://a.example', 'ahead').Records,
          ...sqsEvent(v1, 'wss://a.example', 'ok').Records,
        ],
      },
      b.log,
    );
    expect(result).toEqual({ batchItemFailures: [{ itemIdentifier: 'ahead' }] });
    expect(await b.deps.records.getCursor()).toMatchObject({ version: v1 });
    expect(b.logged.filter((l) => l.level === 'error').map((l) => l.message)).toEqual([
      'alert-detection message bad dropped',
      `alert detection for version ${v1 + 5} failed; SQS retries it`,
    ]);
  });
});

describe('alert detector after an outage', () => {
  let dynamo: TestDynamo;
  beforeAll(async () => {
    dynamo = await startTestDynamo();
  });
  afterAll(() => dynamo.close());

  it('diffs against a base hours old (the store keeps it readable); past 12 h it says what it skipped', async () => {
    const b = await bench(dynamo, 'detector-outage');
    const v1 = await commit(b.store, b.clock.now, 1);
    await handleDetectorEvent(b.deps, sqsEvent(v1, 'wss://a.example'), b.log);
    b.clock.now += 6 * 60 * MINUTE;
    const v2 = await commit(b.store, b.clock.now, 2);
    const six = await runDetection(b.deps, { version: v2 });
    expect(six?.base).toBe(v1);
    expect(six?.notes.join(' ')).not.toMatch(/too old/);
    b.clock.now += 7 * 60 * MINUTE;
    const v3 = await commit(b.store, b.clock.now, 3);
    const thirteen = await runDetection(b.deps, { version: v3 });
    expect(thirteen?.base).toBeNull();
    expect(thirteen?.notes).toContain(
      `version ${v1} is too old to diff against; changes up to version ${v3} are not alerted`,
    );
  });
});
