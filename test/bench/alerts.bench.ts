/**
 * `npm run bench:alerts`: 10,000 subscribers on one referendum's 1 h deadline alert, half on
 * Telegram and half on Discord, delivered through the real notifiers to fake servers that enforce
 * the platforms' rate limits (Telegram 30 messages a second, Discord 50 requests a second and 5
 * per channel per 5 s; excess answered 429). The dispatcher is killed mid-run and a new one takes
 * over. Printed: detection and delivery time, throughput as a fraction of each platform's limit,
 * duplicates and losses. Baseline, measured in the same run: the notifiers fanning out directly
 * (no records, no queue, nothing to survive a crash) to a sample of the subscribers. The fake
 * platforms and DynamoDB (dynalite) run in a child process, as they would on other machines.
 * Options: --subscribers N (default 10000), --baseline N (default 1000), --kill-at F (default 0.4).
 */

import '../../dev/node-support.js';
import { type ChildProcess, spawn } from 'node:child_process';
import { createInterface } from 'node:readline';
import { parseArgs } from 'node:util';
import { REST } from '@discordjs/rest';
import { Telegram } from 'telegraf';
import { DiscordNotifier, SlidingWindowLimiter } from '../../bots/discord/delivery/index.js';
import { createTelegramNotifier } from '../../bots/telegram/notifier.js';
import { TELEGRAM_LIMITS, TelegramRateLimiter } from '../../bots/telegram/rate-limiter.js';
import type { DeliveryTarget, Notifier, NotifierMessage, Platform } from '../../core/ports/notifier.js';
import { ENTITY, type ReferendaIndex } from '../../core/snapshot/entities.js';
import type { OngoingReferendum } from '../../core/types/governance.js';
import { type DrainOptions, drainQueue } from '../../dev/alerts/dispatch-loop.js';
import { MemoryQueue } from '../../dev/alerts/memory-queue.js';
import { localDynamoClient } from '../../dev/dynamodb/client.js';
import { startDynalite } from '../../dev/dynamodb/dynalite.js';
import { runDetection } from '../../lambdas/alerts/detector.js';
import type { DispatcherDeps } from '../../lambdas/alerts/dispatch-run.js';
import { encodeJob } from '../../lambdas/alerts/job-message.js';
import { PlatformQueues } from '../../lambdas/alerts/platform-queues.js';
import { createAlertRecordStore } from '../../lambdas/store/alert-records/index.js';
import { createDynamoStore, createVersionDiffer } from '../../lambdas/store/snapshot/index.js';
import { createSubscriptionStore } from '../../lambdas/store/subscriptions/index.js';
import { ensureTable, runPool } from '../../lambdas/store/table/index.js';
import { KUSAMA_TRACKS } from '../fixtures/kusama-tracks.js';
import { dcChannel, type Platforms, startPlatforms, tgChat } from '../lambdas/alerts/harness.js';
import { type KillSwitch, killableDeps } from '../lambdas/alerts/killable.js';

const LIMITS = { telegram: 30, discord: 50 } as const;
const { values } = parseArgs({
  options: {
    subscribers: { type: 'string', default: '10000' },
    baseline: { type: 'string', default: '1000' },
    'kill-at': { type: 'string', default: '0.4' },
    serve: { type: 'string' },
  },
});
const N = Number(values.subscribers);
const B = Number(values.baseline);
const KILL_AT = Number(values['kill-at']);
if (![N, B].every((n) => Number.isInteger(n) && n >= 2) || !(KILL_AT > 0 && KILL_AT < 1))
  throw new Error(
    '--subscribers and --baseline are counts of 2 or more; --kill-at is a fraction between 0 and 1',
  );

const targetOf = (i: number): DeliveryTarget => (i % 2 === 0 ? tgChat(i) : dcChannel(i));
const s = (ms: number) => `${(ms / 1000).toFixed(1)} s`;
const pct = (x: number) => `${(x * 100).toFixed(1)}%`;

interface Report {
  /** Successful sends: [platform, target id, time]. */
  sends: Array<[Platform, string, number]>;
  violations: number;
}

