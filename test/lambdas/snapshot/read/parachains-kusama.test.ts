import { WsProvider } from '@polkadot/api';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CrowdloanState } from '../../../../core/types/parachains.js';
import { type DevChain, startDevChain } from '../../../../dev/chain/devchain.js';
import { CORETIME_RUNTIME, RELAY_RUNTIME } from '../../../../dev/chain/runtimes.js';
import { buildParachains, type ParachainsScenario } from '../../../../dev/scenario/parachains-model.js';
import { seedStorage } from '../../../../dev/scenario/seed.js';
import { storageContext } from '../../../../dev/scenario/storage-context.js';
import { readCrowdloans } from '../../../../lambdas/snapshot/read/ah-ops.js';
import { readCoretime } from '../../../../lambdas/snapshot/read/coretime.js';
import { readRelayParas } from '../../../../lambdas/snapshot/read/relay-paras.js';
import { type VotingChain, votingChain } from './voting-chain.js';

const SEED = 42;
const RELAY_PARENT = 31_500_000;

// The kusama-size parachain picture on today's runtimes: every figure as seeded, in a few requests.
describe('parachains of the kusama scenario (statemine 2,003,000, kusama 2,003,000, coretime-kusama 1,006,001)', () => {
  let parachains: ParachainsScenario;
  let relay: DevChain;
  let coretime: DevChain;
  let assetHub: VotingChain;
  let crowdloan: CrowdloanState | null;

  beforeAll(async () => {
    parachains = buildParachains(SEED, 'kusama', RELAY_PARENT, storageContext(2_003_000));
    [relay, coretime, assetHub] = await Promise.all([
      startDevChain({ runtime: RELAY_RUNTIME }),
      startDevChain({ runtime: CORETIME_RUNTIME }),
      votingChain(parachains.assetHubPairs, 2_003_000, 'parachains-kusama'),
    ]);
    await relay.newBlockAt(RELAY_PARENT - 1);
    await seedStorage(relay.endpoint, parachains.relayStorage);
    await relay.newBlockAt(RELAY_PARENT);
    await seedStorage(coretime.endpoint, parachains.coretimeStorage);
    await coretime.newBlock();
    crowdloan = await readCrowdloans(assetHub.ctx, assetHub.codec);
  }, 300_000);
  afterAll(async () => {
    await assetHub?.close();
    await relay?.close();
    await coretime?.close();
  });

  it('reads back the relay chain exactly, in one round of keys and one of values', async () => {
    const provider = new WsProvider(relay.endpoint, false);
    await provider.connect();
    await provider.isReady;
    try {
      const hash = (await provider.send('chain_getBlockHash', [RELAY_PARENT])) as string;
      const read = await readRelayParas(
        (m, p) => provider.send(m, p),
        { number: RELAY_PARENT, hash },
        () => undefined,
      );
      expect(read.state).toEqual(parachains.expected.relay);
      expect(read.requests).toBeLessThanOrEqual(6);
    } finally {
      await provider.disconnect();
    }
  });

  it('reads back the Coretime chain exactly', async () => {
    const warnings: string[] = [];
    const read = await readCoretime(
      [coretime.endpoint],
      30_000,
      (w) => warnings.push(w),
      () => undefined,
    );
    const { hash: _h, number: _n, ...block } = read.state!.block;
    const { hash: _eh, number: _en, ...expectedBlock } = parachains.expected.coretime!.block;
    expect({ ...read.state, block }).toEqual({ ...parachains.expected.coretime, block: expectedBlock });
    expect(warnings).toEqual([]);
  });

  it('reads back every crowdloan refund on Asset Hub exactly, in two requests', () => {
    expect(crowdloan).toEqual(parachains.expected.crowdloan);
    expect(assetHub.storage.requests).toBe(2);
    expect(assetHub.warnings).toEqual([]);
  });
});
