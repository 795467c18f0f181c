/** What crossed the latency proxies during a measured step of the snapshot latency benchmark. */
import type { LatencyProxy, ProxyStats, RoundCounter } from '../../dev/net/latency-proxy.js';

/** What crossed the network during one run, over all four endpoints. */
export interface Network {
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

export type Proxies = Record<'assetHub' | 'relay' | 'coretime' | 'people', LatencyProxy>;

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
export function networkFloor(n: Network, rttMs: number, bandwidthMbit: number) {
  const bytesPerMs = bandwidthMbit > 0 ? (bandwidthMbit * 1e6) / 8 / 1000 : Number.POSITIVE_INFINITY;
  return {
    roundTripMs: n.rounds * rttMs,
    transferMs: Math.round(Math.max(n.bytesReceived, n.bytesSent) / bytesPerMs),
  };
}

export function takeAll(proxies: Proxies, rounds: RoundCounter): Network {
  const taken = Object.fromEntries(Object.entries(proxies).map(([k, p]) => [k, p.take()]));
  return networkOf(taken, rounds.take());
}

/** Runs `step` (which ends when the measured work has ended) and returns what crossed the network. */
export async function measured<T>(proxies: Proxies, rounds: RoundCounter, step: () => Promise<T>) {
  takeAll(proxies, rounds);
  const value = await step();
  return { value, network: takeAll(proxies, rounds) };
}
