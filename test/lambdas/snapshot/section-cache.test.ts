import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SnapshotStore } from '../../../core/ports/snapshot-store.js';
import { ENTITY, type ReferendumEntity } from '../../../core/snapshot/entities.js';
import { snapshotEntities } from '../../../core/snapshot/snapshot-entities.js';
import type { AccountStakingSlice } from '../../../core/staking/slice-types.js';
import type { TreasuryState } from '../../../core/types/treasury.js';
import type { VoterRecord } from '../../../core/types/voting.js';
import { addReferendum, addVote, approveSpend, type Scenario } from '../../../dev/scenario/index.js';
import { unbondingDueNextEra } from '../../../dev/scenario/voter-mutations.js';
import { SectionCache } from '../../../lambdas/snapshot/build-cache/section-cache.js';
import { runSnapshotJob } from '../../../lambdas/snapshot/job.js';
import { MemoryEraArchive } from '../../../lambdas/snapshot/read/era-archive.js';
import { createDynamoStore } from '../../../lambdas/store/snapshot/index.js';
import { startTestDynamo, type TestDynamo } from '../../helpers/dynamo.js';
import { bigintJson, type SeededChain, seededChain } from './chain-fixture.js';

/** The sections whose inputs an unchanged chain leaves alone (era and status follow the pinned block). */
const STEADY = ['identities', 'staking', 'referenda', 'voting', 'treasury', 'parachains'];

function expectedEntities(scenario: Scenario): Map<string, string> {
  const snapshot = {
    ...scenario.expected,
    anchor: { ...scenario.expected.anchor, blockHash: '', blockNumber: 0, genesisHash: '' },
  };
  const out = new Map<string, string>();
  for (const e of snapshotEntities(snapshot)) out.set(`${e.kind}:${e.id}`, bigintJson(e.data));
  for (const info of Object.values(snapshot.governance.referenda))
    if (info.status === 'ongoing') out.set(`${ENTITY.tallyHistory}:${info.id}`, bigintJson(info.tally));
  return out;
}

function changedKeys(before: Map<string, string>, after: Map<string, string>): string[] {
  const keys = new Set([...before.keys(), ...after.keys()]);
  return [...keys].filter((k) => before.get(k) !== after.get(k)).sort();
}

