/**
 * `npm run bench:alerts -- --subscribers 100000`: one referendum deadline that reaches every
 * subscriber (half Telegram chats, half Discord channels) plus the normal mix (every tenth also
 * follows new referenda and gets one submitted in the same version, grouped with the deadline),
 * through the AWS pipeline's parts, each in a process of its own: dynalite; the fake Telegram and
 * Discord enforcing the platforms' limits (Telegram 30 messages a second and 1 a second per chat,
 * Discord 50 requests a second and 5 per channel in 5 s; excess answered 429) with a fake SQS; the
 * detector (detection, fan-out and SendMessageBatch onto the platforms' dispatch queues, measured
 * in its own process); and two dispatchers (ALERT_SIZING's concurrency), each pacing its share of
 * the global limits, doing what Lambda's SQS event source does. Unless --kill-at is 0, one
 * dispatcher is SIGKILLed once that fraction of the subscribers has its message, and a new one
 * starts in its place (as Lambda would); the jobs it held come back after the visibility timeout
 * and their records after the lease.
 *
 * A full run (the default) delivers everything and counts duplicates and losses per chat. With
 * --deliver-seconds S the delivery is measured over its first S seconds only and the whole
 * delivery time is computed from the measured rates. Baseline in the same run: the notifiers alone
 * sending straight to a sample of chats (no queue, no records). Figures are saved to
 * .cache/bench/alerts.json for the cost model. No timing here is asserted.
 */
import '../../dev/node-support.js';
import { parseArgs } from 'node:util';
import type { DeliveryTarget, NotifierMessage, Platform } from '../../core/ports/notifier.js';
import { loadBenchResult, saveBenchResult } from '../../dev/bench-results.js';
import { localDynamoClient } from '../../dev/dynamodb/client.js';
import { ALERT_SIZING } from '../../infra/sizing.js';
import { runPool } from '../../lambdas/store/table/index.js';
import { type Child, startChild } from './alerts/child.js';
import { type DetectorConfig, type DetectorResult, runDetectorRole } from './alerts/detector-role.js';
import {
  type DispatcherConfig,
  type DispatcherProgress,
  runDispatcherRole,
} from './alerts/dispatcher-role.js';
import { benchNotifiers } from './alerts/notifiers.js';
import {
  LIMITS,
  type PlatformCount,
  type PlatformReport,
  type PlatformsHello,
  serveDynamo,
  servePlatforms,
} from './alerts/servers.js';
import { seedSubscriptions, targetOf, writeVersions } from './alerts/setup.js';
import { hottestPartition } from './alerts/write-recorder.js';

const { values } = parseArgs({
  options: {
    subscribers: { type: 'string', default: '10000' },
    'deliver-seconds': { type: 'string', default: '0' },
    'kill-at': { type: 'string', default: '0.4' },
    baseline: { type: 'string', default: '400' },
    'lease-ms': { type: 'string', default: '30000' },
    role: { type: 'string' },
    config: { type: 'string' },
  },
});
const ENTRY = new URL(import.meta.url).pathname;
const s = (ms: number) => `${(ms / 1000).toFixed(1)} s`;
const pct = (x: number) => `${(x * 100).toFixed(1)}%`;
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

async function role(name: string, config: unknown): Promise<void> {
  if (name === 'dynamo') return serveDynamo();
  if (name === 'platforms') return servePlatforms();
  if (name === 'detector') return runDetectorRole(config as DetectorConfig);
  if (name === 'dispatcher') return runDispatcherRole(config as DispatcherConfig);
  throw new Error(`unknown role ${name}`);
}

/** The notifiers alone, straight to B chats outside the run's: messages a second per platform. */
async function baseline(platforms: PlatformsHello, b: number, first: number) {
  const notifiers = benchNotifiers(platforms, 1, {});
  const message: NotifierMessage = {
    alertId: 'baseline',
    severity: 'critical',
    title: 'Referendum #900: decision period ends in 55m',
    lines: ['Root (track 0)', 'Ends block 31,000,000', 'Your 1h reminder'],
  };
  const rates = { telegram: 0, discord: 0 };
  await Promise.all(
    (['telegram', 'discord'] as const).map(async (platform) => {
      const targets = Array.from({ length: b }, (_, i) => targetOf(first + i)).filter(
        (t) => t.platform === platform,
      );
      const start = Date.now();
      let last = start;
      await runPool(targets, 96, async (target: DeliveryTarget) => {
        for (let attempt = 0; attempt < 20; attempt++) {
          const [outcome] = await notifiers[platform].send(target, [message]);
          if (outcome?.status !== 'retry') break;
          await sleep(outcome.afterMs);
        }
        last = Math.max(last, Date.now());
      });
      rates[platform] = (targets.length / (last - start)) * 1000;
    }),
  );
  return rates;
}

