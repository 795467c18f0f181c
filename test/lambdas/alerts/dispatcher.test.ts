import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { AlertRecordStore } from '../../../core/ports/alert-records.js';
import { missedRow } from '../../../core/reply/missed-rows.js';
import { drainQueue } from '../../../dev/alerts/dispatch-loop.js';
import { MemoryQueue } from '../../../dev/alerts/memory-queue.js';
import type { DispatcherDeps } from '../../../lambdas/alerts/dispatch-run.js';
import { dispatchJob } from '../../../lambdas/alerts/dispatcher.js';
import {
  dcChannel,
  enqueue,
  expectedOnce,
  FAST_BACKOFF,
  jobOf,
  type Platforms,
  type RecordsBench,
  sortedEntries,
  startPlatforms,
  startRecords,
  tgChat,
} from './harness.js';
import { type KillSwitch, killableDeps } from './killable.js';

// Longer than a send can take: the notifiers wait up to a second for a chat's rate-limit slot.
const LEASE_MS = 2_500;
const VISIBILITY_MS = 3_000;

describe('dispatcher: each subscriber gets each alert exactly once', () => {
  let platforms: Platforms;
  let bench: RecordsBench;
  let records: AlertRecordStore;

  beforeAll(async () => {
    [platforms, bench] = await Promise.all([startPlatforms(), startRecords()]);
  });
  afterAll(async () => {
    await platforms.close();
    await bench.dynamo.close();
  });
  beforeEach(async () => {
    platforms.telegram.reset();
    platforms.discord.reset();
    platforms.discordProxy.calls.length = 0;
    ({ records } = await bench.newRecords());
  });

  const deps = (queue: MemoryQueue, owner: string): DispatcherDeps => ({
    records,
    notifiers: platforms.notifiers(),
    queue,
    owner,
    leaseMs: LEASE_MS,
    backoff: FAST_BACKOFF,
  });
  const drain = (queue: MemoryQueue, d: DispatcherDeps, extra: Parameters<typeof drainQueue>[2] = {}) =>
    drainQueue(queue, d, { visibilityMs: VISIBILITY_MS, pollMs: 20, ...extra });

  /** 6 Telegram chats and 6 Discord channels, 2 alerts each (sent grouped in one message per chat). */
  const jobs = () => [
    ...Array.from({ length: 6 }, (_, i) => jobOf(tgChat(i), [100 + i, 200 + i])),
    ...Array.from({ length: 6 }, (_, i) => jobOf(dcChannel(i), [300 + i, 400 + i])),
  ];

  it('the dispatcher run twice over the same jobs sends once', async () => {
    const queue = new MemoryQueue();
    await enqueue(queue, jobs());
    const first = await drain(queue, deps(queue, 'd1'));
    await enqueue(queue, jobs());
    const second = await drain(queue, deps(queue, 'd2'));
    expect(first.totals.sent).toBe(24);
    expect(second.totals).toMatchObject({ sent: 0, alreadyDone: 24 });
    expect(sortedEntries(platforms.received())).toEqual(sortedEntries(expectedOnce(jobs())));
    // Grouping: one platform message per chat for its two alerts.
    expect(platforms.telegram.delivered()).toHaveLength(6);
  });

  it('two dispatchers draining duplicated jobs concurrently send once', async () => {
    const queue = new MemoryQueue();
    await enqueue(queue, [...jobs(), ...jobs(), ...jobs()]);
    const [a, b] = await Promise.all([
      drain(queue, deps(queue, 'd1'), { concurrency: 6 }),
      drain(queue, deps(queue, 'd2'), { concurrency: 6 }),
    ]);
    expect(a.totals.sent + b.totals.sent).toBe(24);
    expect(
      a.totals.alreadyDone + b.totals.alreadyDone + a.totals.busy + b.totals.busy,
    ).toBeGreaterThanOrEqual(48);
    expect(sortedEntries(platforms.received())).toEqual(sortedEntries(expectedOnce(jobs())));
  });

  it.each([
    ['between the claim and the send', 'claim', 5],
    ['after recording the sends, before acknowledging the job', 'markSent', 4],
  ] as const)(
    'a dispatcher killed mid-fan-out %s, then restarted, loses nothing and repeats nothing',
    async (_, step, n) => {
      const queue = new MemoryQueue();
      await enqueue(queue, jobs());
      const sw: KillSwitch = { killed: false, after: (s, count) => s === step && count === n };
      await drain(queue, killableDeps(deps(queue, 'victim'), sw), {
        concurrency: 1,
        killed: () => sw.killed,
      });
      expect(sw.killed).toBe(true);
      const before = platforms.received().size;
      expect(before).toBeLessThan(24);
      // The restarted dispatcher waits out the victim's lease and the queue's visibility timeout.
      const after = await drain(queue, deps(queue, 'restarted'), { concurrency: 4 });
      expect(after.totals.sent).toBe(24 - before);
      expect(sortedEntries(platforms.received())).toEqual(sortedEntries(expectedOnce(jobs())));
      if (step === 'claim') {
        const taken = await records.get(tgChat(2), 'ref:102:submitted');
        expect(taken).toMatchObject({ state: 'sent', owner: expect.stringMatching(/^restarted:/) });
      }
    },
  );

  it.each([
    ['Discord: the nonce gets the message already posted back', dcChannel(7), 1],
    ['Telegram: no idempotency key, so the message goes out twice', tgChat(7), 2],
  ] as const)(
    'a dispatcher killed after the platform accepted a message, before recording it sent; %s',
    async (_, target, messages) => {
      const queue = new MemoryQueue();
      const job = jobOf(target, [71, 72]);
      await enqueue(queue, [job]);
      const sw: KillSwitch = { killed: false, after: (s) => s === 'send' };
      await drain(queue, killableDeps(deps(queue, 'victim'), sw), {
        concurrency: 1,
        killed: () => sw.killed,
      });
      expect(sw.killed).toBe(true);
      expect(await records.get(target, 'ref:71:submitted')).toMatchObject({
        state: 'pending',
        owner: expect.stringMatching(/^victim:/),
      });
      const platformMessages = () =>
        target.platform === 'discord'
          ? platforms.discord.created(target.id)
          : platforms.telegram.delivered(target.id);
      expect(platformMessages()).toHaveLength(1);
      // The restarted dispatcher takes the claims over once the victim's lease has run out.
      const after = await drain(queue, deps(queue, 'restarted'));
      expect(after.totals.sent).toBe(2);
      expect(platformMessages()).toHaveLength(messages);
      const record = await records.get(target, 'ref:72:submitted');
      expect(record).toMatchObject({ state: 'sent', owner: expect.stringMatching(/^restarted:/) });
      if (target.platform === 'discord')
        expect(record?.messageIds).toEqual([platforms.discord.created(target.id)[0]!.id]);
    },
  );

  it('a dispatcher killed after re-enqueueing a retry but before recording it still delivers once', async () => {
    const queue = new MemoryQueue();
    const job = jobOf(tgChat(1), [7]);
    await enqueue(queue, [job]);
    platforms.telegram.fail({ method: 'sendMessage', times: 1, failure: { code: 500 } });
    const sw: KillSwitch = { killed: false };
    const victim = killableDeps(deps(queue, 'victim'), sw);
    const queueSend = victim.queue.send;
    victim.queue = {
      send: async (m) => {
        await queueSend(m);
        sw.killed = true;
      },
    };
    await drain(queue, victim, { concurrency: 1, killed: () => sw.killed });
    expect(await records.get(tgChat(1), 'ref:7:submitted')).toMatchObject({
      state: 'pending',
      owner: expect.stringMatching(/^victim:/),
    });
    await drain(queue, deps(queue, 'restarted'));
    expect(sortedEntries(platforms.received())).toEqual(sortedEntries(expectedOnce([job])));
  });

  it('429 and 500 answers, then recovery: retried with backoff, each alert once', async () => {
    const queue = new MemoryQueue();
    await enqueue(queue, jobs());
    platforms.telegram.fail({ method: 'sendMessage', times: 2, failure: { code: 429, retryAfter: 1 } });
    platforms.telegram.fail({ method: 'sendMessage', times: 2, failure: { code: 500 } });
    platforms.discord.fail('POST', /\/channels\/[0-9]+\/messages/, { status: 500 }, 3);
    platforms.discord.fail(
      'POST',
      /\/channels\/[0-9]+\/messages/,
      { status: 429, retryAfterSeconds: 0.3 },
      1,
    );
    const stats = await drain(queue, deps(queue, 'd1'), { concurrency: 4 });
    expect(stats.totals.retrying).toBeGreaterThanOrEqual(5);
    expect(stats.totals.failed).toBe(0);
    expect(sortedEntries(platforms.received())).toEqual(sortedEntries(expectedOnce(jobs())));
    const retried = await Promise.all(
      jobs().flatMap((j) => j.items.map((i) => records.get(j.target, i.alert.id))),
    );
    expect(retried.every((r) => r?.state === 'sent')).toBe(true);
    expect(retried.filter((r) => (r?.attempts ?? 0) > 0).length).toBeGreaterThanOrEqual(5);
  });

  it('a message that keeps failing is recorded failed with its error; a gone chat is recorded gone', async () => {
    const queue = new MemoryQueue();
    const failing = tgChat(1);
    const gone = tgChat(2);
    platforms.telegram.setChat(failing.id, { code: 500 });
    platforms.telegram.setChat(gone.id, {
      code: 403,
      description: 'Forbidden: bot was kicked from the supergroup chat',
    });
    await enqueue(queue, [jobOf(failing, [1]), jobOf(gone, [2])]);
    await drain(queue, { ...deps(queue, 'd1'), backoff: { ...FAST_BACKOFF, maxAttempts: 3 } });
    const f = await records.get(failing, 'ref:1:submitted');
    expect(f).toMatchObject({ state: 'failed', attempts: 2 });
    expect(f?.error).toMatch(/gave up after 3 attempts: .*500/);
    expect(
      platforms.telegram.callsOf('sendMessage').filter((c) => String(c.params.chat_id) === failing.id),
    ).toHaveLength(3);
    expect(await records.get(gone, 'ref:2:submitted')).toMatchObject({ state: 'gone' });
    expect((await records.get(gone, 'ref:2:submitted'))?.error).toMatch(/kicked/);
    platforms.telegram.setChat(failing.id, null);
    platforms.telegram.setChat(gone.id, null);
  });

  it('quiet hours hold an alert until the window ends; a critical one goes at once', async () => {
    // One clock for the dispatcher and the queue, standing at 06:59:59 UTC (quiet from 22:00 to
    // 07:00 UTC) until the held alert is recorded as deferred; only then does it move past 07:00.
    // However slow the machine, the first pass sees quiet hours and the second does not.
    let virtual = Date.UTC(2026, 10, 26, 6, 59, 59);
    const now = () => virtual;
    const queue = new MemoryQueue(now);
    const quietHours = { startMinute: 22 * 60, endMinute: 7 * 60, utcOffsetMinutes: 0 };
    const job = jobOf(tgChat(3), [31, 32]);
    job.items[0]!.quietHours = quietHours;
    job.items[1]!.quietHours = quietHours;
    job.items[1]!.alert = { ...job.items[1]!.alert, severity: 'critical' };
    await enqueue(queue, [job]);
    const { records: shifted } = await bench.newRecords(now);
    let checking = false;
    const dawn = setInterval(() => {
      if (checking || virtual > Date.UTC(2026, 10, 26, 7)) return;
      checking = true;
      void shifted
        .get(tgChat(3), 'ref:31:submitted')
        .then((r) => {
          if (r?.state === 'deferred') virtual = Date.UTC(2026, 10, 26, 7, 0, 1);
        })
        .finally(() => {
          checking = false;
        });
    }, 20);
    const stats = await drain(queue, { ...deps(queue, 'd1'), records: shifted, now }).finally(() =>
      clearInterval(dawn),
    );
    expect(stats.totals).toMatchObject({ deferred: 1, sent: 2 });
    const sends = platforms.telegram.delivered(tgChat(3).id);
    expect(sends).toHaveLength(2);
    expect(String(sends[0]!.params.text)).toContain('Referendum #32');
    expect(sortedEntries(platforms.received())).toEqual(sortedEntries(expectedOnce([job])));
    expect((await shifted.get(tgChat(3), 'ref:31:submitted'))?.state).toBe('sent');
  });

  it('without a notifier for the platform nothing is claimed and the job waits for one', async () => {
    const queue = new MemoryQueue();
    const job = jobOf(tgChat(5), [51]);
    const result = await dispatchJob(job, {
      ...deps(queue, 'd1'),
      notifiers: { discord: platforms.notifiers().discord },
    });
    expect(result).toMatchObject({ unsendable: 1, sent: 0 });
    expect(await records.get(tgChat(5), 'ref:51:submitted')).toBeUndefined();
    expect(queue.size()).toBe(0);
  });

  it('the missed view lists a chat’s recent alerts with their state, newest first', async () => {
    const queue = new MemoryQueue();
    await enqueue(queue, [jobOf(tgChat(4), [41, 42])]);
    await drain(queue, deps(queue, 'd1'));
    const recent = await records.recent(tgChat(4), { sinceMs: Date.now() - 60_000 });
    const missed = recent.map((r) => missedRow(r, { nowMs: Date.now() }));
    expect(missed.map((m) => [m.message.title, m.state]).sort()).toEqual([
      ['Referendum #41 submitted', 'sent'],
      ['Referendum #42 submitted', 'sent'],
    ]);
    expect(recent.map((r) => [r.alert.id, r.state]).sort()).toEqual([
      ['ref:41:submitted', 'sent'],
      ['ref:42:submitted', 'sent'],
    ]);
    expect(await records.recent(tgChat(4), { sinceMs: Date.now() + 60_000 })).toEqual([]);
  });
});