/** What the fake servers answered: successful sends and the 429s they gave for exceeded limits. */
function report(platforms: Platforms): Report {
  const sends: Report['sends'] = [];
  for (const c of platforms.telegram.delivered()) sends.push(['telegram', String(c.params.chat_id), c.atMs]);
  // Messages the fake Discord created: a resend answered through its nonce creates none.
  for (const m of platforms.discord.created()) sends.push(['discord', m.channelId, m.atMs]);
  return { sends, violations: platforms.telegram.limitViolations() + platforms.discordProxy.violations() };
}

function deliveries(r: Report) {
  const times: Record<Platform, number[]> = { telegram: [], discord: [] };
  const perTarget = new Map<string, number>();
  for (const [platform, id, at] of r.sends) {
    times[platform].push(at);
    perTarget.set(id, (perTarget.get(id) ?? 0) + 1);
  }
  return { times, perTarget };
}

/**
 * A child process: "dynamo" runs dynalite; "platforms" runs the fake servers and answers "report",
 * "reset" and "exit" on stdin. Two children, so the table and the platforms each have a core.
 */
async function serve(role: string): Promise<void> {
  const out = (v: unknown) => process.stdout.write(`${JSON.stringify(v)}\n`);
  const input = createInterface({ input: process.stdin });
  if (role === 'dynamo') {
    const dynamo = await startDynalite({});
    out({ dynamo: dynamo.endpoint });
    for await (const _ of input) break;
    await dynamo.close();
    process.exit(0);
  }
  const platforms = await startPlatforms({
    telegramLimits: { globalPerSecond: 30, perChatPerSecond: 1, perGroupPerMinute: 20 },
    discordGlobal: { limit: 50, windowMs: 1_000 },
    discordPerChannel: { limit: 5, windowMs: 5_000 },
  });
  out({
    telegram: { apiRoot: platforms.telegram.apiRoot, token: platforms.telegram.token },
    discord: `${platforms.discordProxy.url}/api`,
  });
  for await (const line of input) {
    if (line === 'report') out(report(platforms));
    else if (line === 'reset') {
      platforms.telegram.reset();
      platforms.discord.reset();
      platforms.discordProxy.calls.length = 0;
      out({ ok: true });
    } else break;
  }
  await platforms.close();
  process.exit(0);
}

interface Servers {
  dynamo: string;
  telegram: { apiRoot: string; token: string };
  discord: string;
  ask(command: 'report'): Promise<Report>;
  ask(command: 'reset'): Promise<unknown>;
  close(): void;
}

async function startServers(): Promise<Servers> {
  const [dynamo, platforms] = await Promise.all([startChild('dynamo'), startChild('platforms')]);
  return {
    ...(dynamo.hello as { dynamo: string }),
    ...(platforms.hello as { telegram: Servers['telegram']; discord: string }),
    ask: async (command: string) => JSON.parse(await platforms.ask(command)),
    close: () => {
      dynamo.close();
      platforms.close();
    },
  } as Servers;
}

async function startChild(role: string) {
  const child: ChildProcess = spawn(
    process.execPath,
    ['--import', 'tsx', new URL(import.meta.url).pathname, '--serve', role],
    {
      stdio: ['pipe', 'pipe', 'inherit'],
    },
  );
  const lines: string[] = [];
  const waiting: Array<(line: string) => void> = [];
  createInterface({ input: child.stdout! }).on('line', (line) => {
    const w = waiting.shift();
    if (w) w(line);
    else lines.push(line);
  });
  const next = () =>
    new Promise<string>((resolve) => (lines.length > 0 ? resolve(lines.shift()!) : waiting.push(resolve)));
  const hello: unknown = JSON.parse(await next());
  return {
    hello,
    ask: (command: string) => {
      child.stdin!.write(`${command}\n`);
      return next();
    },
    close: () => {
      child.stdin!.end('exit\n');
    },
  };
}

/** Fresh notifiers (a new process), pointed at the child's fake servers; none sends once `alive` says no. */
/** Outcomes the notifiers answered, by platform, status and reason (for the printout). */
const outcomeTally = new Map<string, number>();