interface Phase {
  startMs: number;
  endMs: number;
  sends: { telegram: number; discord: number };
}

async function main(): Promise<void> {
  const n = Number(values.subscribers);
  const deliverSeconds = Number(values['deliver-seconds']);
  const killAt = Number(values['kill-at']);
  const b = Number(values.baseline);
  const leaseMs = Number(values['lease-ms']);
  if (!(Number.isInteger(n) && n >= 2) || !(Number.isInteger(b) && b >= 2))
    throw new Error('--subscribers and --baseline are whole numbers of 2 or more');
  if (!(deliverSeconds >= 0) || !(killAt >= 0 && killAt < 1) || !(leaseMs >= 5_000))
    throw new Error(
      '--deliver-seconds is 0 (a full run) or more, --kill-at a fraction in [0, 1), --lease-ms at least 5000',
    );
  const full = deliverSeconds === 0;

  const [dynamoChild, platformsChild] = await Promise.all([
    startChild(ENTRY, 'dynamo', null),
    startChild(ENTRY, 'platforms', null),
  ]);
  const dynamo = (dynamoChild.hello as { dynamo: string }).dynamo;
  const platforms = platformsChild.hello as PlatformsHello;
  const count = () => platformsChild.ask('count') as Promise<PlatformCount>;
  const client = localDynamoClient(dynamo);
  const tableName = 'herald-alerts-bench';
  const dispatchers: Child[] = [];
  try {
    const baseRates = await baseline(platforms, b, n);
    const baseViolations = (await count()).violations;
    await platformsChild.ask('reset');
    // The proxy's count is not reset: the run's 429s are those after this.
    const zeroViolations = (await count()).violations;
    await sleep(1_500);

    const setupStart = Date.now();
    await seedSubscriptions(client, tableName, n);
    await writeVersions(client, tableName);
    const setupMs = Date.now() - setupStart;
    console.error(`set-up: ${n} targets subscribed in ${s(setupMs)}`);

    const detectorConfig: DetectorConfig = { dynamo, tableName, platforms };
    const detector = await startChild(ENTRY, 'detector', detectorConfig);
    const detection = (await detector.ask('go')) as DetectorResult;
    const jobs = detection.jobs;
    if (jobs !== n) throw new Error(`detection made ${jobs} jobs, not ${n}`);
    const afterDetect = await count();
    const sqsAfterDetect = afterDetect.sqs;
    console.error(`detection: ${jobs} jobs in ${s(detection.ms)}, peak RSS ${detection.peakRssMb} MB`);

    // A second detection on the same version, as the next run while the deadline's window is open.
    const again = await startChild(ENTRY, 'detector', detectorConfig);
    const rerun = (await again.ask('go')) as DetectorResult;

    const share = ALERT_SIZING.dispatchMaxConcurrency;
    let started = 0;
    const dispatcherConfig = (): DispatcherConfig => ({
      name: `dispatcher-${String.fromCharCode(97 + started++)}`,
      dynamo,
      tableName,
      platforms,
      share,
      leaseMs,
      visibilitySeconds: Math.ceil(leaseMs / 1000) + 5,
    });
    const baseCount = await count();
    // The window starts once both dispatchers are up (a process start is not delivery time).
    dispatchers.push(
      ...(await Promise.all(
        Array.from({ length: share }, () => startChild(ENTRY, 'dispatcher', dispatcherConfig())),
      )),
    );
    const phase: Phase = { startMs: Date.now(), endMs: 0, sends: { telegram: 0, discord: 0 } };
    let killed: { atMs: number; reached: number; last: DispatcherProgress | null } | null = null;
    const deadline = phase.startMs + (full ? 6 * 3600_000 : deliverSeconds * 1000);
    let last = baseCount;
    for (;;) {
      await sleep(1_000);
      last = await count();
      const reached = last.reached;
      if (!killed && killAt > 0 && reached >= n * killAt) {
        const victim = dispatchers[0]!;
        killed = {
          atMs: Date.now() - phase.startMs,
          reached,
          last: victim.progress() as DispatcherProgress | null,
        };
        victim.kill();
        await victim.exited;
        dispatchers[0] = await startChild(ENTRY, 'dispatcher', dispatcherConfig());
        console.error(
          `killed ${killed.last?.name} at ${s(killed.atMs)} with ${reached} reached; a new dispatcher took its place`,
        );
      }
      const queued = Object.values(last.depth).reduce((a, x) => a + x, 0);
      if ((full && reached >= n && queued === 0) || Date.now() >= deadline) break;
    }
    phase.endMs = Date.now();
    const finals = (await Promise.all(dispatchers.map((d) => d.ask('stop')))) as DispatcherProgress[];
    const report = (await platformsChild.ask('report')) as PlatformReport;
    const dispatched = [...finals, ...(killed?.last ? [killed.last] : [])];

    // Rates over the delivery window, per platform.
    const spanMs = phase.endMs - phase.startMs;
    const rate = (p: Platform) => {
      const times = report.times[p];
      if (times.length === 0) return { perSecond: 0, spanMs: 0 };
      const end = full ? Math.max(...times) : phase.endMs;
      return { perSecond: (times.length / (end - phase.startMs)) * 1000, spanMs: end - phase.startMs };
    };
    const rates = { telegram: rate('telegram'), discord: rate('discord') };
    let duplicates = 0;
    let losses = 0;
    for (let i = 0; i < n; i++) {
      const got = report.perTarget[targetOf(i).id] ?? 0;
      if (got === 0) losses++;
      else duplicates += got - 1;
    }
    const delivered = report.times.telegram.length + report.times.discord.length;
    const wholeMs = Math.max(
      (n / 2 / rates.telegram.perSecond) * 1000,
      (n / 2 / rates.discord.perSecond) * 1000,
    );
    const units = dispatched.reduce(
      (a, d) => ({
        read: a.read + d.readUnits,
        write: a.write + d.writeUnits,
        batchMs: a.batchMs + d.batchMs,
        cpuMs: a.cpuMs + d.cpuMs,
        sent: a.sent + (d.totals.sent ?? 0),
      }),
      { read: 0, write: 0, batchMs: 0, cpuMs: 0, sent: 0 },
    );
    const sqsDispatch = Object.fromEntries(
      Object.entries(last.sqs).map(([k, v]) => [k, v - (baseCount.sqs[k] ?? 0)]),
    );
    const sqsRequests = (r: Record<string, number>) => Object.values(r).reduce((a, x) => a + x, 0);
    const hottest = hottestPartition([detection.writes, rerun.writes, ...dispatched.map((d) => d.writes)]);

    const out = (line: string) => console.log(line);
    const target = (ok: boolean) => (ok ? 'met' : 'NOT met');
    out(
      `alerts benchmark: ${n} subscribers (${n / 2} Telegram chats, ${n / 2} Discord channels); ${full ? 'full delivery' : `delivery measured over ${deliverSeconds} s`}`,
    );
    out(`  set-up: ${n} targets subscribed and two versions written in ${s(setupMs)}`);
    out(
      `  detection and fan-out: ${jobs} jobs enqueued in ${s(detection.ms)} (target <= 60 s: ${target(detection.ms <= 60_000)}), ` +
        `peak RSS ${detection.peakRssMb} MB (target < 1,024 MB: ${target(detection.peakRssMb < 1024)}); ` +
        `${detection.capacity.readUnits} read / ${detection.capacity.writeUnits} write units, ${sqsRequests(sqsAfterDetect)} SQS requests`,
    );
    out(
      `  the same detection again (the next run inside the deadline's window): ${rerun.jobs} jobs in ${s(rerun.ms)}, ` +
        `${rerun.capacity.readUnits} read / ${rerun.capacity.writeUnits} write units`,
    );
    if (killed)
      out(
        `  dispatcher killed (SIGKILL) at ${s(killed.atMs)} with ${killed.reached} targets reached; a new one started in its place`,
      );
    for (const p of ['telegram', 'discord'] as const)
      out(
        `  ${p.padEnd(8)} ${String(report.times[p].length).padStart(6)} messages in ${s(rates[p].spanMs)}: ` +
          `${rates[p].perSecond.toFixed(1)}/s = ${pct(rates[p].perSecond / LIMITS[p])} of the ${LIMITS[p]}/s limit ` +
          `(target >= 90%: ${target(rates[p].perSecond / LIMITS[p] >= 0.9)}; baseline, the notifiers alone: ${baseRates[p].toFixed(1)}/s = ${pct(baseRates[p] / LIMITS[p])})`,
      );
    out(
      `  whole delivery time at ${n}: ${s(wholeMs)}${full ? ` (measured ${s(spanMs)})` : ' (computed from the measured rates)'}`,
    );
    out(
      `  429 answers from the fake servers: ${report.violations - zeroViolations} (baseline ${baseViolations})`,
    );
    if (full)
      out(
        `  duplicates: ${duplicates}   losses: ${losses}   (target 0 and 0: ${target(duplicates === 0 && losses === 0)})`,
      );
    else out(`  duplicates so far: ${duplicates} (losses are counted by a full run)`);
    out(
      `  hottest partition key: ${hottest.pk} at ${hottest.units} write units in one second (target <= 1,000: ${target(hottest.units <= 1000)})`,
    );
    out(
      `  dispatchers: ${units.sent} sent; per message ${(units.batchMs / Math.max(1, units.sent)).toFixed(1)} ms inside batches, ` +
        `${(units.cpuMs / Math.max(1, units.sent)).toFixed(2)} ms CPU, ${(units.read / Math.max(1, units.sent)).toFixed(2)} read and ` +
        `${(units.write / Math.max(1, units.sent)).toFixed(2)} write units, ${(sqsRequests(sqsDispatch) / Math.max(1, units.sent)).toFixed(3)} SQS requests ` +
        `(${Object.entries(sqsDispatch)
          .map(([k, v]) => `${k} ${v}`)
          .join(', ')})`,
    );
    const outcomes: Record<string, number> = {};
    for (const d of dispatched)
      for (const [k, v] of Object.entries(d.outcomes)) outcomes[k] = (outcomes[k] ?? 0) + v;
    out('  notifier outcomes:');
    for (const [k, v] of Object.entries(outcomes).sort()) out(`    ${String(v).padStart(7)}  ${k}`);

    // One entry per subscriber count measured; a run replaces only its own count's.
    const earlier = loadBenchResult<Record<string, unknown>>('alerts')?.figures ?? {};
    const file = saveBenchResult('alerts', {
      ...earlier,
      [`subscribers${n}`]: {
        subscribers: n,
        fullRun: full,
        setupMs,
        detector: {
          ms: detection.ms,
          peakRssMb: detection.peakRssMb,
          readUnits: detection.capacity.readUnits,
          writeUnits: detection.capacity.writeUnits,
          dynamoRequests: detection.capacity.requests,
          sqsRequests: sqsRequests(sqsAfterDetect),
          jobs,
        },
        detectorRerun: {
          ms: rerun.ms,
          peakRssMb: rerun.peakRssMb,
          readUnits: rerun.capacity.readUnits,
          writeUnits: rerun.capacity.writeUnits,
          jobs: rerun.jobs,
        },
        dispatcher: {
          messagesDelivered: delivered,
          alertsMarkedSent: units.sent,
          readUnitsTotal: units.read,
          writeUnitsTotal: units.write,
          batchMsTotal: units.batchMs,
          msPerMessage: units.batchMs / Math.max(1, units.sent),
          cpuMsPerMessage: units.cpuMs / Math.max(1, units.sent),
          readUnitsPerMessage: units.read / Math.max(1, units.sent),
          writeUnitsPerMessage: units.write / Math.max(1, units.sent),
          sqsRequestsPerMessage: sqsRequests(sqsDispatch) / Math.max(1, units.sent),
          sqsRequestsByAction: sqsDispatch,
          peakRssMb: Math.max(...dispatched.map((d) => d.peakRssMb)),
        },
        delivery: {
          telegramPerSecond: rates.telegram.perSecond,
          discordPerSecond: rates.discord.perSecond,
          telegramOfLimit: rates.telegram.perSecond / LIMITS.telegram,
          discordOfLimit: rates.discord.perSecond / LIMITS.discord,
          wholeDeliveryMs: wholeMs,
          measuredMs: spanMs,
          baselineTelegramPerSecond: baseRates.telegram,
          baselineDiscordPerSecond: baseRates.discord,
          violations429: report.violations - zeroViolations,
        },
        duplicates,
        losses: full ? losses : null,
        killedDispatcher: killed !== null,
        hottestPartitionWriteUnitsPerSecond: hottest.units,
        hottestPartitionKey: hottest.pk,
      },
    });
    out(`  figures saved to ${file.replace(`${process.cwd()}/`, '')}`);
  } finally {
    for (const d of dispatchers) d.kill();
    client.destroy();
    dynamoChild.close();
    platformsChild.close();
  }
}

(values.role ? role(values.role, values.config ? JSON.parse(values.config) : null) : main()).catch(
  (error) => {
    console.error(`bench:alerts failed: ${(error as Error).stack ?? error}`);
    process.exit(1);
  },
);
