/**
 * The `npm start` alert runner stopped without closing, and started again on the same directory:
 * pending jobs come back with their attempts and next-attempt times, on the clock the runner had,
 * and every alert reaches its chat exactly once. Clocks are injected; the kill lands before a
 * chosen send, never after a chosen time.
 */
import { spawn } from 'node:child_process';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { Notifier } from '../../../core/ports/notifier.js';
import { type LocalAlerts, startLocalAlerts } from '../../../dev/alerts/local-runner.js';
import { RUNNER_STATE_FILE, type RunnerState } from '../../../dev/alerts/runner-state.js';
import { localDynamoClient } from '../../../dev/dynamodb/client.js';
import { encodeJob, parseJob } from '../../../lambdas/alerts/job-message.js';
import { startTestDynamo, type TestDynamo } from '../../helpers/dynamo.js';
import {
  dcChannel,
  expectedOnce,
  type Platforms,
  sortedEntries,
  startPlatforms,
  tgChat,
} from '../../lambdas/alerts/harness.js';
import {
  CHAIN_TIME,
  RETRY_AFTER_S,
  receipts,
  receivedBy,
  restartJobs,
  statusOnly,
  throttle,
  WALL_START,
} from './restart-bench.js';

const CHILD = fileURLToPath(new URL('./runner-child.ts', import.meta.url));
const SECOND = 1_000;

let dynamo: TestDynamo;
let platforms: Platforms;
let dataDir: string;
let tableName: string;
const running: LocalAlerts[] = [];

beforeAll(async () => {
  [dynamo, platforms] = await Promise.all([startTestDynamo(), startPlatforms()]);
});
afterAll(async () => {
  await platforms?.close();
  await dynamo?.close();
});
beforeEach(async () => {
  platforms.telegram.reset();
  platforms.discord.reset();
  dataDir = await mkdtemp(join(tmpdir(), 'herald-runner-'));
  tableName = await dynamo.newTable('runner-restart');
});
afterEach(async () => {
  for (const r of running.splice(0)) await r.close();
  await rm(dataDir, { recursive: true, force: true });
});

/**
 * A runner on the shared directory, with its own DynamoDB client, notifiers and the given wall
 * clock. Once `alive` says false, its client sends nothing more (a request already sent lands).
 */
function runner(wall: () => number, notifiers = platforms.notifiers(), alive = () => true) {
  const client = localDynamoClient(dynamo.endpoint);
  client.middlewareStack.add(
    (next) => async (args) => {
      if (!alive()) throw Object.assign(new Error('process killed'), { name: 'ECONNRESET' });
      return next(args);
    },
    { step: 'initialize', name: 'killSwitch' },
  );
  const alerts = startLocalAlerts({
    client,
    tableName,
    store: statusOnly(CHAIN_TIME),
    notifiers,
    clock: 'chain',
    wallClock: wall,
    dataDir,
    concurrency: 1,
  });
  return alerts;
}

const tg = (i: number) => receivedBy(platforms, 'telegram', tgChat(i).id);
const dc = (i: number) => receivedBy(platforms, 'discord', dcChannel(i).id);

