import { WsProvider } from '@polkadot/api';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type DevChain, startDevChain } from '../../../../dev/chain/devchain.js';
import { CORETIME_RUNTIME, RELAY_RUNTIME } from '../../../../dev/chain/runtimes.js';
import { seedStorage } from '../../../../dev/scenario/index.js';
import { readCoretime } from '../../../../lambdas/snapshot/read/coretime.js';
import { readRelayParas } from '../../../../lambdas/snapshot/read/relay-paras.js';
import { coretimeFixture, RELAY_BLOCK, relayFixture } from './parachains-fixture.js';

// The relay chain's and the Coretime chain's parachain storage, as a real runtime's metadata lays it out.
describe('reading parachains on the relay chain and the coretime sale on the Coretime chain', () => {
  let relay: DevChain;
  let coretime: DevChain;
  let relayHash: string;
  let coretimeHead: string;
  const relayStorage = relayFixture();
  const coretimeStorage = coretimeFixture();

  beforeAll(async () => {
    [relay, coretime] = await Promise.all([
      startDevChain({ runtime: RELAY_RUNTIME }),
      startDevChain({ runtime: CORETIME_RUNTIME }),
    ]);
    relayHash = await relay.newBlockAt(RELAY_BLOCK);
    await seedStorage(relay.endpoint, relayStorage.storage);
    relayHash = await relay.newBlock();
    await seedStorage(coretime.endpoint, coretimeStorage.storage);
    coretimeHead = await coretime.newBlock();
  }, 120_000);
  afterAll(async () => {
    await relay?.close();
    await coretime?.close();
  });

  it('reads every para, core and the on-demand market back as stored, in five requests once the runtime is known', async () => {
    const provider = new WsProvider(relay.endpoint, false);
    await provider.connect();
    await provider.isReady;
    const warnings: string[] = [];
    try {
      const send = (m: string, p: unknown[]) => provider.send(m, p);
      const first = await readRelayParas(send, { number: RELAY_BLOCK, hash: relayHash }, (w) =>
        warnings.push(w),
      );
      expect(first.state).toEqual({ ...relayStorage.expected, block: RELAY_BLOCK });
      const again = await readRelayParas(send, { number: RELAY_BLOCK, hash: relayHash }, (w) =>
        warnings.push(w),
      );
      expect(again.state).toEqual(first.state);
      // The runtime version, three key listings side by side, one batch of values.
      expect(again.requests).toBe(5);
    } finally {
      await provider.disconnect();
    }
    expect(warnings).toEqual([]);
  });

  it('reads the sale, leases, reservations, renewals and plans at the Coretime chain finalized head', async () => {
    const warnings: string[] = [];
    const read = await readCoretime(
      [coretime.endpoint],
      10_000,
      (w) => warnings.push(w),
      () => undefined,
    );
    const { block, ...rest } = read.state!;
    expect(rest).toEqual(coretimeStorage.expected);
    expect(block.relayBlock).toBe(RELAY_BLOCK + 3);
    expect(block.specVersion).toBe(1_006_001);
    expect(block.hash).toBe(coretimeHead);
    const provider = new WsProvider(coretime.endpoint, false);
    await provider.connect();
    await provider.isReady;
    const head = (await provider.send('chain_getHeader', [coretimeHead])) as { number: string };
    await provider.disconnect();
    expect(block.number).toBe(Number.parseInt(head.number, 16));
    expect(warnings).toEqual([]);
  });

  it('fails over to the next Coretime endpoint, and gives null with a warning when none answers', async () => {
    const warnings: string[] = [];
    const dead = 'ws://127.0.0.1:9';
    const read = await readCoretime(
      [dead, coretime.endpoint],
      5_000,
      (w) => warnings.push(w),
      () => undefined,
    );
    expect(read.state?.sale?.regionBegin).toBe(376_000);
    const none = await readCoretime(
      [dead],
      5_000,
      (w) => warnings.push(w),
      () => undefined,
    );
    expect(none.state).toBeNull();
    expect(warnings).toEqual([`no Coretime chain endpoint answered (${dead}); coretime not read`]);
  });

  it('is not read without a Coretime endpoint, and says so', async () => {
    const warnings: string[] = [];
    const read = await readCoretime(
      undefined,
      5_000,
      (w) => warnings.push(w),
      () => undefined,
    );
    expect(read).toEqual({ state: null, requests: 0 });
    expect(warnings).toEqual(['no Coretime chain endpoint is set; coretime not read']);
  });
});
