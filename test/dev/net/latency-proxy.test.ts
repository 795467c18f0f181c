import { once } from 'node:events';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { WebSocket, WebSocketServer } from 'ws';
import { startDevChain } from '../../../dev/chain/devchain.js';
import { type LatencyProxy, RoundCounter, startLatencyProxy } from '../../../dev/net/latency-proxy.js';
import { seedStorage } from '../../../dev/scenario/seed.js';
import { CountingWsProvider } from '../../../lambdas/snapshot/rpc/connect.js';
import { storagePrefix } from '../../../lambdas/snapshot/rpc/keys.js';

/** A JSON-RPC server that answers every call with its params, as the chain answers with data. */
async function echoServer(compression = true) {
  const wss = new WebSocketServer({ port: 0, host: '127.0.0.1', perMessageDeflate: compression });
  await once(wss, 'listening');
  wss.on('connection', (ws) => {
    ws.on('message', (data) => {
      const call = JSON.parse(data.toString()) as { id: number; params: unknown[] };
      ws.send(JSON.stringify({ id: call.id, jsonrpc: '2.0', result: call.params[0] }));
    });
  });
  return { endpoint: `ws://127.0.0.1:${(wss.address() as AddressInfo).port}`, close: () => wss.close() };
}

async function client(endpoint: string) {
  const ws = new WebSocket(endpoint);
  await once(ws, 'open');
  const answers: Array<{ id: number; result: string }> = [];
  const waiting = new Map<number, (r: string) => void>();
  ws.on('message', (data) => {
    const answer = JSON.parse(data.toString()) as { id: number; result: string };
    answers.push(answer);
    waiting.get(answer.id)?.(answer.result);
  });
  let id = 0;
  return {
    ws,
    answers,
    call(payload: string): Promise<string> {
      const callId = ++id;
      ws.send(JSON.stringify({ id: callId, jsonrpc: '2.0', method: 'echo', params: [payload] }));
      return new Promise((resolve) => waiting.set(callId, resolve));
    },
  };
}

/** Payloads of every length class of a frame header: 7-bit, 16-bit and 64-bit lengths. */
const payloads = Array.from({ length: 40 }, (_, i) =>
  `${i}:`.padEnd([10, 125, 126, 5_000, 65_535, 65_536, 300_000][i % 7]!, String.fromCharCode(97 + (i % 26))),
);

