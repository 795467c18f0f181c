/**
 * The dev relay chain and the dev Coretime chain, started and seeded with the small scenario, serve
 * exactly the scenario's storage over WebSocket (the relay chain at the scenario's relay block), an
 * API built from what they serve decodes it, and a mutation's writes applied to them are what they
 * serve next (the relay chain keeps its seeded storage across the blocks that move its time).
 */
import { ApiPromise, WsProvider } from '@polkadot/api';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startCoretimeChain } from '../../../dev/chain/coretime-chain.js';
import type { DevChain } from '../../../dev/chain/devchain.js';
import { startRelayChain } from '../../../dev/chain/relay-chain.js';
import {
  advanceRelayTime,
  generateScenario,
  renewCore,
  type Scenario,
  type StoragePair,
  seedStorage,
} from '../../../dev/scenario/index.js';

/** What the chain serves at its head for each of the pairs' keys (a missing key comes back null). */
async function served(
  api: ApiPromise,
  pairs: readonly StoragePair[],
): Promise<Array<[string, string | null]>> {
  return Promise.all(
    pairs.map(async ([key]): Promise<[string, string | null]> => {
      const value = (await api.rpc.state.getStorage(key)) as unknown as {
        isSome: boolean;
        unwrap(): { toHex(): string };
      };
      return [key, value.isSome ? value.unwrap().toHex() : null];
    }),
  );
}

describe('the dev relay and Coretime chains seeded with the small scenario', () => {
  let scenario: Scenario;
  let relay: DevChain;
  let coretime: DevChain;
  let relayApi: ApiPromise;
  let coretimeApi: ApiPromise;

  beforeAll(async () => {
    scenario = generateScenario({ size: 'small', seed: 5, onProgress: () => {} });
    [relay, coretime] = await Promise.all([
      startRelayChain(scenario.relay, scenario.expected.anchor.relayBlock, { identity: 'small/5' }),
      startCoretimeChain(scenario.coretime, { identity: 'small/5' }),
    ]);
    [relayApi, coretimeApi] = await Promise.all([
      ApiPromise.create({ provider: new WsProvider(relay.endpoint), noInitWarn: true }),
      ApiPromise.create({ provider: new WsProvider(coretime.endpoint), noInitWarn: true }),
    ]);
  }, 240_000);

  afterAll(async () => {
    await relayApi?.disconnect();
    await coretimeApi?.disconnect();
    await relay?.close();
    await coretime?.close();
  });

  it('serves every seeded pair, the relay chain at the scenario relay block', async () => {
    expect(await served(relayApi, scenario.relay.storage)).toEqual(scenario.relay.storage);
    expect(await served(coretimeApi, scenario.coretime.storage)).toEqual(scenario.coretime.storage);
    const header = await relayApi.rpc.chain.getHeader();
    expect(header.number.toNumber()).toBe(scenario.expected.anchor.relayBlock);
    expect(coretimeApi.runtimeVersion.specVersion.toNumber()).toBe(1_006_001);
  });

  it('decodes through the metadata the chains serve', async () => {
    const p = scenario.expected.parachains;
    const listed = (await relayApi.query.paras!.parachains!()) as unknown as Array<{ toNumber(): number }>;
    expect(listed.map((x) => x.toNumber())).toEqual(p.relay!.paras.filter((x) => x.listed).map((x) => x.id));
    const sale = (await coretimeApi.query.broker!.saleInfo!()) as unknown as {
      unwrap(): { regionBegin: { toNumber(): number }; endPrice: { toBigInt(): bigint } };
    };
    expect(sale.unwrap().regionBegin.toNumber()).toBe(p.coretime!.sale!.regionBegin);
    expect(sale.unwrap().endPrice.toBigInt()).toBe(p.coretime!.sale!.endPrice);
    const renewals = await coretimeApi.query.broker!.potentialRenewals!.entries();
    expect(renewals.length).toBe(p.coretime!.renewals.length);
  });

  it('serves a mutation once its writes are applied, and keeps the seeded storage as relay time moves', async () => {
    const c = scenario.fixtures.parachainCases;
    const renewed = renewCore(scenario, c.due.core);
    const later = advanceRelayTime(renewed.scenario, 600, { stalled: [c.stalled.para] });
    await seedStorage(coretime.endpoint, [...renewed.coretimeChanges!, ...later.coretimeChanges!]);
    await relay.newBlockAt(later.scenario.expected.anchor.relayBlock);
    await seedStorage(relay.endpoint, later.relayChanges!);
    expect(await served(coretimeApi, later.scenario.coretime.storage)).toEqual(
      later.scenario.coretime.storage,
    );
    expect(await served(relayApi, later.scenario.relay.storage)).toEqual(later.scenario.relay.storage);
    expect((await relayApi.rpc.chain.getHeader()).number.toNumber()).toBe(
      later.scenario.expected.anchor.relayBlock,
    );
  });
});