function tallied(n: Notifier): Notifier {
  return {
    platform: n.platform,
    send: async (target, messages) => {
      const outcomes = await n.send(target, messages);
      for (const o of outcomes) {
        const why = o.status === 'sent' ? '' : ` ${o.reason.replace(/[0-9]+/g, 'N').slice(0, 60)}`;
        const key = `${n.platform} ${o.status}${why}`;
        outcomeTally.set(key, (outcomeTally.get(key) ?? 0) + 1);
      }
      return outcomes;
    },
  };
}

function notifiersFor(servers: Servers, alive: () => boolean = () => true): Record<Platform, Notifier> {
  const dead = () => Promise.reject(Object.assign(new Error('process killed'), { code: 'ECONNRESET' }));
  const client = new Telegram(servers.telegram.token, { apiRoot: servers.telegram.apiRoot });
  // As createDiscordRest builds it, but every request passes the process's "alive" check at the
  // moment it really leaves (the REST client queues requests internally).
  const rest = new REST({
    api: servers.discord,
    version: '10',
    retries: 0,
    timeout: 8_000,
    rejectOnRateLimit: (data) => Math.max(data.retryAfter, data.timeToReset) > 5_000,
    hashSweepInterval: 0,
    handlerSweepInterval: 0,
    makeRequest: (url, init) =>
      (alive() ? fetch(url, init as RequestInit) : dead()) as ReturnType<typeof fetch>,
  }).setToken('bench-token');
  return {
    telegram: tallied(
      createTelegramNotifier({
        telegram: {
          sendMessage: (chatId: string, text: string, extra: object) =>
            alive() ? client.sendMessage(chatId, text, extra) : dead(),
        },
        limiter: new TelegramRateLimiter({ ...TELEGRAM_LIMITS, marginMs: 30 }),
        transientRetries: 0,
        maxWaitMs: 8_000,
      }),
    ),
    discord: tallied(
      new DiscordNotifier({
        rest,
        // One request every 21 ms (47.6 a second), evenly spaced: a burst of a whole second's worth
        // would cross into the next second at the server as soon as the network jitters.
        limiter: new SlidingWindowLimiter({ limit: 1, windowMs: 21 }),
        maxLimiterWaitMs: 8_000,
      }),
    ),
  };
}

/** Messages per second over the span of a platform's sends, and that as a fraction of its limit. */
function rate(times: number[], platform: Platform, startMs: number) {
  if (times.length === 0) return { perSecond: 0, ofLimit: 0, spanMs: 0 };
  const spanMs = Math.max(...times) - startMs;
  const perSecond = (times.length / spanMs) * 1000;
  return { perSecond, ofLimit: perSecond / LIMITS[platform], spanMs };
}

