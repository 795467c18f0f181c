/**
 * Puts the cost model's inputs together: the benchmarks' measurements, the deployment's figures
 * (`infra/`), and the usage assumptions no benchmark can measure. A snapshot run is billed at its
 * local time (a typical run for the runs between era changes) plus, when the latency benchmark
 * measured it, the time its reads spend on a public endpoint's line: the deployed Lambda reads one.
 */
import { DEFAULT_CONFIG } from '../../infra/config.js';
import { COST_INPUTS } from '../../infra/cost-inputs.js';
import { type CostInputs, type Figure, figure } from './inputs.js';
import type { Measurements } from './measured.js';

/** The deployment's billed shape: alarms, polled queues (from `infra/`). */
export interface DeploymentShape {
  alarmMetrics: number;
  polledQueues: number;
  source: string;
}

export const USAGE_ASSUMPTIONS = {
  commandsPerSubscriberMonth: figure(10, 'assumed: 10 commands a subscriber a month'),
  alertsPerSubscriberMonth: figure(20, 'assumed: 20 alerts a subscriber a month'),
  coldStartsPerDay: figure(4, 'assumed: Lambda recycles the snapshot container about every 6 h'),
  idlePollsPerQueueMonth: figure(
    COST_INPUTS.queues.find((q) => q.polled)?.idlePollRequestsPerMonth ?? 0,
    'infra: cost-inputs.ts queues[].idlePollRequestsPerMonth (5 pollers × 3 long polls a minute)',
  ),
  otherLogBytesPerInvocation: figure(
    COST_INPUTS.platformLogBytesPerInvocation + 200,
    "infra: cost-inputs.ts platformLogBytesPerInvocation (Lambda's own lines), plus an assumed 200-byte summary line",
  ),
  itemLifetimeDays: figure(4, 'store: item lifetime (lambdas/store/snapshot/expiry.ts default)'),
  alertRecordDays: figure(30, 'store: delivery record TTL (lambdas/alerts/alerts-design.md)'),
};

/** The alerts benchmark's runs, `subscribers<N>` keys by subscriber count. */
function alertRuns(m: Measurements): Array<{ key: string; subscribers: number; fullRun: boolean }> {
  const figures = (m.result('alerts')?.figures ?? {}) as Record<
    string,
    { subscribers?: number; fullRun?: boolean }
  >;
  return Object.entries(figures)
    .filter(([key, run]) => /^subscribers\d+$/.test(key) && typeof run.subscribers === 'number')
    .map(([key, run]) => ({ key, subscribers: run.subscribers!, fullRun: run.fullRun === true }))
    .sort((a, b) => a.subscribers - b.subscribers);
}

/** The largest run that delivered every message (its per-message figures cover a whole delivery). */
function dispatchRun(m: Measurements): string {
  const full = alertRuns(m).filter((r) => r.fullRun);
  return full.at(-1)?.key ?? 'subscribers';
}

/**
 * A detector run with nothing new to send (the benchmark's rerun on the same version) at the
 * smallest and the largest subscriber count measured: the line through them.
 */
function detectorLine<B extends keyof CostInputs, P extends keyof CostInputs>(
  m: Measurements,
  what: 'ms' | 'readUnits',
  base: B,
  perSubscriber: P,
): Record<B | P, Figure> {
  const runs = alertRuns(m);
  const lo = runs[0];
  const hi = runs.at(-1);
  if (!lo || !hi || lo === hi) {
    const single = m.figure('alerts', `${hi?.key ?? 'subscribers'}.detectorRerun.${what}`);
    return { [base]: single, [perSubscriber]: figure(0, single.source) } as Record<B | P, Figure>;
  }
  const a = m.figure('alerts', `${lo.key}.detectorRerun.${what}`);
  const b = m.figure('alerts', `${hi.key}.detectorRerun.${what}`);
  const slope = (b.value - a.value) / (hi.subscribers - lo.subscribers);
  const source = `measured: alerts.json detectorRerun.${what} at ${lo.subscribers.toLocaleString('en-US')} and ${hi.subscribers.toLocaleString('en-US')} subscribers, a line through both`;
  return {
    [base]: figure(Math.max(0, a.value - slope * lo.subscribers), source),
    [perSubscriber]: figure(slope, source),
  } as Record<B | P, Figure>;
}

const n = (x: number) => Math.round(x).toLocaleString('en-US');

/**
 * What reading over a real network adds to a run: the latency benchmark's rounds of requests times
 * the round trip, plus the bytes received over the link's bandwidth (both independent of this
 * machine's speed). Added to the local run's time as if nothing overlapped: an upper bound.
 */
