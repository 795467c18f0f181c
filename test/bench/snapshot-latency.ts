/**
 * `npm run bench:snapshot -- --latency 50 [--bandwidth-mbit 50] [--naive-eras 2]`: the snapshot job
 * as it runs against public RPC endpoints over the internet. The kusama scenario's four dev chains
 * (Asset Hub, the relay, Coretime and People chains) each sit behind a latency proxy
 * (`dev/net/latency-proxy.ts`) adding the round trip to every request and limiting each endpoint's
 * line to the bandwidth; cold, steady and era-change runs and the naive per-item read all go
 * through the proxies, in the same run, so they meet the same network.
 *
 * Defaults, and why: 50 ms round trip, what a Lambda in one region sees to a public endpoint
 * hosted elsewhere in the same continent (an endpoint an ocean away is 80-150 ms); 50 Mbit/s each
 * way per endpoint, what one WebSocket (one TCP connection) to a shared public node sustains over
 * that path, well under what the Lambda's own network takes. A new connection costs three round
 * trips (TCP, TLS 1.3, the WebSocket upgrade).
 *
 * The naive read of 84 eras through the proxy takes many minutes, so by default it reads 2 eras: its
 * current-state part is measured in full, its era window per era and scaled linearly to 84 (the
 * output says so).
 */

import { saveBenchResult } from '../../dev/bench-results.js';
import {
  type LatencyProxy,
  type ProxyStats,
  RoundCounter,
  startLatencyProxy,
} from '../../dev/net/latency-proxy.js';
import { SNAPSHOT_SIZING } from '../../infra/sizing.js';
import { type Child, runChild } from './bench-child.js';
import type { LatencyRun } from './snapshot-latency-phases.js';
import type { NaiveRead } from './snapshot-naive.js';

const BENCH = new URL('./snapshot.bench.ts', import.meta.url).pathname;
const PHASES = new URL('./snapshot-latency-phases.ts', import.meta.url).pathname;
const HISTORY_ERAS = 84;

export interface LatencyBenchOptions {
  seed: number;
  rttMs: number;
  bandwidthMbit: number;
  naiveEras: number;
  skipNaive: boolean;
}

/** What crossed the network during one run, over all four endpoints. */
interface Network {
  requests: number;
  connections: number;
  bytesReceived: number;
  bytesSent: number;
  /** Longest chain of waiting for an answer before asking (see the proxy). */
  rounds: number;
  /** Time frames waited for the bandwidth, summed over frames (ms). */
  throttledMs: number;
  byEndpoint: Record<string, { requests: number; bytesReceived: number }>;
}

type Proxies = Record<'assetHub' | 'relay' | 'coretime' | 'people', LatencyProxy>;

function networkOf(taken: Record<string, ProxyStats>, rounds: number): Network {
  const all = Object.values(taken);
  const sum = (f: (s: ProxyStats) => number) => all.reduce((n, s) => n + f(s), 0);
  return {
    requests: sum((s) => s.requests),
    connections: sum((s) => s.connections),
    bytesReceived: sum((s) => s.down.bytes),
    bytesSent: sum((s) => s.up.bytes),
    rounds,
    throttledMs: Math.round(sum((s) => s.down.throttledMs + s.up.throttledMs)),
    byEndpoint: Object.fromEntries(
      Object.entries(taken).map(([k, s]) => [k, { requests: s.requests, bytesReceived: s.down.bytes }]),
    ),
  };
}

/**
 * What the network alone costs a run, whatever the machine: its rounds each wait a round trip, and
 * its bytes each way take their time on the line (the two overlap in part, so the run takes at
 * least the larger, and the sum is what a run that could not overlap them would take).
 */
function networkFloor(n: Network, o: LatencyBenchOptions) {
  const bytesPerMs = o.bandwidthMbit > 0 ? (o.bandwidthMbit * 1e6) / 8 / 1000 : Number.POSITIVE_INFINITY;
  return {
    roundTripMs: n.rounds * o.rttMs,
    transferMs: Math.round(Math.max(n.bytesReceived, n.bytesSent) / bytesPerMs),
  };
}

function takeAll(proxies: Proxies, rounds: RoundCounter): Network {
  const taken = Object.fromEntries(Object.entries(proxies).map(([k, p]) => [k, p.take()]));
  return networkOf(taken, rounds.take());
}

/** Runs `step` (which ends when the measured work has ended) and returns what crossed the network. */
async function measured<T>(proxies: Proxies, rounds: RoundCounter, step: () => Promise<T>) {
  takeAll(proxies, rounds);
  const value = await step();
  return { value, network: takeAll(proxies, rounds) };
}

