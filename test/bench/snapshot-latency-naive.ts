/** The naive read of the snapshot latency benchmark, through the Asset Hub proxy. */

import type { RoundCounter } from '../../dev/net/latency-proxy.js';
import { runChild } from './bench-child.js';
import { type Network, type Proxies, takeAll } from './snapshot-latency-network.js';
import type { NaiveRead } from './snapshot-naive.js';

export const HISTORY_ERAS = 84;

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
export async function naiveThrough(
  phases: string,
  p: Proxies,
  rounds: RoundCounter,
  eras: number,
  log: (line: string) => void,
): Promise<NaiveFigures> {
  log(`naive way (one polkadot-js query per item) through the proxy, ${eras} of ${HISTORY_ERAS} eras...`);
  takeAll(p, rounds);
  const child = runChild([
    phases,
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