function networkMs(m: Measurements, run: 'steady' | 'eraChange'): { ms: number; how: string } | null {
  const bench = 'snapshot-latency';
  if (!m.has(bench, `${run}.rounds`) || !m.has(bench, 'settings.rttMs')) return null;
  const rounds = m.figure(bench, `${run}.rounds`).value;
  const bytes = m.figure(bench, `${run}.bytesReceived`).value;
  const rtt = m.figure(bench, 'settings.rttMs').value;
  const mbit = m.figure(bench, 'settings.bandwidthMbit').value;
  const transfer = mbit > 0 ? (bytes * 8) / (mbit * 1000) : 0;
  return {
    ms: rounds * rtt + transfer,
    how: `snapshot-latency.json ${run}: ${n(rounds)} rounds × ${rtt} ms + ${(bytes / 1e6).toFixed(1)} MB at ${mbit} Mbit/s`,
  };
}

export function assembleInputs(m: Measurements, deployment: DeploymentShape): CostInputs {
  const fn = COST_INPUTS.functions;
  const timed = (key: 'typical' | 'eraChange' | 'coldStart') => {
    const local = m.figure('snapshot', `${key}.ms`);
    const net = networkMs(m, key === 'eraChange' ? 'eraChange' : 'steady');
    if (!net) return local;
    return figure(local.value + net.ms, `${local.source} plus ${n(net.ms)} ms on the line (${net.how})`);
  };
  return {
    snapshotEveryMinutes: figure(
      DEFAULT_CONFIG.snapshotEveryMinutes,
      'infra: config.ts snapshotEveryMinutes',
    ),
    alertCheckEveryMinutes: figure(
      DEFAULT_CONFIG.alertCheckEveryMinutes,
      'infra: config.ts alertCheckEveryMinutes',
    ),
    snapshotMemoryMb: figure(fn.snapshot.memoryMb, 'infra: cost-inputs.ts functions.snapshot.memoryMb'),
    detectorMemoryMb: figure(
      fn.alertDetector.memoryMb,
      'infra: cost-inputs.ts functions.alertDetector.memoryMb',
    ),
    dispatcherMemoryMb: figure(
      fn.alertDispatcher.memoryMb,
      'infra: cost-inputs.ts functions.alertDispatcher.memoryMb',
    ),
    botMemoryMb: figure(
      fn.discordInteractions.memoryMb,
      'infra: cost-inputs.ts functions.discordInteractions.memoryMb',
    ),
    alarmMetrics: figure(deployment.alarmMetrics, deployment.source),
    polledQueues: figure(deployment.polledQueues, deployment.source),
    eraHours: m.figure('snapshot', 'chain.eraHours'),
    itemLifetimeDays: USAGE_ASSUMPTIONS.itemLifetimeDays,
    alertRecordDays: USAGE_ASSUMPTIONS.alertRecordDays,

    steadyRunMs: timed('typical'),
    steadyWriteUnits: m.figure('snapshot', 'typical.writeUnits'),
    steadyReadUnits: m.figure('snapshot', 'typical.readUnits'),
    eraChangeRunMs: timed('eraChange'),
    eraChangeWriteUnits: m.figure('snapshot', 'eraChange.writeUnits'),
    eraChangeReadUnits: m.figure('snapshot', 'eraChange.readUnits'),
    coldStartRunMs: timed('coldStart'),
    coldStartReadUnits: m.figure('snapshot', 'coldStart.readUnits'),
    coldStartWriteUnits: m.figure('snapshot', 'coldStart.writeUnits'),
    refreshWriteUnits: m.figure('snapshot', 'refresh.writeUnits'),
    storedBytes: m.figure('snapshot', 'storedBytes'),
    snapshotLogBytes: m.figure('snapshot', 'logBytesPerRun'),

    ...detectorLine(m, 'ms', 'detectorRunMs', 'detectorMsPerSubscriber'),
    ...detectorLine(m, 'readUnits', 'detectorReadUnits', 'detectorReadUnitsPerSubscriber'),
    detectorWriteUnits: m.figure('alerts', `${dispatchRun(m)}.detectorRerun.writeUnits`),
    dispatchMsPerMessage: m.figure('alerts', `${dispatchRun(m)}.dispatcher.msPerMessage`),
    dispatchReadUnitsPerMessage: m.figure('alerts', `${dispatchRun(m)}.dispatcher.readUnitsPerMessage`),
    dispatchWriteUnitsPerMessage: m.figure('alerts', `${dispatchRun(m)}.dispatcher.writeUnitsPerMessage`),
    sqsRequestsPerMessage: m.figure('alerts', `${dispatchRun(m)}.dispatcher.sqsRequestsPerMessage`),

    commandMs: m.figure('commands', 'mean.ms'),
    commandReadUnits: m.figure('commands', 'mean.readUnits'),

    commandsPerSubscriberMonth: USAGE_ASSUMPTIONS.commandsPerSubscriberMonth,
    alertsPerSubscriberMonth: USAGE_ASSUMPTIONS.alertsPerSubscriberMonth,
    coldStartsPerDay: USAGE_ASSUMPTIONS.coldStartsPerDay,
    idlePollsPerQueueMonth: USAGE_ASSUMPTIONS.idlePollsPerQueueMonth,
    otherLogBytesPerInvocation: USAGE_ASSUMPTIONS.otherLogBytesPerInvocation,
  };
}
