import { describe, expect, it } from 'vitest';
import { recordWrites, scanTable } from '../../../helpers/dynamo.js';
import { account, address, referendum, smallSnapshot } from './fixtures.js';
import { useStoreHarness } from './store-setup.js';

const harness = useStoreHarness();

function entityVersions(rows: Array<{ pk: string; sk: string }>, pk: string): string[] {
  return rows.filter((r) => r.pk === pk).map((r) => r.sk);
}

describe('incremental versions', () => {
  it('an unchanged re-run writes at most 5 items, counted on the wire', async () => {
    const { store, tableName } = await harness.fresh('unchanged');
    const recorder = recordWrites(harness.dynamo().client, tableName);
    await store.writeVersion({ block: 1 }, smallSnapshot());
    recorder.reset();
    const result = await store.writeVersion({ block: 2 }, smallSnapshot());
    expect(result.version).toBe(2);
    expect(result.entitiesUnchanged).toBe(smallSnapshot().length);
    expect(result.entitiesRefreshed).toBe(0);
    expect(result.itemsWritten).toBeLessThanOrEqual(5);
    expect(recorder.count()).toBe(result.itemsWritten);
    expect(recorder.keys().every((k) => k.pk === 'META' || k.pk === 'VERSION')).toBe(true);
    // The superseded version record carries its own exp: nothing to write after the flip.
    expect(result.cleanupWrites).toBe(0);
    expect(await store.getPointer()).toMatchObject({ version: 2, meta: { block: 2 } });
    recorder.stop();
  });

  it('writes only the changed and new entities, and leaves the ones they replace untouched', async () => {
    const { store, tableName } = await harness.fresh('changed');
    const client = harness.dynamo().client;
    const recorder = recordWrites(client, tableName);
    const first = [account(1), account(2), account(3), referendum(500)];
    await store.writeVersion({}, first);
    recorder.reset();
    const second = [account(1), account(2, 1n), account(3), referendum(500, 9n), referendum(501)];
    const result = await store.writeVersion({}, second);
    expect(result).toMatchObject({
      entitiesAdded: 1,
      entitiesChanged: 2,
      entitiesUnchanged: 2,
      entitiesRemoved: 0,
    });

    const entityWrites = recorder
      .keys()
      .filter((k) => k.op === 'BatchPut' && k.pk.startsWith('E#'))
      .map((k) => k.pk)
      .sort();
    expect(entityWrites).toEqual([`E#account#${address(2)}`, 'E#referendum#500', 'E#referendum#501'].sort());

    expect(recorder.keys().filter((k) => k.op === 'UpdateItem' && k.pk !== 'META')).toEqual([]);

    const rows = await scanTable(client, tableName);
    expect(entityVersions(rows, `E#account#${address(1)}`)).toEqual(['V#000000000001']);
    expect(entityVersions(rows, `E#account#${address(2)}`)).toEqual(['V#000000000001', 'V#000000000002']);
    const old = rows.find((r) => r.pk === `E#account#${address(2)}` && r.sk === 'V#000000000001');
    const unchanged = rows.find((r) => r.pk === `E#account#${address(1)}`);
    // The replaced item keeps the exp it was written with, like the unchanged one from the same version.
    expect(old?.exp).toBeGreaterThan(Date.now() / 1000);
    expect(old?.exp).toBe(unchanged?.exp);

    expect(await store.getEntity('account', address(2))).toEqual(account(2, 1n).data);
    expect(await store.getEntity('referendum', '500')).toEqual(referendum(500, 9n).data);
    recorder.stop();
  });

  it('tombstones entities that disappear and brings them back when they return', async () => {
    const { store, tableName } = await harness.fresh('removed');
    const client = harness.dynamo().client;
    await store.writeVersion({}, [account(1), referendum(500), referendum(501)]);
    const removed = await store.writeVersion({}, [account(1), referendum(501)]);
    expect(removed.entitiesRemoved).toBe(1);
    expect(await store.getEntity('referendum', '500')).toBeUndefined();
    const v1 = (await store.getPointer())!;
    expect(await store.getEntity('referendum', '500', { pointer: { ...v1, version: 1 } })).toEqual(
      referendum(500).data,
    );

    const rows = await scanTable(client, tableName);
    const tombstone = rows.find((r) => r.pk === 'E#referendum#500' && r.sk === 'V#000000000002');
    const hidden = rows.find((r) => r.pk === 'E#referendum#500' && r.sk === 'V#000000000001');
    expect(tombstone?.t).toBe(true);
    expect(tombstone!.exp!).toBeGreaterThan(hidden!.exp!);

    const back = await store.writeVersion({}, [account(1), referendum(500), referendum(501)]);
    expect(back.entitiesAdded).toBe(1);
    expect(await store.getEntity('referendum', '500')).toEqual(referendum(500).data);
  });

  it('treats a superseded item found under an expired tombstone as removed', async () => {
    let clock = Date.parse('2031-08-01T00:00:00Z');
    const { store, tableName } = await harness.fresh('expired-tombstone', { now: () => clock });
    const client = harness.dynamo().client;
    await store.writeVersion({}, [account(1), referendum(500)]);
    clock += 60_000;
    await store.writeVersion({}, [account(1)]);
    const tombstoneExp = (await scanTable(client, tableName)).find(
      (r) => r.pk === 'E#referendum#500' && r.sk === 'V#000000000002',
    )?.exp;
    clock = tombstoneExp! * 1000 + 1;
    // What AWS TTL does after the tombstone's exp: it goes, possibly before the item it hides.
    const { DeleteItemCommand } = await import('@aws-sdk/client-dynamodb');
    await client.send(
      new DeleteItemCommand({
        TableName: tableName,
        Key: { pk: { S: 'E#referendum#500' }, sk: { S: 'V#000000000002' } },
      }),
    );
    expect(await store.getEntity('referendum', '500')).toBeUndefined();
  });

  it('rewrites only the manifest chunks that changed', async () => {
    const { store } = await harness.fresh('manifest');
    const entities = Array.from({ length: 3_000 }, (_, i) => account(i));
    const first = await store.writeVersion({}, entities);
    expect(first.manifestChunksWritten).toBeGreaterThan(4);
    entities[10] = account(10, 1n);
    const second = await store.writeVersion({}, entities);
    expect(second.entitiesChanged).toBe(1);
    expect(second.manifestChunksWritten).toBe(1);
    const third = await store.writeVersion({}, entities);
    expect(third.manifestChunksWritten).toBe(0);
    expect(third.itemsWritten).toBeLessThanOrEqual(5);
  });
});
