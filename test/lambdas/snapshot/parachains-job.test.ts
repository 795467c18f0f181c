import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SnapshotStore } from '../../../core/ports/snapshot-store.js';
import {
  type CrowdloanAccount,
  type CrowdloanIndex,
  ENTITY,
  INDEX_ID,
  PARACHAINS_ID,
  type ParachainsEntity,
  type StatusEntity,
} from '../../../core/snapshot/entities.js';
import { type DevChain, startDevChain } from '../../../dev/chain/devchain.js';
import { CORETIME_RUNTIME, RELAY_RUNTIME } from '../../../dev/chain/runtimes.js';
import { seedStorage } from '../../../dev/scenario/index.js';
import type { ChainEndpoints } from '../../../lambdas/snapshot/chain-reader.js';
import { runSnapshotJob } from '../../../lambdas/snapshot/job.js';
import { MemoryEraArchive } from '../../../lambdas/snapshot/read/era-archive.js';
import { createDynamoStore } from '../../../lambdas/store/snapshot/index.js';
import { startTestDynamo, type TestDynamo } from '../../helpers/dynamo.js';
import { type SeededChain, seededChain } from './chain-fixture.js';
import {
  ahOpsFixture,
  CONTRIBUTOR_1,
  CONTRIBUTOR_2,
  coretimeFixture,
  DEPOSITOR,
  relayFixture,
} from './read/parachains-fixture.js';

describe('snapshot job: parachains, the coretime sale and crowdloan refunds as entities', () => {
  let seeded: SeededChain;
  let relay: DevChain;
  let coretime: DevChain;
  let dynamo: TestDynamo;
  let store: SnapshotStore;
  let relayParent: number;
  const archive = new MemoryEraArchive();
  const relayState = relayFixture();
  const coretimeState = coretimeFixture();
  const crowdloan = ahOpsFixture();
  const endpoints = (): ChainEndpoints => ({
    assetHub: [seeded.chain.endpoint],
    relay: [relay.endpoint],
    coretime: [coretime.endpoint],
  });
  const run = (e = endpoints()) => runSnapshotJob({ store, endpoints: e, archive });

  beforeAll(async () => {
    [seeded, relay, coretime, dynamo] = await Promise.all([
      seededChain(13, 2_003_000),
      startDevChain({ runtime: RELAY_RUNTIME }),
      startDevChain({ runtime: CORETIME_RUNTIME }),
      startTestDynamo(),
    ]);
    await seeded.apply(crowdloan.storage);
    relayParent = seeded.scenario.expected.anchor.relayBlock;
    // The relay chain holds the paras from before the pinned block on, which it has finalized.
    await relay.newBlockAt(relayParent - 5);
    await seedStorage(relay.endpoint, relayState.storage);
    await relay.newBlockAt(relayParent);
    await relay.newBlock(2);
    await seedStorage(coretime.endpoint, coretimeState.storage);
    await coretime.newBlock();
    store = createDynamoStore({ client: dynamo.client, tableName: await dynamo.newTable('parachains-job') });
  }, 180_000);
  afterAll(async () => {
    // One at a time: the dev chains share one wasm worker, which the last one closes.
    await seeded?.close();
    await relay?.close();
    await coretime?.close();
    await dynamo?.close();
  });

  it('writes parachains/current, one crowdloan entity per account and the crowdloan list; the status counts the paras', async () => {
    const summary = await run();
    expect(summary.warnings).toEqual([]);
    const entity = await store.getEntity<ParachainsEntity>(ENTITY.parachains, PARACHAINS_ID);
    expect(entity?.relay).toEqual({ ...relayState.expected, block: relayParent });
    const { block, ...sale } = entity!.coretime!;
    expect(sale).toEqual(coretimeState.expected);
    expect(block.specVersion).toBe(1_006_001);
    const one = await store.getEntity<CrowdloanAccount>(ENTITY.crowdloan, CONTRIBUTOR_1);
    expect(one).toEqual({
      address: CONTRIBUTOR_1,
      contributions: crowdloan.expected.contributions.filter((c) => c.contributor === CONTRIBUTOR_1),
      deposits: [],
    });
    expect(await store.getEntity<CrowdloanAccount>(ENTITY.crowdloan, DEPOSITOR)).toEqual({
      address: DEPOSITOR,
      contributions: [],
      deposits: crowdloan.expected.deposits,
    });
    const index = await store.getEntity<CrowdloanIndex>(ENTITY.index, INDEX_ID.crowdloans);
    // The scenario's own refunds stay beside the ones seeded here.
    const ours = new Set([CONTRIBUTOR_1, CONTRIBUTOR_2, DEPOSITOR]);
    const rows = index?.entries.filter((e) => ours.has(e.address));
    expect(index?.entries.length).toBe(
      seeded.scenario.expected.parachains.crowdloan!.contributions.length +
        seeded.scenario.expected.parachains.crowdloan!.deposits.length +
        5,
    );
    expect(rows?.map((e) => [e.kind, e.para, e.address, e.amount])).toEqual([
      ...[CONTRIBUTOR_1, CONTRIBUTOR_2]
        .sort()
        .map((a) => [
          'contribution',
          2000,
          a,
          a === CONTRIBUTOR_1 ? 10_000_000_000_000n : 2_500_000_000_000n,
        ]),
      ['crowdloan', 2000, DEPOSITOR, 500_000_000_000n],
      ['contribution', 2004, CONTRIBUTOR_1, 1_000_000_000_000n],
      ['lease', 2004, DEPOSITOR, 3_000_000_000_000n],
    ]);
    const status = await store.getEntity<StatusEntity>(ENTITY.status, 'current');
    expect(status?.counts.paras).toBe(6);
  });

  it('writes nothing on an unchanged second run', async () => {
    const summary = await run();
    expect(summary.entitiesChanged).toBe(0);
    expect(summary.entitiesRemoved).toBe(0);
  });

  it("deletes an account's crowdloan entity once its last contribution is withdrawn", async () => {
    // CONTRIBUTOR_2's only contribution.
    const withdrawn = crowdloan.storage[1];
    await seeded.apply([[withdrawn![0], null]]);
    await seeded.chain.newBlock();
    const summary = await run();
    expect(summary.entitiesRemoved).toBeGreaterThanOrEqual(1);
    expect(await store.getEntity(ENTITY.crowdloan, CONTRIBUTOR_2)).toBeUndefined();
    await seeded.apply([withdrawn!]);
  });

  it('without a Coretime endpoint: coretime is null, with a warning, and the relay part is still read', async () => {
    const { coretime: _c, ...rest } = endpoints();
    const summary = await run(rest);
    expect(summary.warnings).toEqual(['no Coretime chain endpoint is set; coretime not read']);
    const entity = await store.getEntity<ParachainsEntity>(ENTITY.parachains, PARACHAINS_ID);
    expect(entity?.coretime).toBeNull();
    expect(entity?.relay?.paras).toHaveLength(6);
  });
});