describe('latency proxy', () => {
  const closers: Array<() => unknown> = [];
  afterEach(async () => {
    for (const close of closers.splice(0).reverse()) await close();
  });
  async function proxied(options: Partial<Parameters<typeof startLatencyProxy>[0]> = {}, compression = true) {
    const server = await echoServer(compression);
    closers.push(server.close);
    const proxy: LatencyProxy = await startLatencyProxy({ target: server.endpoint, rttMs: 20, ...options });
    closers.push(() => proxy.close());
    return proxy;
  }

  it('delivers every frame intact and in order each way, and counts the delay it applied', async () => {
    const proxy = await proxied();
    const c = await client(proxy.endpoint);
    closers.push(() => c.ws.close());
    // Every call at once: the answers must come back in the order asked, each whole.
    const results = await Promise.all(payloads.map((p) => c.call(p)));
    expect(results).toEqual(payloads);
    expect(c.answers.map((a) => a.id)).toEqual(payloads.map((_, i) => i + 1));
    // Compression was not negotiated, so the proxy could read every frame.
    expect(c.ws.extensions).toBe('');
    const stats = proxy.take();
    expect(stats.connections).toBe(1);
    expect(stats.requests).toBe(payloads.length);
    expect(stats.methods).toEqual({ echo: payloads.length });
    // The upgrade and one frame per call each way, each held for half the round trip (no rate limit).
    expect(stats.up.units).toBe(payloads.length + 1);
    expect(stats.down.units).toBe(payloads.length + 1);
    expect(stats.up.heldMs).toBeCloseTo((payloads.length + 1) * 10, 6);
    expect(stats.down.heldMs).toBeCloseTo((payloads.length + 1) * 10, 6);
    expect(stats.down.throttledMs).toBe(0);
    const payloadBytes = payloads.reduce((n, p) => n + p.length, 0);
    expect(stats.down.bytes).toBeGreaterThan(payloadBytes);
    // Taken: the next take starts from zero.
    expect(proxy.take().requests).toBe(0);
  });

  it('counts rounds: a call that waits for the previous answer is a round more, calls in flight together are one', async () => {
    const rounds = new RoundCounter();
    const proxy = await proxied({ rounds, handshakeRoundTrips: 3 });
    const c = await client(proxy.endpoint);
    closers.push(() => c.ws.close());
    for (let i = 0; i < 5; i++) await c.call(`step ${i}`);
    // The connection's three round trips, then five calls one after the other.
    expect(rounds.take()).toBe(8);
    await Promise.all(Array.from({ length: 5 }, (_, i) => c.call(`together ${i}`)));
    expect(rounds.take()).toBe(1);
    await Promise.all([c.call('a').then(() => c.call('b')), c.call('c')]);
    expect(rounds.take()).toBe(2);
    expect(rounds.take()).toBe(0);
  });

  it('holds a large answer back by what the rate limit requires', async () => {
    const burstBytes = 65_536;
    const bytesPerSecond = 2_000_000;
    const proxy = await proxied({ downBitsPerSecond: bytesPerSecond * 8, burstBytes, rttMs: 2 });
    const c = await client(proxy.endpoint);
    closers.push(() => c.ws.close());
    proxy.take();
    const big = 'x'.repeat(1_000_000);
    expect(await c.call(big)).toBe(big);
    const { down } = proxy.take();
    expect(down.units).toBe(1);
    // Planned, from the bucket: what exceeds a full bucket waits for it to refill at the line rate.
    const lower = ((down.bytes - burstBytes) / bytesPerSecond) * 1000;
    expect(down.throttledMs).toBeGreaterThanOrEqual(lower - 1e-6);
    expect(down.throttledMs).toBeLessThanOrEqual((down.bytes / bytesPerSecond) * 1000);
    expect(down.heldMs).toBeCloseTo(down.throttledMs + 1, 6);
  });

  it('carries a real client to a dev chain: connecting, metadata and storage requests all pass and are counted', async () => {
    const chain = await startDevChain();
    closers.push(() => chain.close());
    const rounds = new RoundCounter();
    const proxy = await startLatencyProxy({ target: chain.endpoint, rttMs: 10, rounds });
    closers.push(() => proxy.close());
    const direct = new CountingWsProvider(chain.endpoint);
    const through = new CountingWsProvider(proxy.endpoint);
    closers.push(
      () => direct.disconnect(),
      () => through.disconnect(),
    );
    await Promise.all([direct.isReady, through.isReady]);
    const ask = (p: CountingWsProvider) =>
      Promise.all([
        p.send('chain_getFinalizedHead', []),
        p.send('state_getRuntimeVersion', []),
        p.send('state_getMetadata', []),
      ]);
    expect(await ask(through)).toEqual(await ask(direct));
    const stats = proxy.take();
    expect(stats.requests).toBe(through.requests);
    expect(stats.methods).toMatchObject({ chain_getFinalizedHead: 1, state_getMetadata: 1 });
    // The metadata alone is hundreds of kilobytes.
    expect(stats.down.bytes).toBeGreaterThan(100_000);
    expect(rounds.take()).toBeGreaterThanOrEqual(4);
  });

  it('with the breakdown, counts requests and bytes per storage item, a shared value batch split between its items', async () => {
    const chain = await startDevChain();
    closers.push(() => chain.close());
    const proxy = await startLatencyProxy({ target: chain.endpoint, rttMs: 2, breakdown: true });
    closers.push(() => proxy.close());
    const p = new CountingWsProvider(proxy.endpoint);
    closers.push(() => p.disconnect());
    await p.isReady;
    proxy.take();
    // Two items: three entries of one, one of the other.
    const account = storagePrefix('Herald', 'Entries');
    const number = storagePrefix('Herald', 'Single');
    const seeded = [1, 2, 3].map((n) => [`${account}${String(n).padStart(8, '0')}`, `0x${'ab'.repeat(400)}`]);
    await seedStorage(chain.endpoint, [...(seeded as Array<[string, string]>), [number, '0x0102']]);
    proxy.take();
    const keys = (await p.send('state_getKeysPaged', [account, 5, account])) as string[];
    expect(keys).toEqual(seeded.map(([k]) => k));
    await p.send('state_queryStorageAt', [[...keys, number], null]);
    const stats = proxy.take();
    expect(Object.keys(stats.traffic).sort()).toEqual([account, number].sort());
    expect(stats.traffic[account]!.requests).toBe(2);
    expect(stats.traffic[number]!.requests).toBe(1);
    // Every byte each way is some item's: the shares add up to what crossed the line.
    const sum = (f: (r: { bytesSent: number; bytesReceived: number }) => number) =>
      Object.values(stats.traffic).reduce((n, r) => n + f(r), 0);
    expect(sum((r) => r.bytesReceived)).toBe(stats.down.bytes);
    expect(sum((r) => r.bytesSent)).toBe(stats.up.bytes);
    // System.Number's one value is a small share of the batch, the block hashes' the rest.
    expect(stats.traffic[number]!.bytesReceived).toBeLessThan(200);
    expect(stats.largestResponse.method).toBe('state_queryStorageAt');
  });
});
