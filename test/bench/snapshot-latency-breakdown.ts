/**
 * `npx tsx test/bench/snapshot-latency-breakdown.ts [--latency 50] [--bandwidth-mbit 50] [--seed 42]
 * [--typical] [--era-change]`: where a snapshot read's bytes and rounds go. The kusama scenario's
 * Asset Hub, relay and Coretime dev chains each sit behind a latency proxy counting requests and
 * bytes per storage item (`dev/net/rpc-traffic.ts`). The chain reader reads once directly (cold: it
 * fills the era archive and what a warm container keeps) and then, through the proxies, an unchanged
 * steady read; with `--typical`, a read after five typical minutes of changes; with `--era-change`,
 * one after the era moves on. Each read is measured twice at the same block, in the same run: first
 * as before (`baseline`: nothing kept but the era archive, so every claim, the active era's exposures
 * and the metadata are read again), then as a warm container reads (`warm`); the two snapshots must
 * be equal. Only the chain read is measured (no store writes, no People chain). Prints a table per
 * read and saves the figures to `.cache/bench/snapshot-latency-breakdown.json`.
 */
import '../../dev/node-support.js';
import { parseArgs } from 'node:util';
import { saveBenchResult } from '../../dev/bench-results.js';
import { type LatencyProxy, RoundCounter, startLatencyProxy } from '../../dev/net/latency-proxy.js';
import { namedTraffic, type Traffic } from '../../dev/net/rpc-traffic.js';
import { storageNames } from '../../dev/net/storage-names.js';
import { type ChainEndpoints, readSnapshot } from '../../lambdas/snapshot/chain-reader.js';
import { ActiveEraExposures } from '../../lambdas/snapshot/read/active-era-exposures.js';
import { MemoryEraArchive } from '../../lambdas/snapshot/read/era-archive.js';
import { SettledClaims } from '../../lambdas/snapshot/read/settled-claims.js';
import { knownMetadata } from '../../lambdas/snapshot/rpc/connect.js';
import { type Child, runChild } from './bench-child.js';

/** The path of the first place two JSON values differ, or null when they are equal. */
function firstDifference(a: unknown, b: unknown, path = 'snapshot'): string | null {
  if (a === b) return null;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null)
    return `${path} (${JSON.stringify(a)?.slice(0, 80)} vs ${JSON.stringify(b)?.slice(0, 80)})`;
  const keys = new Set([...Object.keys(a), ...Object.keys(b)]);
  for (const k of keys) {
    const d = firstDifference(
      (a as Record<string, unknown>)[k],
      (b as Record<string, unknown>)[k],
      `${path}.${k}`,
    );
    if (d) return d;
  }
  return null;
}

const bigintJson = (value: unknown) =>
  JSON.stringify(value, (_k, v) => (typeof v === 'bigint' ? `${v}n` : v));

const BENCH = new URL('./snapshot.bench.ts', import.meta.url).pathname;
const CHAINS = ['assetHub', 'relay', 'coretime'] as const;
type ChainName = (typeof CHAINS)[number];

export interface ReadTraffic {
  ms: number;
  rounds: number;
  requests: number;
  bytesReceived: number;
  bytesSent: number;
  /** Per chain, per storage item (or RPC method). */
  byChain: Record<ChainName, Traffic>;
}

const mb = (b: number) => (b / 1e6).toFixed(2);

