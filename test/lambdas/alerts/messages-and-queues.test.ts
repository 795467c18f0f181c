import { describe, expect, it } from 'vitest';
import { MemoryQueue } from '../../../dev/alerts/memory-queue.js';
import { operatorTargetsFrom } from '../../../lambdas/alerts/config.js';
import { AlertJobError } from '../../../lambdas/alerts/errors.js';
import { encodeJob, parseJob } from '../../../lambdas/alerts/job-message.js';
import { PlatformQueues } from '../../../lambdas/alerts/platform-queues.js';
import { dispatchSqsBatch } from '../../../lambdas/alerts/sqs-batch.js';
import { dcChannel, jobOf, tgChat } from './harness.js';

describe('dispatch messages', () => {
  it('round-trip a job; refuse malformed ones with a reason', () => {
    const job = jobOf(tgChat(1), [1, 2]);
    job.items[0]!.quietHours = { startMinute: 0, endMinute: 60, utcOffsetMinutes: 0 };
    expect(parseJob(encodeJob(job))).toEqual(job);
    const body = JSON.parse(encodeJob(job));
    const bad = (patch: object) => JSON.stringify({ ...body, ...patch });
    expect(() => parseJob('{')).toThrow(AlertJobError);
    expect(() => parseJob(bad({ v: 2 }))).toThrow(/version/);
    expect(() => parseJob(bad({ target: { platform: 'irc', kind: 'chat', id: '1' } }))).toThrow(/target/);
    expect(() => parseJob(bad({ items: [] }))).toThrow(/no items/);
    expect(() =>
      parseJob(bad({ items: [{ ...body.items[0], alert: { ...body.items[0].alert, id: 'a b' } }] })),
    ).toThrow(/alert id/);
    expect(() => parseJob(bad({ items: [{ ...body.items[0], quiet: { startMinute: 5 } }] }))).toThrow(
      /quiet hours|start and end/,
    );
  });

  it('a bad SQS message is dropped, the rest of the batch still runs', async () => {
    const outcome = await dispatchSqsBatch([{ messageId: 'm1', body: 'not json' }], {
      records: {} as never,
      notifiers: {},
      queue: new MemoryQueue(),
      owner: 't',
    });
    expect(outcome).toMatchObject({ dropped: 1, batchItemFailures: [] });
  });
});

describe('queues', () => {
  it('route by platform; a delayed message appears later; an unacknowledged one comes back', async () => {
    let now = 0;
    const tg = new MemoryQueue(() => now);
    const dc = new MemoryQueue(() => now);
    await new PlatformQueues({ telegram: tg, discord: dc }).send([
      { body: 'a', platform: 'telegram' },
      { body: 'b', platform: 'discord', delayMs: 100 },
    ]);
    expect([tg.size(), dc.size()]).toEqual([1, 1]);
    expect(dc.receive(10, 1_000)).toEqual([]);
    now = 100;
    const [m] = dc.receive(10, 1_000);
    expect(m?.body).toBe('b');
    expect(dc.receive(10, 1_000)).toEqual([]);
    now = 1_100;
    const [again] = dc.receive(10, 1_000);
    expect(again).toMatchObject({ body: 'b', receiveCount: 2 });
    // The first receipt is stale: only the latest receive can acknowledge.
    expect(dc.ack(m!.id, m!.receipt)).toBe(false);
    expect(dc.ack(again!.id, again!.receipt)).toBe(true);
    await expect(
      new PlatformQueues({ telegram: tg }).send([{ body: 'c', platform: 'discord' }]),
    ).rejects.toThrow(/no dispatch queue/);
  });

  it('operator targets from configuration', () => {
    expect(operatorTargetsFrom('telegram:chat:-1001, discord:channel:123456789012345678')).toEqual([
      { platform: 'telegram', kind: 'chat', id: '-1001' },
      { platform: 'discord', kind: 'channel', id: '123456789012345678' },
    ]);
    expect(operatorTargetsFrom(undefined)).toEqual([]);
    expect(() => operatorTargetsFrom('telegram:room:1')).toThrow(/platform:kind:id/);
    expect(dcChannel(1).id).toMatch(/^[0-9]{18}$/);
  });
});
