/**
 * An era change (the scenario's era mutation) through the real store on dynalite, counted with the
 * capacity meter: no account item is rewritten (only era-scoped items, the era and the status
 * change), and an unchanged re-run writes only the version bookkeeping.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ENTITY } from '../../../core/snapshot/entities.js';
import { snapshotEntities } from '../../../core/snapshot/snapshot-entities.js';
import type { Snapshot } from '../../../core/types/snapshot.js';
import { generateScenario, nextEra } from '../../../dev/scenario/index.js';
import type { ScenarioExpected } from '../../../dev/scenario/types.js';
import { createDynamoStore, createVersionDiffer } from '../../../lambdas/store/snapshot/index.js';
import { meterCapacity } from '../../../lambdas/store/table/index.js';
import { startTestDynamo, type TestDynamo } from '../../helpers/dynamo.js';

/** The scenario's expected picture with the anchor fields a chain read adds. */
function asSnapshot(expected: ScenarioExpected): Snapshot {
  return {
    ...expected,
    anchor: { ...expected.anchor, blockHash: '0x00', blockNumber: 1, genesisHash: '0x00' },
  };
}

let dynamo: TestDynamo;
beforeAll(async () => {
  dynamo = await startTestDynamo();
});
afterAll(async () => {
  await dynamo?.close();
});

describe('era change writes', () => {
  it('rewrites no account or validator item and only era-scoped ones; an unchanged run writes bookkeeping only', async () => {
    const scenario = generateScenario({ size: 'small', seed: 3 });
    const next = nextEra(scenario).scenario;
    const meter = meterCapacity(dynamo.client);
    const tableName = await dynamo.newTable('era-change');
    const store = createDynamoStore({ client: dynamo.client, tableName });
    const first = await store.writeVersion({}, snapshotEntities(asSnapshot(scenario.expected)));
    meter.take();
    const same = await store.writeVersion({}, snapshotEntities(asSnapshot(scenario.expected)));
    const sameUnits = meter.take();
    expect(same.entitiesChanged + same.entitiesAdded + same.entitiesRemoved).toBe(0);
    expect(same.itemsWritten).toBe(3);
    expect(sameUnits.byOperation.BatchWriteItemCommand).toBeUndefined();

    const era = await store.writeVersion({}, snapshotEntities(asSnapshot(next.expected)));
    const eraUnits = meter.take();
    const differ = createVersionDiffer({ client: dynamo.client, tableName });
    const diff = await differ.diff(same.version, era.version);
    const kinds = new Set([...diff.added, ...diff.changed, ...diff.removed].map((e) => e.kind));
    expect(kinds.has(ENTITY.account)).toBe(false);
    expect(kinds.has(ENTITY.validator)).toBe(false);
    expect(kinds.has(ENTITY.stakeEra)).toBe(true);
    expect(kinds.has(ENTITY.era)).toBe(true);
    expect(eraUnits.writeUnits).toBeGreaterThan(0);
    expect(eraUnits.writeUnits).toBeLessThan(first.bytesWritten / 1024);
  }, 300_000);
});
