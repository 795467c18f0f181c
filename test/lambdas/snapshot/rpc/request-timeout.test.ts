import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type DevChain, startDevChain } from '../../../../dev/chain/devchain.js';
import { type LatencyProxy, startLatencyProxy } from '../../../../dev/net/latency-proxy.js';
import { seedStorage } from '../../../../dev/scenario/seed.js';
import { readSnapshot } from '../../../../lambdas/snapshot/chain-reader.js';
import { ChainUnavailableError } from '../../../../lambdas/snapshot/errors.js';
import { MemoryEraArchive } from '../../../../lambdas/snapshot/read/era-archive.js';
import {
  CountingWsProvider,
  connectFirst,
  DEFAULT_REQUEST_TIMEOUT_MS,
  rpcTimeouts,
} from '../../../../lambdas/snapshot/rpc/connect.js';
import { storagePrefix } from '../../../../lambdas/snapshot/rpc/keys.js';
import { RequestTimeoutError, requestLabel } from '../../../../lambdas/snapshot/rpc/request-timeout.js';

/**
 * Every answer through the proxy takes at least its round trip (1.5 s): a request timeout of 15 s
 * lets it through with ten times that to spare, one of 0.3 s cannot, however fast this machine is.
 */
const RTT_MS = 1_500;

describe('request timeout', () => {
  let chain: DevChain;
  let proxy: LatencyProxy;
  const prefix = storagePrefix('Herald', 'Entries');
  const keys = [1, 2].map((n) => `${prefix}${String(n).padStart(8, '0')}`);
  const providers: CountingWsProvider[] = [];

  beforeAll(async () => {
    chain = await startDevChain();
    await seedStorage(
      chain.endpoint,
      keys.map((k) => [k, `0x${'cd'.repeat(100_000)}`]),
    );
    proxy = await startLatencyProxy({ target: chain.endpoint, rttMs: RTT_MS, handshakeRoundTrips: 1 });
  }, 60_000);
  afterAll(async () => {
    for (const p of providers) await p.disconnect().catch(() => undefined);
    await proxy?.close();
    await chain?.close();
  });

  async function connected(requestTimeoutMs: number) {
    const provider = CountingWsProvider.withRequestTimeout(proxy.endpoint, requestTimeoutMs);
    providers.push(provider);
    await provider.connect();
    await provider.isReady;
    return provider;
  }

  it('lets a slow answer within it through', async () => {
    const provider = await connected(15_000);
    const sets = (await provider.send('state_queryStorageAt', [keys, null])) as Array<{
      changes: Array<[string, string]>;
    }>;
    expect(sets[0]!.changes.map(([k, v]) => [k, v.length])).toEqual(keys.map((k) => [k, 200_002]));
  }, 60_000);

  it('fails a request past it with an error naming the request, the endpoint and the timeout', async () => {
    const provider = await connected(300);
    const asked = provider.send('state_queryStorageAt', [keys, null]);
    await expect(asked).rejects.toThrow(RequestTimeoutError);
    await expect(asked).rejects.toThrow(
      `state_queryStorageAt of 2 keys (under ${prefix}) to ${proxy.endpoint} got no answer within 300 ms (the request timeout)`,
    );
    // A single key is shown by its item's prefix.
    await expect(provider.send('state_getStorage', [keys[0]])).rejects.toThrow(
      `state_getStorage(${prefix}…) to ${proxy.endpoint} got no answer within 300 ms`,
    );
  }, 60_000);

  it('is apart from the connect timeout: a connection gives its requests their own timeout', async () => {
    // A connect timeout alone keeps the default request timeout, not the connect timeout.
    expect(rpcTimeouts(10_000)).toEqual({ connectMs: 10_000, requestMs: DEFAULT_REQUEST_TIMEOUT_MS });
    const conn = await connectFirst(
      [proxy.endpoint],
      { connectMs: 60_000, requestMs: 15_000 },
      () => undefined,
    );
    try {
      expect(conn.provider.requestTimeoutMs).toBe(15_000);
      const value = (await conn.provider.send('state_getStorage', [keys[1]])) as string;
      expect(value.length).toBe(200_002);
    } finally {
      await conn.close();
    }
  }, 120_000);

  it('fails a snapshot read whose requests all run past it, saying which request on which endpoint', async () => {
    const read = readSnapshot(
      { assetHub: [proxy.endpoint] },
      { archive: new MemoryEraArchive(), connectTimeoutMs: 60_000, requestTimeoutMs: 300 },
    );
    await expect(read).rejects.toBeInstanceOf(ChainUnavailableError);
    await expect(read).rejects.toThrow(
      new RegExp(`to ${proxy.endpoint} got no answer within 300 ms \\(the request timeout\\)`),
    );
  }, 120_000);

  it('names what a request asked for', () => {
    const many = Array.from({ length: 5 }, (_, i) => `0x${String(i).repeat(64)}ffff`);
    expect(requestLabel('state_queryStorageAt', [many, '0x00'])).toBe(
      `state_queryStorageAt of 5 keys (under ${many
        .slice(0, 3)
        .map((k) => k.slice(0, 66))
        .join(', ')}, 2 more)`,
    );
    expect(requestLabel('chain_getHeader', ['0xabc'])).toBe('chain_getHeader(0xabc)');
    expect(requestLabel('chain_getFinalizedHead', [])).toBe('chain_getFinalizedHead');
    expect(requestLabel('state_call', ['Metadata_metadata_at_version', '0x0f000000'])).toBe(
      'state_call(Metadata_metadata_at_version)',
    );
  });
});
