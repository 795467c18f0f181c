import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type DevChain, startDevChain } from '../../../../dev/chain/devchain.js';
import { type LatencyProxy, startLatencyProxy } from '../../../../dev/net/latency-proxy.js';
import { connectFirst, knownMetadata } from '../../../../lambdas/snapshot/rpc/connect.js';

describe('metadata kept between connections', () => {
  let chain: DevChain;
  let proxy: LatencyProxy;

  beforeAll(async () => {
    chain = await startDevChain();
    proxy = await startLatencyProxy({ target: chain.endpoint, rttMs: 0 });
  }, 60_000);
  afterAll(async () => {
    await proxy?.close();
    await chain?.close();
  });

  it('fetches a runtime metadata once per process: a later connection to the same runtime decodes alike without it', async () => {
    knownMetadata.clear();
    const connect = () => connectFirst([proxy.endpoint], 30_000, () => undefined);
    proxy.take();
    const first = await connect();
    const cold = proxy.take();
    const second = await connect();
    const warm = proxy.take();
    try {
      expect(cold.methods.state_call).toBe(2);
      expect(warm.methods.state_call).toBeUndefined();
      // The metadata alone: most of what connecting receives.
      expect(cold.down.bytes - warm.down.bytes).toBeGreaterThan(500_000);
      expect(second.api.runtimeMetadata.toHex()).toBe(first.api.runtimeMetadata.toHex());
      expect(second.api.runtimeVersion.specVersion.toNumber()).toBe(
        first.api.runtimeVersion.specVersion.toNumber(),
      );
      // What it decodes is the same: a storage value read through each connection.
      const [a, b] = await Promise.all([first.api.query.system.number(), second.api.query.system.number()]);
      expect(b.toJSON()).toEqual(a.toJSON());
    } finally {
      await first.close();
      await second.close();
    }
    // Forgotten: the next connection fetches it again.
    knownMetadata.clear();
    const third = await connect();
    await third.close();
    expect(proxy.take().methods.state_call).toBe(2);
  }, 120_000);
});
