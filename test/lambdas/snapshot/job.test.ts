import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseTallyHistory } from '../../../core/opengov/tally-history.js';
import type { SnapshotStore } from '../../../core/ports/snapshot-store.js';
import {
  ENTITY,
  INDEX_ID,
  type ReferendaIndex,
  type ReferendumEntity,
  type StatusEntity,
} from '../../../core/snapshot/entities.js';
import { snapshotEntities } from '../../../core/snapshot/snapshot-entities.js';
import type { EraSlice } from '../../../core/staking/slice-types.js';
import { readAccountSlice, readValidatorSlice } from '../../../core/staking/stored-read.js';
import { SPEND_CALLS_ID, type SpendCallMemory } from '../../../core/treasury/approved-by.js';
import type { TrackInfo } from '../../../core/types/governance.js';
import type { VoterRecord, VotingRules } from '../../../core/types/voting.js';
import { endedOutcomes, type ReferendumOutcomes } from '../../../core/voting/outcomes.js';
import { EMPTY_VOTER } from '../../../core/voting/voter-record.js';
import { addReferendum, addVote, nextEra, type Scenario } from '../../../dev/scenario/index.js';
import { runSnapshotJob } from '../../../lambdas/snapshot/job.js';
import { MemoryEraArchive } from '../../../lambdas/snapshot/read/era-archive.js';
import { createDynamoStore } from '../../../lambdas/store/snapshot/index.js';
import { startTestDynamo, type TestDynamo } from '../../helpers/dynamo.js';
import { bigintJson, type SeededChain, seededChain } from './chain-fixture.js';

/** Entities a correct snapshot of `scenario` must hold, keyed "kind:id", as comparable JSON. */
function expectedEntities(scenario: Scenario): Map<string, string> {
  const snapshot = {
    ...scenario.expected,
    anchor: { ...scenario.expected.anchor, blockHash: '', blockNumber: 0, genesisHash: '' },
  };
  const out = new Map<string, string>();
  for (const e of snapshotEntities(snapshot)) out.set(`${e.kind}:${e.id}`, bigintJson(e.data));
  // A tally history changes when its referendum's tally does, appears with it and goes when it ends.
  for (const info of Object.values(snapshot.governance.referenda))
    if (info.status === 'ongoing') out.set(`${ENTITY.tallyHistory}:${info.id}`, bigintJson(info.tally));
  return out;
}

function changedKeys(before: Map<string, string>, after: Map<string, string>): string[] {
  const keys = new Set([...before.keys(), ...after.keys()]);
  return [...keys].filter((k) => before.get(k) !== after.get(k)).sort();
}