describe('the local alert runner across a restart', () => {
  it('dropped in process before two sends: jobs, attempts and the clock come back; each alert once, retries at their time', async () => {
    throttle(platforms.telegram, [1]);
    const wall = { now: WALL_START };
    let alive = true;
    const inner = platforms.notifiers({ alive: () => alive });
    let sends = 0;
    let died!: () => void;
    const death = new Promise<void>((resolve) => {
      died = resolve;
    });
    const first: LocalAlerts = runner(
      () => wall.now,
      {
        // A Discord send waits for the kill and never leaves: a send in flight at the kill whose
        // alerts were marked one by one is the window no record closes (alerts-design.md).
        discord: {
          platform: 'discord',
          send: () => death.then(() => Promise.reject(new Error('process killed'))),
        },
        telegram: {
          platform: 'telegram',
          async send(target, messages) {
            // The third Telegram send never leaves: the process dies here, its claim still held.
            if (++sends === 3) {
              alive = false;
              try {
                await first.abandon();
              } finally {
                died();
              }
              throw new Error('process killed');
            }
            return inner.telegram.send(target, messages);
          },
        } satisfies Notifier,
      },
      () => alive,
    );
    await first.afterSnapshot();
    const jobs = restartJobs();
    for (const platform of ['telegram', 'discord'] as const)
      await first.queues[platform].send(
        jobs.filter((j) => j.target.platform === platform).map((job) => ({ body: encodeJob(job) })),
      );
    await death;
    // Chat 0 went out; chat 1 was answered 429 and waits 40 s; chat 2 was claimed, never sent.
    expect([tg(0), tg(1), tg(2)]).toEqual([2, 0, 0]);
    // On disk: the retry with its time (written before its record said retry), and the chain anchor.
    // Receives and acks are written when convenient, so chat 2's job may or may not show its receive.
    const state = JSON.parse(await readFile(join(dataDir, RUNNER_STATE_FILE), 'utf8')) as RunnerState;
    const chatOf = (body: string) => parseJob(body).target.id;
    const onDisk = state.queues.telegram.map((m) => [
      chatOf(m.body),
      m.receiveCount,
      m.visibleAtMs - CHAIN_TIME,
    ]);
    expect(onDisk).toContainEqual([tgChat(1).id, 0, RETRY_AFTER_S * SECOND]);
    expect(state.clock).toEqual({ chainMs: CHAIN_TIME, wallMs: WALL_START });

    const second = runner(() => wall.now);
    running.push(second);
    await second.settled();
    for (const i of [0, 3, 4, 5, 6, 7]) expect(tg(i), `chat ${i}`).toBe(2);
    for (const i of [1, 2, 3, 4, 5]) expect(dc(i), `channel ${i}`).toBe(2);
    // Chat 1 waits for the time Telegram asked for; chat 2 and channel 0 for the dead runner's claims to lapse.
    expect([tg(1), tg(2), dc(0)]).toEqual([0, 0, 0]);
    wall.now += RETRY_AFTER_S * SECOND - 1;
    await second.settled();
    expect([tg(1), tg(2), dc(0)]).toEqual([0, 0, 0]);
    wall.now += 1;
    await second.settled();
    expect([tg(1), tg(2), dc(0)]).toEqual([2, 0, 0]);
    wall.now = WALL_START + 150 * SECOND;
    await second.settled();
    expect(sortedEntries(receipts(platforms))).toEqual(sortedEntries(expectedOnce(jobs)));
    for (const job of jobs)
      for (const r of await second.records.recent(job.target, { limit: 10 }))
        expect(r.state, `${job.target.id} ${r.alert.id}`).toBe('sent');
    // Chat 1's failed attempt, counted by the first runner, is still counted.
    const chat1 = await second.records.recent(tgChat(1), { limit: 10 });
    expect(chat1.map((r) => r.attempts)).toEqual([1, 1]);
  });

  it('a runner process SIGKILLed before a send: a new one on the same directory delivers every alert once', async () => {
    throttle(platforms.telegram, [1, 4]);
    const child = spawn(
      process.execPath,
      ['--import', 'tsx', CHILD, dynamo.endpoint, tableName, dataDir, '6'],
      {
        stdio: ['ignore', 'pipe', 'pipe'],
        env: {
          ...process.env,
          RESTART_TELEGRAM_ROOT: platforms.telegram.apiRoot,
          RESTART_TELEGRAM_TOKEN: platforms.telegram.token,
          RESTART_DISCORD_API: `${platforms.discordProxy.url}/api`,
        },
      },
    );
    let output = '';
    const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
    child.stdout!.on('data', (data: Buffer) => {
      output += data;
      if (/^paused/m.test(output)) child.kill('SIGKILL');
    });
    child.stderr!.on('data', (data: Buffer) => {
      output += data;
    });
    await exited;
    expect(output).toMatch(/^paused before Telegram send 6$/m);
    // Five Telegram sends left: chats 0, 2 and 3 received theirs, 1 and 4 were answered 429.
    expect([0, 1, 2, 3, 4, 5].map(tg)).toEqual([2, 0, 2, 2, 0, 0]);

    // Past the retries' time, the dead process's claim and its jobs' visibility timeout.
    const wall = { now: WALL_START + 151 * SECOND };
    const second = runner(() => wall.now);
    running.push(second);
    await second.idle();
    expect(sortedEntries(receipts(platforms))).toEqual(sortedEntries(expectedOnce(restartJobs())));
  });
});