function checkOptions(o: LatencyBenchOptions): void {
  const bad = (what: string, value: number) => (!Number.isFinite(value) || value < 0 ? what : null);
  const wrong = [
    bad(`--latency must be a round trip in ms (0 or more), not ${o.rttMs}`, o.rttMs),
    bad(`--bandwidth-mbit must be Mbit/s (0 for no limit), not ${o.bandwidthMbit}`, o.bandwidthMbit),
    !Number.isInteger(o.naiveEras) || o.naiveEras < 1 || o.naiveEras > HISTORY_ERAS
      ? `--naive-eras must be a whole number of eras from 1 to ${HISTORY_ERAS}, not ${o.naiveEras}`
      : null,
  ].filter((m) => m !== null);
  if (wrong.length) throw new Error(wrong.join('; '));
}

export async function benchSnapshotLatency(o: LatencyBenchOptions): Promise<void> {
  checkOptions(o);
  const log = (line: string) => console.error(line);
  const secs = (ms: number) => `${(ms / 1000).toFixed(1)} s`;
  const mb = (b: number) => `${(b / 1e6).toFixed(1)} MB`;
  const children: Child[] = [];
  const started = (c: Child) => {
    children.push(c);
    return c;
  };
  let proxies: Proxies | null = null;
  try {
    log('starting the kusama dev chain and the People chain (scenario generation takes a minute)...');
    const seed = String(o.seed);
    const chain = started(
      runChild(['dev/devchain-cli.ts', '--scenario', 'kusama', '--seed', seed, '--dynamo'], true),
    );
    const people = started(runChild([PHASES, '--phase', 'people', '--seed', seed], true));
    const ready = await chain.nextJson<{ endpoint: string; dynamodb: string }>();
    const sides = started(
      runChild([BENCH, '--phase', 'sidechains', '--endpoint', ready.endpoint, '--seed', seed], true),
    );
    const side = await sides.nextJson<{ relay: string; coretime: string }>();
    const peopleAt = await people.nextJson<{ people: string }>();
    const rounds = new RoundCounter();
    const bits = o.bandwidthMbit > 0 ? o.bandwidthMbit * 1e6 : Number.POSITIVE_INFINITY;
    const proxy = (target: string) =>
      startLatencyProxy({ target, rttMs: o.rttMs, downBitsPerSecond: bits, upBitsPerSecond: bits, rounds });
    proxies = {
      assetHub: await proxy(ready.endpoint),
      relay: await proxy(side.relay),
      coretime: await proxy(side.coretime),
      people: await proxy(peopleAt.people),
    };
    const p = proxies;
    log(
      `every chain behind a proxy: ${o.rttMs} ms round trip, ${o.bandwidthMbit || 'unlimited'} Mbit/s each way`,
    );
    const pipeline = started(
      runChild(
        [
          `--max-old-space-size=${SNAPSHOT_SIZING.heapMb}`,
          PHASES,
          '--phase',
          'pipeline',
          ...[
            '--endpoint',
            p.assetHub.endpoint,
            '--relay',
            p.relay.endpoint,
            '--coretime',
            p.coretime.endpoint,
          ],
          ...[
            '--people',
            p.people.endpoint,
            '--dynamodb',
            ready.dynamodb,
            '--table',
            `latency-${Date.now()}`,
          ],
        ],
        true,
      ),
    );
    const run = async () => {
      const r = await measured(p, rounds, async () => {
        pipeline.send('go');
        return pipeline.nextJson<LatencyRun>();
      });
      log(`  ${JSON.stringify({ ...r.value, ...r.network, byEndpoint: undefined })}`);
      return r;
    };
    log('cold run (84 eras from the chain)...');
    const cold = await run();
    log(`  ${secs(cold.value.ms)}; steady run (warm, unchanged)...`);
    const steady = await run();
    log(`  ${secs(steady.value.ms)}; era change: the chain pays the active era and starts the next...`);
    chain.send('next-era');
    const moved = await chain.nextJson<{ ok: boolean; error?: string }>();
    if (!moved.ok) throw new Error(`next-era failed: ${moved.error}`);
    sides.send('follow');
    await sides.nextLine();
    const eraChange = await run();
    log(`  ${secs(eraChange.value.ms)}`);
    const naive = o.skipNaive ? null : await naiveThrough(p, rounds, o.naiveEras, log);
    const runs = { cold, steady, eraChange };
    const figure = (r: typeof cold) => ({
      ms: r.value.ms,
      readMs: r.value.readMs,
      writeMs: r.value.writeMs,
      rpcRequests: r.network.requests,
      jobRpcRequests: r.value.rpcRequests,
      bytesReceived: r.network.bytesReceived,
      bytesSent: r.network.bytesSent,
      rounds: r.network.rounds,
      connections: r.network.connections,
      throttledMs: r.network.throttledMs,
      ...networkFloor(r.network, o),
      erasReadFromChain: r.value.erasReadFromChain,
      peakRssMb: r.value.peakRssMb,
      byEndpoint: r.network.byEndpoint,
    });
    const speedup = naive ? Number((naive.ms / cold.value.ms).toFixed(2)) : null;
    const figures = {
      settings: {
        rttMs: o.rttMs,
        bandwidthMbit: o.bandwidthMbit,
        burstBytes: 65_536,
        handshakeRoundTrips: 3,
      },
      cold: figure(cold),
      steady: figure(steady),
      eraChange: figure(eraChange),
      naive,
      coldSpeedupOverNaive: speedup,
    };
    const file = saveBenchResult('snapshot-latency', figures);
    const line = (r: typeof cold) => {
      const floor = networkFloor(r.network, o);
      return `${secs(r.value.ms)} (read ${secs(r.value.readMs)}, write ${secs(r.value.writeMs)}), ${r.network.requests} requests in ${r.network.rounds} rounds (${secs(floor.roundTripMs)} of round trips) over ${r.network.connections} connections, ${mb(r.network.bytesReceived)} received and ${mb(r.network.bytesSent)} sent (${secs(floor.transferMs)} on the line)`;
    };
    console.log(
      `\nSnapshot benchmark through a ${o.rttMs} ms, ${o.bandwidthMbit || 'unlimited'} Mbit/s network (kusama scenario, same run)`,
    );
    for (const [name, r] of Object.entries(runs)) console.log(`  ${name.padEnd(12)} ${line(r)}`);
    if (naive) {
      console.log(
        `  ${'naive'.padEnd(12)} ${secs(naive.ms)} for ${HISTORY_ERAS} eras, ${naive.rpcRequests} requests in ${naive.rounds} rounds, ${mb(naive.bytesReceived)} received${naive.measuredEras < HISTORY_ERAS ? ` (current state measured in full, ${secs(naive.stateMs)}; the era window measured over ${naive.measuredEras} eras, ${secs(naive.perEraMs)} an era, and scaled linearly to ${HISTORY_ERAS})` : ''}`,
      );
      console.log(
        `  cold vs naive: ${speedup}x the speed, ${(naive.rpcRequests / cold.network.requests).toFixed(0)}x fewer requests`,
      );
    }
    console.log(`  targets with the delay: steady <= 15 s; cold >= 20x faster than naive`);
    console.log(`  figures saved to ${file}`);
  } finally {
    for (const c of children.reverse()) await c.stop();
    if (proxies) for (const px of Object.values(proxies)) await px.close();
  }
}