describe('snapshot job: chain -> versioned snapshot in DynamoDB', () => {
  let seeded: SeededChain;
  let dynamo: TestDynamo;
  let store: SnapshotStore;
  const archive = new MemoryEraArchive();
  const run = () => runSnapshotJob({ store, endpoints: { assetHub: [seeded.chain.endpoint] }, archive });

  beforeAll(async () => {
    [seeded, dynamo] = await Promise.all([seededChain(11), startTestDynamo()]);
    store = createDynamoStore({ client: dynamo.client, tableName: await dynamo.newTable('snapshot-job') });
  });
  afterAll(async () => {
    await seeded?.close();
    await dynamo?.close();
  });

  it('writes a first version whose entities read back as the scenario seeded them', async () => {
    const summary = await run();
    const e = seeded.scenario.expected;
    const f = seeded.scenario.fixtures;
    expect(summary).toMatchObject({
      version: expect.any(Number),
      relayBlock: e.anchor.relayBlock,
      era: e.staking.activeEra.index,
      validators: Object.keys(e.staking.validators).length,
      nominators: Object.keys(e.staking.nominators).length,
      poolMembers: Object.keys(e.pools.members).length,
      referenda: Object.keys(e.governance.referenda).length,
    });
    expect(summary.itemsWritten).toBeGreaterThan(summary.validators + summary.nominators);
    expect((await store.getPointer())?.version).toBe(summary.version);

    const pointer = (await store.getPointer())!;
    const nominator = await readAccountSlice(store, pointer, f.nominators.allTargetsActive);
    expect(nominator?.ledger).toEqual(e.staking.ledgers[f.nominators.allTargetsActive]);
    expect(nominator?.nominations).toEqual(e.staking.nominators[f.nominators.allTargetsActive]);
    expect(nominator?.targets.every((t) => t.active)).toBe(true);
    const controller = await readAccountSlice(store, pointer, f.controllerNotStash.controller);
    expect(controller?.stash).toBe(f.controllerNotStash.stash);
    const member = await readAccountSlice(store, pointer, f.pools.member);
    expect(member?.pool?.member).toEqual(e.pools.members[f.pools.member]);

    const validator = await readValidatorSlice(store, pointer, f.validators.partlyClaimed.validator);
    const era = validator?.eras.find((x) => x.era === f.validators.partlyClaimed.era);
    expect(era?.claimed).toEqual(f.validators.partlyClaimed.claimed);
    expect(era?.pageCount).toBe(f.validators.partlyClaimed.pageCount);

    for (const ids of Object.values(f.referenda)) {
      for (const id of ids) {
        const ref = await store.getEntity<ReferendumEntity>(ENTITY.referendum, String(id));
        expect(ref?.info).toEqual(e.governance.referenda[id]);
      }
    }
    // Queued referenda: the pallet takes the queue's last entry (most ayes) next, so that one is 1.
    expect(f.referenda.queued.length).toBeGreaterThan(0);
    for (const id of f.referenda.queued) {
      const info = e.governance.referenda[id]!;
      const queue = e.governance.trackQueue[(info as { track: number }).track]!;
      const ref = await store.getEntity<ReferendumEntity>(ENTITY.referendum, String(id));
      expect(ref?.queuePosition).toBe(queue.length - queue.findIndex((q) => q.id === id));
    }
    const next =
      e.governance.trackQueue[
        (e.governance.referenda[f.referenda.queued[0]!] as { track: number }).track
      ]!.at(-1)!;
    expect((await store.getEntity<ReferendumEntity>(ENTITY.referendum, String(next.id)))?.queuePosition).toBe(
      1,
    );
    const index = await store.getEntity<ReferendaIndex>(ENTITY.index, 'referenda');
    expect(index?.ongoing.map((o) => o.id)).toEqual(
      Object.values(e.governance.referenda)
        .filter((r) => r.status === 'ongoing')
        .map((r) => r.id)
        .sort((a, b) => a - b),
    );
    expect(await store.getEntity<TrackInfo[]>(ENTITY.tracks, 'all')).toEqual(e.governance.tracks);
    const status = await store.getEntity<StatusEntity>(ENTITY.status, 'current');
    expect(status?.anchor.relayBlock).toBe(e.anchor.relayBlock);
    const eraSlice = await store.getEntity<EraSlice>(ENTITY.era, 'current');
    expect(eraSlice?.activeEra).toEqual(e.staking.activeEra);
  });

  it('an unchanged re-run writes 5 items or fewer and changes no entity', async () => {
    const summary = await run();
    expect(summary.entitiesChanged).toBe(0);
    expect(summary.entitiesRemoved).toBe(0);
    expect(summary.itemsWritten).toBeLessThanOrEqual(5);
    expect(summary.erasReadFromChain).toBe(1);
  });

  it("after a new vote, writes just the referendum, its tally history, the referenda list and the voter's record", async () => {
    const before = expectedEntities(seeded.scenario);
    const refId = seeded.scenario.fixtures.referenda.deciding[0]!;
    const change = addVote(seeded.scenario, refId, {
      kind: 'Standard',
      aye: true,
      conviction: 1,
      balance: 10n ** 15n,
    });
    await seeded.apply(change.changes);
    seeded.scenario = change.scenario;
    const expected = changedKeys(before, expectedEntities(change.scenario));
    const voter = change.scenario.fixtures.voting.at(-1)!.who;
    expect(expected).toEqual([
      `index:referenda`,
      `referendum:${refId}`,
      `tally-history:${refId}`,
      `voting:${voter}`,
    ]);
    const summary = await run();
    expect(summary.entitiesChanged + summary.entitiesRemoved).toBe(expected.length);
    const ref = await store.getEntity<ReferendumEntity>(ENTITY.referendum, String(refId));
    expect(ref?.info).toEqual(change.scenario.expected.governance.referenda[refId]);
    const history = parseTallyHistory(await store.getEntity(ENTITY.tallyHistory, String(refId)));
    const info = change.scenario.expected.governance.referenda[refId]!;
    if (info.status !== 'ongoing') throw new Error('fixture');
    expect(history!.at(-1)).toEqual({ block: summary.relayBlock, ...info.tally });
  });

  it('after a new referendum, writes it, its tally history, the list, the status and the remembered spend calls, and nothing else', async () => {
    const before = expectedEntities(seeded.scenario);
    const change = addReferendum(seeded.scenario, { track: 32 });
    await seeded.apply(change.changes);
    seeded.scenario = change.scenario;
    const expected = changedKeys(before, expectedEntities(change.scenario));
    const newId = change.scenario.expected.governance.referendumCount - 1;
    // The status entity counts referenda, so it changes too; no account or validator does.
    expect(expected).toEqual([
      'index:referenda',
      `referendum:${newId}`,
      'status:current',
      `tally-history:${newId}`,
    ]);
    const summary = await run();
    // A spender track's referendum carries a treasury.spend call: the spend-call memory keeps it too.
    expect(summary.entitiesChanged + summary.entitiesRemoved).toBe(expected.length + 1);
    expect((await store.getEntity<ReferendumEntity>(ENTITY.referendum, String(newId)))?.info.status).toBe(
      'ongoing',
    );
    const memory = await store.getEntity<SpendCallMemory>(ENTITY.treasury, SPEND_CALLS_ID);
    expect(memory?.calls.map((c) => c.referendum)).toContain(newId);
  });

  it('after an era change, writes the changed accounts, validators and the era, and serves the new era', async () => {
    const before = expectedEntities(seeded.scenario);
    const change = nextEra(seeded.scenario);
    await seeded.apply(change.changes);
    seeded.scenario = change.scenario;
    const expected = changedKeys(before, expectedEntities(change.scenario));
    const summary = await run();
    expect(expected).toContain('era:current');
    expect(expected).toContain('status:current');
    expect(summary.entitiesChanged + summary.entitiesRemoved).toBe(expected.length);
    expect(summary.era).toBe(change.scenario.expected.staking.activeEra.index);
    const eraSlice = await store.getEntity<EraSlice>(ENTITY.era, 'current');
    expect(eraSlice?.activeEra.index).toBe(change.scenario.expected.staking.activeEra.index);
  });

  it('voting: one entity per voter, none rewritten when unchanged, an empty one for a watched non-voter', async () => {
    const f = seeded.scenario.fixtures;
    const voters = Object.keys(seeded.scenario.expected.voting).length;
    const quiet = f.voterCases.noVotes.address;
    const watched = async () => [quiet];
    const watchedRun = () =>
      runSnapshotJob({ store, endpoints: { assetHub: [seeded.chain.endpoint] }, archive, watched });
    const added = await watchedRun();
    expect(added.voters).toBe(voters + 1);
    expect(added.entitiesChanged).toBe(1);
    expect(await store.getEntity<VoterRecord>(ENTITY.voting, quiet)).toEqual(EMPTY_VOTER);
    const unchanged = await watchedRun();
    expect(unchanged.entitiesChanged).toBe(0);
    expect(unchanged.itemsWritten).toBeLessThanOrEqual(5);

    // The direct voter votes on a track it has not voted on yet: its entity, and the referendum's.
    const voter = f.voterCases.direct.address;
    const votedTracks = new Set(f.voting.filter((v) => v.who === voter).map((v) => v.track));
    const target = Object.values(seeded.scenario.expected.governance.referenda).find(
      (r) => r.status === 'ongoing' && !votedTracks.has(r.track),
    )!;
    const change = addVote(
      seeded.scenario,
      target.id,
      { kind: 'Standard', aye: false, conviction: 2, balance: 10n ** 13n },
      voter,
    );
    await seeded.apply(change.changes);
    seeded.scenario = change.scenario;
    const after = await watchedRun();
    const record = await store.getEntity<VoterRecord>(ENTITY.voting, voter);
    expect(record).toEqual(change.scenario.expected.voting[voter]);
    expect(record?.classes[(target as { track: number }).track]).toMatchObject({
      type: 'casting',
      votes: [
        { referendum: target.id, vote: { type: 'standard', aye: false, conviction: 2, balance: 10n ** 13n } },
      ],
    });
    // The referendum, its tally history, the list, and the voter's record; its account entity only if it stakes.
    expect(after.entitiesChanged).toBeGreaterThanOrEqual(4);
    expect(after.entitiesChanged).toBeLessThanOrEqual(5);
  });

  it('stores the voting rules and how each ended referendum ended', async () => {
    const e = seeded.scenario.expected;
    expect(await store.getEntity<VotingRules>(ENTITY.votingRules, 'current')).toEqual(e.votingRules);
    const outcomes = await store.getEntity<ReferendumOutcomes>(ENTITY.index, INDEX_ID.outcomes);
    expect(outcomes).toEqual(endedOutcomes(e.governance.referenda));
    expect(Object.keys(outcomes!).length).toBe(
      Object.values(e.governance.referenda).filter((r) => r.status !== 'ongoing').length,
    );
  });
});