async function main(): Promise<void> {
  const servers = await startServers();
  const client = localDynamoClient(servers.dynamo);
  try {
    // Baseline: the notifiers alone, straight to a sample of the targets.
    const message = (id: string): NotifierMessage => ({
      alertId: id,
      severity: 'critical',
      title: 'Referendum #900: decision period ends in 55m',
      lines: ['Root (track 0)', 'Ends block 31,000,000', 'Your 1h reminder'],
    });
    const direct = notifiersFor(servers);
    const baselineStart = Date.now();
    const sample = Array.from({ length: B }, (_, i) => targetOf(N + i));
    // One pool per platform, as the dispatcher has one queue per platform.
    await Promise.all(
      (['telegram', 'discord'] as const).map((platform) =>
        runPool(
          sample.filter((t) => t.platform === platform),
          96,
          async (t) => {
            const target: DeliveryTarget = t;
            const notifier: Notifier = direct[platform];
            for (let attempt = 0; attempt < 20; attempt++) {
              const [outcome] = await notifier.send(target, [message('baseline')]);
              if (outcome?.status !== 'retry') return;
              await new Promise((r) => setTimeout(r, outcome.afterMs));
            }
          },
        ),
      ),
    );
    const baseReport = await servers.ask('report');
    const base = deliveries(baseReport);
    const baseRates = {
      telegram: rate(base.times.telegram, 'telegram', baselineStart),
      discord: rate(base.times.discord, 'discord', baselineStart),
    };
    const baseViolations = baseReport.violations;
    await servers.ask('reset');
    await new Promise((r) => setTimeout(r, 5_500));

    // The table: 10,000 deadline subscriptions on referendum 900, and a version where its
    // decision period ends in 55 minutes.
    const tableName = 'herald-alerts-bench';
    await ensureTable(client, tableName);
    const subs = createSubscriptionStore({ client, tableName });
    const setupStart = Date.now();
    await runPool(
      Array.from({ length: N }, (_, i) => i),
      32,
      async (i) => {
        await subs.subscribe(
          { ...targetOf(i), createdBy: '1' },
          { kind: 'deadlines', scope: { type: 'referendum', referendum: 900 }, leadMinutes: [60] },
        );
      },
    );
    const setupMs = Date.now() - setupStart;
    const store = createDynamoStore({ client, tableName });
    const now = Date.now();
    const relayBlock = 31_000_000;
    const track = KUSAMA_TRACKS[0]!;
    const ref: OngoingReferendum = {
      status: 'ongoing',
      id: 900,
      track: 0,
      origin: 'system.Root',
      proposal: { kind: 'Legacy', hash: '0x01' },
      enactment: { kind: 'After', blocks: 100 },
      submitted: relayBlock - 100_000,
      submissionDeposit: { who: 'x', amount: 1n },
      decisionDeposit: { who: 'x', amount: 1n },
      deciding: { since: relayBlock + 550 - track.decisionPeriod, confirming: null },
      tally: { ayes: 0n, nays: 0n, support: 0n },
      inQueue: false,
      alarm: null,
    };
    const index: ReferendaIndex = {
      referendumCount: 901,
      ongoing: [{ id: 900, track: 0, proposal: null, info: ref }],
      recentlyEnded: [],
    };
    const anchor = {
      blockHash: '0x00',
      blockNumber: 1,
      relayBlock,
      timestampMs: now,
      specVersion: 1,
      genesisHash: '0x01',
    };
    await store.writeVersion({ relayBlock, blockNumber: 1, blockHash: '0x00' }, [
      {
        kind: ENTITY.status,
        id: 'current',
        data: { anchor, issuance: { total: 1n, inactive: 0n }, activeEra: 1, counts: {}, warnings: [] },
      },
      { kind: ENTITY.tracks, id: 'all', data: KUSAMA_TRACKS },
      { kind: ENTITY.index, id: 'referenda', data: index },
    ]);

    const records = createAlertRecordStore({ client, tableName });
    const detectStart = Date.now();
    const run = await runDetection({
      store,
      differ: createVersionDiffer({ client, tableName }),
      subscriptions: subs,
      records,
    });
    const detectMs = Date.now() - detectStart;
    if (!run || run.jobs.length !== N)
      throw new Error(`detection made ${run?.jobs.length ?? 0} jobs, not ${N}`);
    // One queue per platform, drained side by side, as the dispatcher Lambdas drain theirs.
    const queues: Record<Platform, MemoryQueue> = { telegram: new MemoryQueue(), discord: new MemoryQueue() };
    const queue = new PlatformQueues(queues);
    await queue.send(run.jobs.map((job) => ({ body: encodeJob(job), platform: job.target.platform })));
    const drainBoth = (deps: DispatcherDeps, options: DrainOptions) =>
      Promise.all([
        drainQueue(queues.telegram, deps, options),
        drainQueue(queues.discord, deps, options),
      ]).then(([a, b]) => ({
        sent: a.totals.sent + b.totals.sent,
        alreadyDone: a.totals.alreadyDone + b.totals.alreadyDone,
      }));

    // Dispatcher A, killed once KILL_AT of the subscribers have their message; B takes over.
    const sw: KillSwitch = { killed: false };
    // A lease outlasts the longest send (8 s for a rate-limit slot, 5 s of REST waits, 8 s timeout).
    const lease = 30_000;
    const dispatchOptions = { concurrency: 96, visibilityMs: lease + 5_000, pollMs: 50 };
    const start = Date.now();
    let killedAtMs = 0;
    let deliveredAtKill = 0;
    // Killed at a moment of its own choosing: right after the dispatcher recorded a send.
    sw.after = (step, count) => {
      if (step !== 'markSent' || count < N * KILL_AT) return false;
      killedAtMs = Date.now() - start;
      deliveredAtKill = count;
      return true;
    };
    const victim = killableDeps(
      {
        records,
        notifiers: notifiersFor(servers, () => !sw.killed),
        queue,
        owner: 'bench-a',
        leaseMs: lease,
      },
      sw,
    );
    await drainBoth(victim, { ...dispatchOptions, killed: () => sw.killed });
    const successor = await drainBoth(
      { records, notifiers: notifiersFor(servers), queue, owner: 'bench-b', leaseMs: lease },
      dispatchOptions,
    );
    const totalMs = Date.now() - start;

    const finalReport = await servers.ask('report');
    const { times, perTarget } = deliveries(finalReport);
    let duplicates = 0;
    let losses = 0;
    for (let i = 0; i < N; i++) {
      const count = perTarget.get(targetOf(i).id) ?? 0;
      if (count === 0) losses++;
      else duplicates += count - 1;
    }
    const rates = {
      telegram: rate(times.telegram, 'telegram', start),
      discord: rate(times.discord, 'discord', start),
    };
    const violations = finalReport.violations;

    const line = (p: Platform) =>
      `  ${p.padEnd(8)} ${String(times[p].length).padStart(5)} messages in ${s(rates[p].spanMs)}: ` +
      `${rates[p].perSecond.toFixed(1)}/s = ${pct(rates[p].ofLimit)} of the ${LIMITS[p]}/s limit ` +
      `(baseline ${baseRates[p].perSecond.toFixed(1)}/s = ${pct(baseRates[p].ofLimit)}; dispatcher/baseline ${(rates[p].perSecond / baseRates[p].perSecond).toFixed(2)}x)`;
    console.log(
      `alerts benchmark: ${N} subscribers (${N / 2} Telegram, ${N / 2} Discord) on one deadline alert`,
    );
    console.log(
      `  set-up: ${N} subscriptions written in ${s(setupMs)}; detection and fan-out ${s(detectMs)} (${run.jobs.length} jobs)`,
    );
    console.log(
      `  dispatcher A killed at ${s(killedAtMs)} with ${deliveredAtKill} delivered; dispatcher B finished the rest (${successor.sent} sent, ${successor.alreadyDone} already sent)`,
    );
    console.log(`  delivery time: ${s(totalMs)} from the first claim to the last message`);
    console.log(line('telegram'));
    console.log(line('discord'));
    console.log(`  429 answers from the fake servers: ${violations} (baseline ${baseViolations})`);
    console.log(`  duplicates: ${duplicates}   losses: ${losses}`);
    const buckets = new Map<number, Record<Platform, number>>();
    for (const [platform, , at] of finalReport.sends) {
      const b = Math.floor((at - start) / 5_000);
      const row = buckets.get(b) ?? { telegram: 0, discord: 0 };
      row[platform] += 1;
      buckets.set(b, row);
    }
    console.log(
      `  per 5 s (telegram/discord): ${[...buckets]
        .sort((a, b) => a[0] - b[0])
        .map(([, r]) => `${r.telegram}/${r.discord}`)
        .join(' ')}`,
    );
    console.log('  notifier outcomes (baseline and run):');
    for (const [key, n] of [...outcomeTally].sort()) console.log(`    ${String(n).padStart(6)}  ${key}`);
    const ok =
      rates.telegram.ofLimit >= 0.9 && rates.discord.ofLimit >= 0.9 && duplicates === 0 && losses === 0;
    console.log(`  targets (>= 90% of each limit, 0 duplicates, 0 losses): ${ok ? 'met' : 'NOT met'}`);
  } finally {
    client.destroy();
    servers.close();
  }
}

(values.serve ? serve(values.serve) : main()).catch((error) => {
  console.error(`bench:alerts failed: ${(error as Error).stack ?? error}`);
  process.exit(1);
});
