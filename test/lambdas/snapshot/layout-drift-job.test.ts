/**
 * The snapshot job across storage layout drift: a run that cannot trust what it read commits
 * nothing, so the previous version stays served; a run that read a changed layout through the
 * metadata commits, and its warning reaches the summary and the status entity (/status).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SnapshotStore } from '../../../core/ports/snapshot-store.js';
import { ENTITY, type StatusEntity } from '../../../core/snapshot/entities.js';
import type { AccountRecord } from '../../../core/staking/stored-layout.js';
import { appendField, driftMetadata, setHashers } from '../../../dev/chain/metadata-drift.js';
import { assetHubRuntime, withMetadata } from '../../../dev/chain/runtimes.js';
import type { StoragePair } from '../../../dev/scenario/index.js';
import { StorageLayoutError, UndecodableItemError } from '../../../lambdas/snapshot/errors.js';
import { runSnapshotJob } from '../../../lambdas/snapshot/job.js';
import { MemoryEraArchive } from '../../../lambdas/snapshot/read/era-archive.js';
import { createDynamoStore } from '../../../lambdas/store/snapshot/index.js';
import { startTestDynamo, type TestDynamo } from '../../helpers/dynamo.js';
import { type SeededChain, seededChain } from './chain-fixture.js';
import { appendBytes, pairsOf, rehashBlake2, rewriteItem } from './drift-fixture.js';

describe('snapshot job across storage layout drift', () => {
  let seeded: SeededChain;
  let dynamo: TestDynamo;
  let store: SnapshotStore;
  let logs: string[];
  let nominators: StoragePair[];
  const archive = new MemoryEraArchive();
  const job = () =>
    runSnapshotJob({
      store,
      endpoints: { assetHub: [seeded.chain.endpoint] },
      archive,
      log: (m) => logs.push(m),
      connectTimeoutMs: 30_000,
    });
  const served = async () => ({
    pointer: (await store.getPointer())?.version,
    status: await store.getEntity<StatusEntity>(ENTITY.status, 'current'),
  });
  const upgrade = (drift: Parameters<typeof driftMetadata>[1], specVersion: number) => {
    const base = assetHubRuntime();
    return seeded.chain.upgradeRuntime(
      withMetadata(base, driftMetadata(base.metadataBytes(), drift), specVersion),
    );
  };

  beforeAll(async () => {
    [seeded, dynamo] = await Promise.all([seededChain(37), startTestDynamo()]);
    store = createDynamoStore({ client: dynamo.client, tableName: await dynamo.newTable('layout-drift') });
    nominators = pairsOf(seeded.scenario.storage, 'Staking', 'Nominators');
    logs = [];
    const first = await job();
    expect(first.warnings).toEqual([]);
  });
  afterAll(async () => {
    await seeded?.close();
    await dynamo?.close();
  });

  it('values that stopped decoding fail the run: the previous version stays served', async () => {
    const before = await served();
    await seeded.apply(rewriteItem(nominators, 'Staking', 'Nominators', appendBytes('07')));
    try {
      await expect(job()).rejects.toBeInstanceOf(UndecodableItemError);
    } finally {
      await seeded.apply(nominators);
    }
    expect(await served()).toEqual(before);
  });

  it('an upgrade that rehashes a key the reader reads fails the run: the previous version stays served', async () => {
    const before = await served();
    await upgrade(setHashers('Staking', 'Nominators', ['Blake2_128Concat']), 2_003_201);
    await seeded.apply([
      ...nominators.map(([key]): [string, null] => [key, null]),
      ...rewriteItem(nominators, 'Staking', 'Nominators', rehashBlake2),
    ]);
    logs = [];
    const failed = job();
    await expect(failed).rejects.toBeInstanceOf(StorageLayoutError);
    await expect(failed).rejects.toThrow(/statemine 2003201 .*Staking\.Nominators: key changed/);
    expect(logs.join('\n')).toMatch(/snapshot read from .* failed: .*Staking\.Nominators: key changed/);
    expect(await served()).toEqual(before);
  });

  it('an upgrade that appends a field commits, read through the metadata, and says so in the summary and /status', async () => {
    const before = await served();
    await upgrade(appendField('Staking', 'Nominators', 'extra', 'u8'), 2_003_202);
    await seeded.apply([
      ...rewriteItem(nominators, 'Staking', 'Nominators', rehashBlake2).map(([key]): [string, null] => [
        key,
        null,
      ]),
      ...rewriteItem(nominators, 'Staking', 'Nominators', appendBytes('07')),
    ]);
    const summary = await job();
    const warning =
      'Staking.Nominators: value layout changed (expected {Vec<[u8;32]>,u32,bool}, found {Vec<[u8;32]>,u32,bool,u8}); decoded through the metadata (statemine 2003202)';
    expect(summary.warnings).toEqual([warning]);
    expect(summary.version).toBeGreaterThan(before.pointer!);
    expect(summary.nominators).toBe(Object.keys(seeded.scenario.expected.staking.nominators).length);
    const after = await served();
    expect(after.pointer).toBe(summary.version);
    expect(after.status?.warnings).toEqual([warning]);
    const who = seeded.scenario.fixtures.nominators.allTargetsActive;
    const account = await store.getEntity<AccountRecord>(ENTITY.account, who);
    expect(account?.nominations).toEqual(seeded.scenario.expected.staking.nominators[who]);
  });
});
