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
import { RoundCounter, startLatencyProxy } from '../../dev/net/latency-proxy.js';
import { SNAPSHOT_SIZING } from '../../infra/sizing.js';
import { type Child, runChild } from './bench-child.js';
import { HISTORY_ERAS, naiveThrough } from './snapshot-latency-naive.js';
import { measured, networkFloor, type Proxies } from './snapshot-latency-network.js';
import type { LatencyRun } from './snapshot-latency-phases.js';

const BENCH = new URL('./snapshot.bench.ts', import.meta.url).pathname;
const PHASES = new URL('./snapshot-latency-phases.ts', import.meta.url).pathname;

export interface LatencyBenchOptions {
  seed: number;
  rttMs: number;
  bandwidthMbit: number;
  naiveEras: number;
  skipNaive: boolean;
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
    const naive = o.skipNaive ? null : await naiveThrough(PHASES, p, rounds, o.naiveEras, log);
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
      ...networkFloor(r.network, o.rttMs, o.bandwidthMbit),
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
      const floor = networkFloor(r.network, o.rttMs, o.bandwidthMbit);
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
