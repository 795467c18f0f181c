/**
 * The detector invoked asynchronously with the alert-detection message: a repeated invocation (a
 * Lambda retry, or the same event delivered twice) sends nothing twice, a failed detection is
 * thrown so Lambda retries and then dead-letters it, and a malformed event is dropped.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { OutgoingMessage } from '../../../core/ports/job-queue.js';
import type { DeliveryTarget } from '../../../core/ports/notifier.js';
import { ENTITY } from '../../../core/snapshot/entities.js';
import type { DetectorLog } from '../../../lambdas/alerts/detector-events.js';
import {
  handleDetectorInvocation,
  isDetectionInvocation,
} from '../../../lambdas/alerts/detector-invocation.js';
import { dispatchSqsBatch } from '../../../lambdas/alerts/sqs-batch.js';
import { createAlertRecordStore } from '../../../lambdas/store/alert-records/index.js';
import { createDynamoStore, createVersionDiffer } from '../../../lambdas/store/snapshot/index.js';
import { createSubscriptionStore } from '../../../lambdas/store/subscriptions/index.js';
import { startTestDynamo, type TestDynamo } from '../../helpers/dynamo.js';
import { type Platforms, startPlatforms } from './harness.js';

const MINUTE = 60_000;
const OPERATOR: DeliveryTarget = { platform: 'telegram', kind: 'chat', id: '-100777' };

describe('alert detector, invoked asynchronously by the snapshot Lambda', () => {
  let dynamo: TestDynamo;
  let platforms: Platforms;
  beforeAll(async () => {
    dynamo = await startTestDynamo();
    platforms = await startPlatforms();
  });
  afterAll(async () => {
    await platforms.close();
    await dynamo.close();
  });

  async function bench(label: string) {
    const clock = { now: Date.UTC(2026, 2, 1, 12) };
    const now = () => clock.now;
    const tableName = await dynamo.newTable(label);
    const client = dynamo.client;
    const store = createDynamoStore({ client, tableName, now });
    const records = createAlertRecordStore({ client, tableName, now });
    const sent: OutgoingMessage[] = [];
    const errors: string[] = [];
    const log = {
      info: () => undefined,
      warn: () => undefined,
      error: (message: unknown) => void errors.push(String(message)),
    } as unknown as DetectorLog;
    const deps = {
      store,
      differ: createVersionDiffer({ client, tableName }),
      subscriptions: createSubscriptionStore({ client, tableName, now }),
      records,
      queue: { send: async (messages: readonly OutgoingMessage[]) => void sent.push(...messages) },
      operators: [OPERATOR],
      now,
    };
    /** Commits a version whose chain data is `ageMs` old at the clock's time. */
    const commit = async (block: number, ageMs: number) => {
      const anchor = {
        relayBlock: 31_000_000 + block,
        blockNumber: block,
        blockHash: `0x${block.toString(16).padStart(64, '0')}`,
        timestampMs: clock.now - ageMs,
        specVersion: 1_009_003,
      };
      const written = await store.writeVersion({ relayBlock: anchor.relayBlock }, [
        { kind: ENTITY.status, id: 'current', data: { anchor, activeEra: 9_000, warnings: [] } },
      ]);
      return { version: written.version, relayBlock: anchor.relayBlock, endpoint: 'wss://a.example' };
    };
    return { clock, deps, records, sent, errors, log, commit, now };
  }

  it('sends each alert once when the same invocation runs twice', async () => {
    const b = await bench('invoke-twice');
    await handleDetectorInvocation(b.deps, await b.commit(1, 30_000), b.log);
    b.clock.now += 5 * MINUTE;
    // Data 40 minutes old: the detection finds it stale and queues the operators' alert.
    const event = await b.commit(2, 40 * MINUTE);
    await handleDetectorInvocation(b.deps, event, b.log);
    const first = b.sent.length;
    expect(first).toBeGreaterThan(0);
    await handleDetectorInvocation(b.deps, structuredClone(event), b.log);
    expect(await b.records.getCursor()).toMatchObject({
      version: event.version,
      endpoint: 'wss://a.example',
    });

    // The jobs of both runs reach the dispatcher one after the other, as the queue delivers them.
    const dispatcher = {
      records: b.records,
      notifiers: platforms.notifiers(),
      queue: b.deps.queue,
      owner: 'test',
      now: b.now,
    };
    const results = [];
    for (const [i, m] of b.sent.entries()) {
      const outcome = await dispatchSqsBatch([{ messageId: `m${i}`, body: m.body }], dispatcher);
      expect(outcome.batchItemFailures).toEqual([]);
      results.push(...outcome.results);
    }
    expect(results.reduce((n, r) => n + r.sent, 0)).toBe(1);
    expect(results.reduce((n, r) => n + r.alreadyDone, 0)).toBe(b.sent.length - 1);
    const toOperator = platforms.telegram.delivered().filter((c) => String(c.params.chat_id) === OPERATOR.id);
    expect(toOperator).toHaveLength(1);
    expect(String(toOperator[0]!.params.text)).toMatch(/stale/i);
    expect(b.errors).toEqual([]);
  });

  it('throws a failed detection so Lambda retries it, and drops a malformed message with a log line', async () => {
    const b = await bench('invoke-fails');
    const v1 = await b.commit(1, 30_000);
    await expect(handleDetectorInvocation(b.deps, { ...v1, version: v1.version + 5 }, b.log)).rejects.toThrow(
      `alert detection for version ${v1.version + 5} failed; Lambda retries the invocation`,
    );
    expect(await b.records.getCursor()).toBeUndefined();

    await expect(handleDetectorInvocation(b.deps, { version: 'two' }, b.log)).resolves.toEqual({
      batchItemFailures: [],
    });
    expect(b.errors.at(-1)).toBe('alert-detection message invocation dropped');
    expect(await b.records.getCursor()).toBeUndefined();
  });

  it('tells a detection message from the schedule’s empty event', () => {
    expect(isDetectionInvocation({ version: 3, relayBlock: 1 })).toBe(true);
    expect(isDetectionInvocation({})).toBe(false);
    expect(isDetectionInvocation(null)).toBe(false);
    expect(isDetectionInvocation({ Records: [] })).toBe(false);
  });
});
