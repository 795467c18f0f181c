import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SnapshotStore } from '../../../core/ports/snapshot-store.js';
import { type BountyIndex, ENTITY, INDEX_ID, TREASURY_ID } from '../../../core/snapshot/entities.js';
import { SPEND_CALLS_ID, type SpendCallMemory } from '../../../core/treasury/approved-by.js';
import type { Bounty, TreasuryState } from '../../../core/types/treasury.js';
import { setReferendum } from '../../../dev/scenario/alert-mutations.js';
import { addReferendum } from '../../../dev/scenario/index.js';
import { storageContext } from '../../../dev/scenario/storage-context.js';
import { runSnapshotJob } from '../../../lambdas/snapshot/job.js';
import { MemoryEraArchive } from '../../../lambdas/snapshot/read/era-archive.js';
import { createDynamoStore } from '../../../lambdas/store/snapshot/index.js';
import { startTestDynamo, type TestDynamo } from '../../helpers/dynamo.js';
import { type SeededChain, seededChain } from './chain-fixture.js';
import { expectedBounties, expectedTreasury, PEOPLE, treasuryPairs } from './read/treasury-model.js';

const RUNTIME = 2_003_000;
const KSM = 1_000_000_000_000n;

describe('snapshot job: the treasury and bounties as entities', () => {
  let seeded: SeededChain;
  let dynamo: TestDynamo;
  let store: SnapshotStore;
  const archive = new MemoryEraArchive();
  const run = () => runSnapshotJob({ store, endpoints: { assetHub: [seeded.chain.endpoint] }, archive });
  const treasury = () => store.getEntity<TreasuryState>(ENTITY.treasury, TREASURY_ID);

  beforeAll(async () => {
    [seeded, dynamo] = await Promise.all([seededChain(13, RUNTIME), startTestDynamo()]);
    await seeded.apply(treasuryPairs(RUNTIME));
    store = createDynamoStore({ client: dynamo.client, tableName: await dynamo.newTable('treasury-job') });
  });
  afterAll(async () => {
    await seeded?.close();
    await dynamo?.close();
  });

  it('writes treasury/current, one entity per bounty with its children, and the bounty list', async () => {
    const summary = await run();
    expect(summary.warnings).toEqual([]);
    const t = await treasury();
    const seededSpends = expectedTreasury().spends.filter((s) => s.index !== 8);
    expect(t?.spends.filter((s) => seededSpends.some((e) => e.index === s.index))).toEqual(seededSpends);
    // The scenario's own assets stay beside the ones seeded here.
    expect(t?.holdings).toEqual(expect.arrayContaining(expectedTreasury().holdings));
    expect(summary.treasury.spends).toBe(t?.spends.length);
    const bounties = expectedBounties(RUNTIME);
    for (const b of bounties.bounties) expect(await store.getEntity<Bounty>(ENTITY.bounty, b.ref)).toEqual(b);
    const index = await store.getEntity<BountyIndex>(ENTITY.index, INDEX_ID.bounties);
    const listed = new Map(index?.bounties.map((b) => [b.ref, b]));
    expect(bounties.bounties.map((b) => [b.ref, listed.get(b.ref)?.childCount])).toEqual([
      ['4', 0],
      ['9', 2],
      ['11', 0],
      ['m1', 0],
      ['m3', 1],
    ]);
    expect(listed.get('9')).not.toHaveProperty('children');
    expect(index).toMatchObject({ bountyCount: 12, multiAssetBountyCount: 4, childBountyCount: 2 });
    expect(index?.bounties.map((b) => b.ref)).toContain('11');
  });

  it('an unchanged second run writes no treasury or bounty entity (none at all)', async () => {
    const summary = await run();
    expect(summary.entitiesChanged).toBe(0);
    expect(summary.entitiesRemoved).toBe(0);
  });

  it('links a new spend to the approved referendum whose treasury.spend call matches it, and no other', async () => {
    // Herald sees the referendum ongoing: small_spender, paying 300 KSM (plus its id in planck millions) to alice.
    const id = seeded.scenario.expected.governance.referendumCount;
    expect(id % 3).not.toBe(0); // a KSM spend (every third referendum of a spender track pays stablecoins)
    const change = addReferendum(seeded.scenario, { track: 32, proposer: PEOPLE.alice });
    await seeded.apply(change.changes);
    seeded.scenario = change.scenario;
    await run();
    const memory = await store.getEntity<SpendCallMemory>(ENTITY.treasury, SPEND_CALLS_ID);
    const amount = 300n * KSM + BigInt(id) * 1_000_000n;
    expect(memory?.calls).toContainEqual({
      referendum: id,
      ordinal: 0,
      asset: 'native',
      amount,
      beneficiary: PEOPLE.alice,
    });

    // It is approved and enacted: spend 9 appears; spend 10 pays the same but no referendum is left for it.
    const now = seeded.scenario.expected.anchor.relayBlock;
    const approved = setReferendum(seeded.scenario, {
      status: 'approved',
      id,
      block: now,
      submissionDeposit: null,
      decisionDeposit: null,
    });
    const ctx = storageContext(RUNTIME);
    const spend = (index: number) =>
      ctx.pair('Treasury', 'Spends', [index], {
        assetKind: {
          V4: { location: { parents: 0, interior: 'Here' }, assetId: { parents: 1, interior: 'Here' } },
        },
        amount,
        beneficiary: {
          V4: {
            location: { parents: 0, interior: 'Here' },
            accountId: {
              parents: 0,
              interior: { X1: [{ AccountId32: { network: null, id: PEOPLE.alice } }] },
            },
          },
        },
        validFrom: now,
        expireAt: now + 1_296_000,
        status: 'Pending',
      });
    await seeded.apply([
      ...approved.changes,
      spend(9),
      spend(10),
      ctx.pair('Treasury', 'SpendCount', [], 11),
    ]);
    seeded.scenario = approved.scenario;
    await run();
    const spends = (await treasury())!.spends;
    expect(spends.find((s) => s.index === 9)?.approvedBy).toBe(id);
    expect(spends.find((s) => s.index === 10)?.approvedBy).toBeNull();
    // Spends on chain before Herald watched stay unlinked.
    expect(spends.filter((s) => s.index < 9).every((s) => s.approvedBy === null)).toBe(true);
    const after = await store.getEntity<SpendCallMemory>(ENTITY.treasury, SPEND_CALLS_ID);
    expect(after?.links).toEqual([[9, id]]);
    expect(after?.calls.some((c) => c.referendum === id)).toBe(false);

    // The link stays on the next runs.
    const again = await run();
    expect(again.entitiesChanged).toBe(0);
    expect((await treasury())!.spends.find((s) => s.index === 9)?.approvedBy).toBe(id);
  });

  it("deletes a bounty's entity when the bounty leaves the chain", async () => {
    const ctx = storageContext(RUNTIME);
    await seeded.apply([
      ctx.removal('Bounties', 'Bounties', [11]),
      ctx.removal('Bounties', 'BountyDescriptions', [11]),
    ]);
    const before = await store.getEntity<BountyIndex>(ENTITY.index, INDEX_ID.bounties);
    const summary = await run();
    expect(summary.entitiesRemoved).toBe(1);
    expect(await store.getEntity(ENTITY.bounty, '11')).toBeUndefined();
    const index = await store.getEntity<BountyIndex>(ENTITY.index, INDEX_ID.bounties);
    expect(index?.bounties.map((b) => b.ref)).toEqual(
      before?.bounties.map((b) => b.ref).filter((r) => r !== '11'),
    );
  });
});