describe('snapshot job: sections whose inputs did not change are carried, not built', () => {
  let seeded: SeededChain;
  let dynamo: TestDynamo;
  let store: SnapshotStore;
  const archive = new MemoryEraArchive();
  const run = (sections?: SectionCache) =>
    runSnapshotJob({ store, endpoints: { assetHub: [seeded.chain.endpoint] }, archive, sections });

  /** Applies a change to the chain; the entities it must change, by the scenario's own model. */
  async function apply(change: { scenario: Scenario; changes: Parameters<SeededChain['apply']>[0] }) {
    const before = expectedEntities(seeded.scenario);
    await seeded.apply(change.changes);
    seeded.scenario = change.scenario;
    return changedKeys(before, expectedEntities(change.scenario));
  }

  /** A run of a cold container over the same store and chain: it builds everything and compares. */
  async function fullRebuildChanges(): Promise<number> {
    const summary = await run(new SectionCache());
    expect(summary.sections.carried).toEqual([]);
    return summary.entitiesChanged + summary.entitiesRemoved;
  }

  beforeAll(async () => {
    [seeded, dynamo] = await Promise.all([seededChain(23), startTestDynamo()]);
    store = createDynamoStore({ client: dynamo.client, tableName: await dynamo.newTable('section-cache') });
  });
  afterAll(async () => {
    await seeded?.close();
    await dynamo?.close();
  });

  it('a first run builds every section; an unchanged re-run carries all but the era and the status', async () => {
    const first = await run();
    expect(first.sections.carried).toEqual([]);
    expect(first.sections.built).toEqual(expect.arrayContaining([...STEADY, 'era', 'status']));
    const steady = await run();
    expect(steady.sections.carried).toEqual(STEADY);
    expect(steady.sections.built).toEqual(['era', 'status']);
    expect(steady.sections.entitiesCarried).toBeGreaterThan(steady.validators + steady.nominators);
    expect(steady.entitiesChanged + steady.entitiesRemoved).toBe(0);
    expect(steady.entities).toBe(first.entities);
  });

  it('what a carrying run committed is exactly what a full rebuild writes', async () => {
    expect((await run()).sections.carried).toEqual(STEADY);
    // A rebuild hashes every entity and compares it with the version before: nothing differs.
    expect(await fullRebuildChanges()).toBe(0);
  });

  it('after another process committed, the next run builds every section again', async () => {
    // The rebuild above committed a version this store's own cache did not write.
    const summary = await run();
    expect(summary.sections.carried).toEqual([]);
    expect(summary.entitiesChanged).toBe(0);
    expect((await run()).sections.carried).toEqual(STEADY);
  });

  it('one changed ledger rebuilds the staking section, and the account shows it', async () => {
    const stash = seeded.scenario.fixtures.nominators.allTargetsActive;
    const expected = await apply(unbondingDueNextEra(seeded.scenario, stash, 10n ** 9n));
    expect(expected).toContain(`account:${stash}`);
    const summary = await run();
    expect(summary.sections.built).toContain('staking');
    expect(summary.sections.carried).toEqual(STEADY.filter((s) => s !== 'staking'));
    expect(summary.entitiesChanged + summary.entitiesRemoved).toBe(expected.length);
    const account = await store.getEntity<AccountStakingSlice>(ENTITY.account, stash);
    expect(account?.ledger).toEqual(seeded.scenario.expected.staking.ledgers[stash]);
    expect(await fullRebuildChanges()).toBe(0);
    await run();
  });

  it('one new vote rebuilds the voting and referenda sections, and carries staking', async () => {
    const refId = seeded.scenario.fixtures.referenda.deciding[0]!;
    const change = addVote(seeded.scenario, refId, {
      kind: 'Standard',
      aye: true,
      conviction: 2,
      balance: 10n ** 14n,
    });
    const expected = await apply(change);
    const voter = change.scenario.fixtures.voting.at(-1)!.who;
    const summary = await run();
    expect(summary.sections.built).toEqual(expect.arrayContaining(['voting', 'referenda']));
    expect(summary.sections.carried).toContain('staking');
    expect(summary.entitiesChanged + summary.entitiesRemoved).toBe(expected.length);
    expect(await store.getEntity<VoterRecord>(ENTITY.voting, voter)).toEqual(
      seeded.scenario.expected.voting[voter],
    );
    const ref = await store.getEntity<ReferendumEntity>(ENTITY.referendum, String(refId));
    expect(ref?.info).toEqual(seeded.scenario.expected.governance.referenda[refId]);
  });

  it('one new referendum rebuilds the referenda; one new spend rebuilds the treasury', async () => {
    await apply(addReferendum(seeded.scenario, { track: 0 }));
    const newId = seeded.scenario.expected.governance.referendumCount - 1;
    const afterReferendum = await run();
    expect(afterReferendum.sections.built).toContain('referenda');
    expect(afterReferendum.sections.carried).toEqual(expect.arrayContaining(['staking', 'treasury']));
    expect((await store.getEntity<ReferendumEntity>(ENTITY.referendum, String(newId)))?.info.status).toBe(
      'ongoing',
    );

    const who = seeded.scenario.fixtures.nominators.allTargetsActive;
    await apply(approveSpend(seeded.scenario, { asset: 'KSM', amount: 5n * 10n ** 12n, beneficiary: who }));
    const afterSpend = await run();
    expect(afterSpend.sections.built).toContain('treasury');
    expect(afterSpend.sections.carried).toEqual(expect.arrayContaining(['staking', 'referenda', 'voting']));
    const treasury = await store.getEntity<TreasuryState>(ENTITY.treasury, 'current');
    expect(treasury?.spends.at(-1)).toMatchObject({
      amount: 5n * 10n ** 12n,
      beneficiary: who,
      status: 'Pending',
    });
    expect(await fullRebuildChanges()).toBe(0);
  });
});