export function trafficTable(t: ReadTraffic, top = 40): string {
  const rows = CHAINS.flatMap((chain) =>
    Object.entries(t.byChain[chain]).map(([label, r]) => ({ chain, label, ...r })),
  ).sort((a, b) => b.bytesReceived - a.bytesReceived);
  const lines = [
    `${'chain'.padEnd(9)} ${'storage item or method'.padEnd(40)} ${'requests'.padStart(8)} ${'MB recv'.padStart(8)} ${'MB sent'.padStart(8)}`,
    ...rows
      .slice(0, top)
      .map(
        (r) =>
          `${r.chain.padEnd(9)} ${r.label.padEnd(40)} ${String(r.requests).padStart(8)} ${mb(r.bytesReceived).padStart(8)} ${mb(r.bytesSent).padStart(8)}`,
      ),
  ];
  if (rows.length > top) {
    const rest = rows.slice(top);
    const sum = (f: (r: (typeof rows)[number]) => number) => rest.reduce((n, r) => n + f(r), 0);
    lines.push(
      `${''.padEnd(9)} ${`(${rest.length} more)`.padEnd(40)} ${String(sum((r) => r.requests)).padStart(8)} ${mb(sum((r) => r.bytesReceived)).padStart(8)} ${mb(sum((r) => r.bytesSent)).padStart(8)}`,
    );
  }
  lines.push(
    `total: ${t.requests} requests in ${t.rounds} rounds, ${mb(t.bytesReceived)} MB received, ${mb(t.bytesSent)} MB sent, ${(t.ms / 1000).toFixed(1)} s`,
  );
  return lines.join('\n');
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      latency: { type: 'string', default: '50' },
      'bandwidth-mbit': { type: 'string', default: '50' },
      seed: { type: 'string', default: '42' },
      typical: { type: 'boolean', default: false },
      'era-change': { type: 'boolean', default: false },
    },
  });
  const rttMs = Number(values.latency);
  const mbit = Number(values['bandwidth-mbit']);
  const log = (line: string) => console.error(line);
  const children: Child[] = [];
  const proxies: Partial<Record<ChainName, LatencyProxy>> = {};
  try {
    log('starting the kusama dev chain (scenario generation takes a minute)...');
    const chain = runChild(['dev/devchain-cli.ts', '--scenario', 'kusama', '--seed', values.seed], true);
    children.push(chain);
    const ready = await chain.nextJson<{ endpoint: string }>();
    const sides = runChild(
      [BENCH, '--phase', 'sidechains', '--endpoint', ready.endpoint, '--seed', values.seed],
      true,
    );
    children.push(sides);
    const side = await sides.nextJson<{ relay: string; coretime: string }>();
    const direct: Record<ChainName, string> = { assetHub: ready.endpoint, ...side };
    const rounds = new RoundCounter();
    const bits = mbit > 0 ? mbit * 1e6 : Number.POSITIVE_INFINITY;
    for (const c of CHAINS)
      proxies[c] = await startLatencyProxy({
        target: direct[c],
        rttMs,
        downBitsPerSecond: bits,
        upBitsPerSecond: bits,
        rounds,
        breakdown: true,
      });
    const names = new Map<string, string>();
    for (const c of CHAINS) for (const [k, v] of await storageNames(direct[c])) names.set(k, v);
    const archive = new MemoryEraArchive();
    const endpointsOf = (e: Record<ChainName, string>): ChainEndpoints => ({
      assetHub: [e.assetHub],
      relay: [e.relay],
      coretime: [e.coretime],
    });
    // The cold read through open proxies (no delay, no limit): its largest answers, what a request
    // timeout must allow for.
    const open: Partial<Record<ChainName, LatencyProxy>> = {};
    for (const c of CHAINS) open[c] = await startLatencyProxy({ target: direct[c], rttMs: 0 });
    log('cold read, without delay (fills the era archive)...');
    const openEndpoints = Object.fromEntries(CHAINS.map((c) => [c, open[c]!.endpoint])) as Record<
      ChainName,
      string
    >;
    await readSnapshot(endpointsOf(openEndpoints), { archive, log, readTimeoutMs: 900_000 });
    const coldLargest = Object.fromEntries(CHAINS.map((c) => [c, open[c]!.take().largestResponse]));
    for (const c of CHAINS) await open[c]!.close();
    console.log(`cold read's largest response per chain: ${JSON.stringify(coldLargest)}`);
    const through = Object.fromEntries(CHAINS.map((c) => [c, proxies[c]!.endpoint])) as Record<
      ChainName,
      string
    >;
    let lastSnapshot = '';
    const measure = async (baseline: boolean): Promise<ReadTraffic> => {
      if (baseline) knownMetadata.clear();
      const cold = baseline
        ? { settledClaims: new SettledClaims(), activeEraExposures: new ActiveEraExposures() }
        : {};
      for (const c of CHAINS) proxies[c]!.take();
      rounds.take();
      const started = performance.now();
      const read = await readSnapshot(endpointsOf(through), {
        archive,
        log,
        readTimeoutMs: 900_000,
        ...cold,
      });
      const ms = Math.round(performance.now() - started);
      // Equal, and in the same order: what is built from it must not change either.
      const text = bigintJson(read.snapshot);
      if (!baseline && text !== lastSnapshot) {
        const at = firstDifference(JSON.parse(lastSnapshot), JSON.parse(text)) ?? 'the order of its keys';
        throw new Error(`the warm read differs from the baseline read at ${at}`);
      }
      lastSnapshot = text;
      const taken = Object.fromEntries(CHAINS.map((c) => [c, proxies[c]!.take()]));
      const all = Object.values(taken);
      return {
        ms,
        rounds: rounds.take(),
        requests: all.reduce((n, s) => n + s.requests, 0),
        bytesReceived: all.reduce((n, s) => n + s.down.bytes, 0),
        bytesSent: all.reduce((n, s) => n + s.up.bytes, 0),
        byChain: Object.fromEntries(CHAINS.map((c) => [c, namedTraffic(taken[c]!.traffic, names)])) as Record<
          ChainName,
          Traffic
        >,
      };
    };
    const reads: Record<string, { baseline: ReadTraffic; warm: ReadTraffic }> = {};
    const report = async (name: string) => {
      const baseline = await measure(true);
      const warm = await measure(false);
      reads[name] = { baseline, warm };
      for (const [variant, t] of Object.entries({ baseline, warm }))
        console.log(
          `\n${name} read (${variant}) through ${rttMs} ms, ${mbit || 'unlimited'} Mbit/s:\n${trafficTable(t)}`,
        );
      console.log(
        `\n${name}: ${mb(baseline.bytesReceived)} -> ${mb(warm.bytesReceived)} MB received, ${mb(baseline.bytesSent)} -> ${mb(warm.bytesSent)} MB sent, ${baseline.rounds} -> ${warm.rounds} rounds, ${baseline.requests} -> ${warm.requests} requests (snapshots equal)`,
      );
    };
    log('steady read (unchanged) through the proxies...');
    await report('steady');
    if (values.typical) {
      chain.send('typical');
      const ok = await chain.nextJson<{ ok: boolean; error?: string }>();
      if (!ok.ok) throw new Error(`typical failed: ${ok.error}`);
      sides.send('typical');
      await sides.nextLine();
      await report('typical');
    }
    if (values['era-change']) {
      chain.send('next-era');
      const ok = await chain.nextJson<{ ok: boolean; error?: string }>();
      if (!ok.ok) throw new Error(`next-era failed: ${ok.error}`);
      sides.send('follow');
      await sides.nextLine();
      await report('eraChange');
    }
    const file = saveBenchResult('snapshot-latency-breakdown', {
      settings: { rttMs, bandwidthMbit: mbit },
      reads,
    });
    console.log(`\nfigures saved to ${file}`);
  } finally {
    for (const c of children.reverse()) await c.stop();
    for (const p of Object.values(proxies)) await p.close();
  }
}

main().then(
  () => process.exit(0),
  (error) => {
    console.error(error);
    process.exit(1);
  },
);