interface NaiveFigures {
  /** Scaled to the 84-era window where fewer eras were measured. */
  ms: number;
  rpcRequests: number;
  bytesReceived: number;
  rounds: number;
  measuredEras: number;
  stateMs: number;
  perEraMs: number;
  measured: { ms: number; rpcRequests: number; bytesReceived: number; rounds: number };
  peakRssMb: number;
}

/** The naive read through the Asset Hub proxy, its era window measured apart and scaled to 84 eras. */
async function naiveThrough(
  p: Proxies,
  rounds: RoundCounter,
  eras: number,
  log: (line: string) => void,
): Promise<NaiveFigures> {
  log(`naive way (one polkadot-js query per item) through the proxy, ${eras} of ${HISTORY_ERAS} eras...`);
  takeAll(p, rounds);
  const child = runChild([
    PHASES,
    '--phase',
    'naive',
    '--endpoint',
    p.assetHub.endpoint,
    '--eras',
    String(eras),
  ]);
  try {
    await child.nextJson(); // eras-start
    const before = takeAll(p, rounds);
    child.send('go');
    await child.nextJson(); // eras-end
    const window = takeAll(p, rounds);
    child.send('go');
    const read = await child.nextJson<NaiveRead & { peakRssMb: number }>();
    const after = takeAll(p, rounds);
    const scale = HISTORY_ERAS / eras;
    const stateMs = read.ms - read.erasPart.ms;
    const perEraMs = read.erasPart.ms / eras;
    const state = (f: (n: Network) => number) => f(before) + f(after);
    return {
      ms: Math.round(stateMs + read.erasPart.ms * scale),
      rpcRequests: Math.round(state((n) => n.requests) + window.requests * scale),
      bytesReceived: Math.round(state((n) => n.bytesReceived) + window.bytesReceived * scale),
      rounds: Math.round(state((n) => n.rounds) + window.rounds * scale),
      measuredEras: eras,
      stateMs,
      perEraMs: Math.round(perEraMs),
      measured: {
        ms: read.ms,
        rpcRequests: state((n) => n.requests) + window.requests,
        bytesReceived: state((n) => n.bytesReceived) + window.bytesReceived,
        rounds: state((n) => n.rounds) + window.rounds,
      },
      peakRssMb: read.peakRssMb,
    };
  } finally {
    await child.stop();
  }
}
