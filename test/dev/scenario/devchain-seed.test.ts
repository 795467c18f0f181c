import { ApiPromise, WsProvider } from '@polkadot/api';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type DevChain, startDevChain } from '../../../dev/chain/devchain.js';
import { generateScenario, nextEra, type Scenario, seedStorage } from '../../../dev/scenario/index.js';

describe('seeding the embedded dev chain with the small scenario', () => {
  let chain: DevChain;
  let api: ApiPromise;
  let scenario: Scenario;

  beforeAll(async () => {
    chain = await startDevChain();
    scenario = generateScenario({ size: 'small', seed: 8 });
    const result = await seedStorage(chain.endpoint, scenario.storage, { batchChars: 1_000_000 });
    expect(result.pairs).toBe(scenario.storage.length);
    expect(result.batches).toBeGreaterThan(1);
    api = await ApiPromise.create({ provider: new WsProvider(chain.endpoint), noInitWarn: true });
  });

  afterAll(async () => {
    await api?.disconnect();
    await chain?.close();
  });

  it('serves the active era, timestamp and relay block', async () => {
    const e = scenario.expected;
    const active = (await api.query.staking.activeEra()).unwrap();
    expect(active.index.toNumber()).toBe(e.staking.activeEra.index);
    expect(active.start.unwrap().toNumber()).toBe(e.staking.activeEra.startMs);
    expect((await api.query.timestamp.now()).toNumber()).toBe(e.anchor.timestampMs);
    const relay = await api.query.parachainSystem!.lastRelayChainBlockNumber!();
    expect(Number(relay.toString())).toBe(e.anchor.relayBlock);
  });

  it('serves exposures and claimed pages of the partly claimed validator', async () => {
    const pc = scenario.fixtures.validators.partlyClaimed;
    const overview = (await api.query.staking.erasStakersOverview(pc.era, pc.validator)).unwrap();
    const want = scenario.expected.staking.history.find((h) => h.era === pc.era)!.overviews[pc.validator]!;
    expect(overview.total.toBigInt()).toBe(want.total);
    expect(overview.pageCount.toNumber()).toBe(pc.pageCount);
    const claimed = await api.query.staking.claimedRewards(pc.era, pc.validator);
    expect(claimed.map((p) => p.toNumber())).toEqual(pc.claimed);
    const page = (await api.query.staking.erasStakersPaged(pc.era, pc.validator, 1)).unwrap();
    expect(page.others.length).toBe(want.nominatorCount - 512);
  });

  it('serves a referendum in each ongoing phase', async () => {
    for (const phase of ['preparing', 'queued', 'deciding', 'confirming'] as const) {
      const id = scenario.fixtures.referenda[phase][0]!;
      const info = (await api.query.referenda.referendumInfoFor(id)).unwrap();
      expect(info.isOngoing, phase).toBe(true);
      const want = scenario.expected.governance.referenda[id]!;
      if (want.status !== 'ongoing') throw new Error('fixture is not ongoing');
      expect(info.asOngoing.tally.ayes.toBigInt()).toBe(want.tally.ayes);
      expect(info.asOngoing.inQueue.isTrue).toBe(want.inQueue);
    }
    expect((await api.query.referenda.referendumCount()).toNumber()).toBe(
      scenario.expected.governance.referendumCount,
    );
  });

  it('applies the next-era change set, including removals', async () => {
    const change = nextEra(scenario);
    await seedStorage(chain.endpoint, change.changes);
    const active = (await api.query.staking.activeEra()).unwrap();
    expect(active.index.toNumber()).toBe(scenario.expected.staking.activeEra.index + 1);
    const pruned = scenario.fixtures.eras.oldest;
    const v = scenario.fixtures.validators.elected[1]!;
    expect((await api.query.staking.erasStakersOverview(pruned, v)).isNone).toBe(true);
    expect((await api.query.staking.erasStakersOverview(pruned + 1, v)).isSome).toBe(true);
    expect((await api.query.staking.erasStakersOverview(active.index, v)).isSome).toBe(true);
  });
});
