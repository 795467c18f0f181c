import { DeleteItemCommand } from '@aws-sdk/client-dynamodb';
import { describe, expect, it } from 'vitest';
import { recordWrites, scanTable } from '../../../helpers/dynamo.js';
import { account, address, referendum, smallSnapshot, validator } from './fixtures.js';
import { useStoreHarness } from './store-setup.js';

const harness = useStoreHarness();

const HOUR = 60 * 60_000;
const DAY = 24 * HOUR;
const LIFETIME = 4 * DAY;
const RETENTION = 7 * DAY;
const T0 = Date.parse('2031-08-01T00:00:00Z');
const sec = (ms: number) => Math.ceil(ms / 1000);

function bigValidator() {
  const whale = validator(7, 40_000);
  const data = whale.data as { others: Array<{ who: string; value: bigint }> };
  data.others.forEach((o, i) => {
    o.who = `${o.who}${(i * 2_654_435_761).toString(36)}`;
    o.value = BigInt(i) * 1_000_000_007n;
  });
  return whale;
}

async function clockedStore(label: string) {
  const clock = { now: T0 };
  const { store, tableName } = await harness.fresh(label, { now: () => clock.now });
  return { clock, store, tableName, client: harness.dynamo().client };
}

describe('write-time expiry', () => {
  it('stamps every item a run writes with run start + lifetime, tombstones with the retention on top', async () => {
    const { clock, store, tableName, client } = await clockedStore('stamps');
    const whale = bigValidator();
    await store.writeVersion({}, [...smallSnapshot(), whale]);
    const first = await scanTable(client, tableName);
    expect(first.some((r) => r.pk.startsWith('P#E#validator#'))).toBe(true);
    expect(first.some((r) => r.pk === 'MANIFEST')).toBe(true);
    for (const row of first) {
      if (row.pk === 'META') expect(row.exp).toBeUndefined();
      else expect(row.exp, `${row.pk} ${row.sk}`).toBe(sec(T0 + LIFETIME));
    }
    expect(first.some((r) => r.pk === 'JOURNAL')).toBe(false);

    clock.now = T0 + HOUR;
    const rest = smallSnapshot().filter(
      (e) => !['referendum#500', `account#${address(1)}`].includes(`${e.kind}#${e.id}`),
    );
    await store.writeVersion({}, [...rest, bigValidator(), account(1, 3n)]);
    const second = await scanTable(client, tableName);
    const newRows = second.filter((r) => r.sk.startsWith('V#000000000002'));
    expect(newRows.length).toBeGreaterThan(3);
    const tombstone = second.find((r) => r.pk === 'E#referendum#500' && r.sk === 'V#000000000002');
    expect(tombstone).toMatchObject({ t: true, exp: sec(T0 + HOUR + LIFETIME + RETENTION) });
    for (const row of newRows.filter((r) => r !== tombstone)) {
      expect(row.exp, `${row.pk} ${row.sk}`).toBe(sec(T0 + HOUR + LIFETIME));
    }
    // Everything of version 1 is as it was written.
    for (const row of second.filter((r) => r.sk.startsWith('V#000000000001'))) {
      expect(row.exp).toBe(sec(T0 + LIFETIME));
    }
    const hidden = second.find((r) => r.pk === 'E#referendum#500' && r.sk === 'V#000000000001');
    expect(tombstone!.exp!).toBeGreaterThan(hidden!.exp!);
  });

  it('writes nothing after the flip for superseded items, counted on the wire', async () => {
    const { clock, store, tableName, client } = await clockedStore('no-marks');
    const recorder = recordWrites(client, tableName);
    const entities = Array.from({ length: 60 }, (_, i) => account(i));
    await store.writeVersion({}, [...entities, bigValidator(), referendum(500)]);
    recorder.reset();
    clock.now += 5 * 60_000;
    // Every account changes, the whale validator and the referendum go.
    const result = await store.writeVersion(
      {},
      entities.map((_, i) => account(i, 1n)),
    );
    expect(result).toMatchObject({ entitiesChanged: 60, entitiesRemoved: 2 });
    const updates = recorder.keys().filter((k) => k.op === 'UpdateItem');
    expect(updates.every((k) => k.pk === 'META')).toBe(true);
    const deletes = recorder.keys().filter((k) => k.op === 'BatchDelete');
    expect(deletes.every((k) => k.pk === 'JOURNAL')).toBe(true);
    expect(recorder.count()).toBe(result.itemsWritten + result.cleanupWrites);
    expect(await store.getEntity('account', address(3))).toEqual(account(3, 1n).data);
    expect(await store.getEntity('referendum', '500')).toBeUndefined();
    recorder.stop();
  });

  it('keeps a superseded item readable at a held pointer until its own exp, then treats it as gone', async () => {
    const { clock, store } = await clockedStore('held-pointer');
    await store.writeVersion({}, [account(1), account(2)]);
    const held = (await store.getPointer())!;
    clock.now = T0 + HOUR;
    await store.writeVersion({}, [account(1, 9n), account(2)]);
    clock.now = T0 + 2 * DAY;
    expect(await store.getEntity('account', address(1), { pointer: held })).toEqual(account(1).data);
    expect(await store.getEntity('account', address(1))).toEqual(account(1, 9n).data);
    clock.now = T0 + LIFETIME;
    expect(await store.getEntity('account', address(1), { pointer: held })).toBeUndefined();
    expect(await store.getEntity('account', address(1))).toEqual(account(1, 9n).data);
  });

  it('after a pause longer than the lifetime, the next run rebuilds from expired and deleted items', async () => {
    const { clock, store, tableName, client } = await clockedStore('recover');
    const ids = Array.from({ length: 8 }, (_, i) => i);
    await store.writeVersion({}, [...ids.map((i) => account(i)), referendum(500)]);
    clock.now = T0 + LIFETIME + HOUR;
    // No run for longer than the lifetime: every current item has expired, readers see nothing.
    expect(await store.getEntity('account', address(1))).toBeUndefined();
    // AWS deletes what expired, in no particular order: here the record and every odd account.
    for (const row of await scanTable(client, tableName)) {
      const drop =
        row.pk === 'VERSION' || ids.some((i) => i % 2 === 1 && row.pk === `E#account#${address(i)}`);
      if (!drop) continue;
      await client.send(
        new DeleteItemCommand({ TableName: tableName, Key: { pk: { S: row.pk }, sk: { S: row.sk } } }),
      );
    }
    const result = await store.writeVersion({}, [...ids.map((i) => account(i, i === 3 ? 5n : 0n))]);
    expect(result.warnings.join(' ')).toMatch(/record of version 1 had expired/);
    expect(result.entitiesAdded).toBe(ids.length);
    for (const i of ids) {
      expect(await store.getEntity('account', address(i))).toEqual(account(i, i === 3 ? 5n : 0n).data);
    }
    // The referendum did not come back; its old item is past its exp, so it is gone for readers.
    expect(await store.getEntity('referendum', '500')).toBeUndefined();
    clock.now += 5 * 60_000;
    const next = await store.writeVersion({}, [...ids.map((i) => account(i, i === 3 ? 5n : 0n))]);
    expect(next).toMatchObject({ entitiesUnchanged: ids.length, entitiesRefreshed: 0, warnings: [] });
  });

  it('reads an expired and deleted manifest chunk as empty and writes its entities anew', async () => {
    const { clock, store, tableName, client } = await clockedStore('recover-chunk');
    await store.writeVersion({}, [account(1), account(2), referendum(500)]);
    clock.now = T0 + LIFETIME + HOUR;
    for (const row of await scanTable(client, tableName)) {
      if (row.pk !== 'MANIFEST') continue;
      await client.send(
        new DeleteItemCommand({ TableName: tableName, Key: { pk: { S: row.pk }, sk: { S: row.sk } } }),
      );
    }
    const result = await store.writeVersion({}, [account(1), account(2, 4n)]);
    expect(result.warnings.join(' ')).toMatch(/manifest chunk V#000000000001#00000 had expired/);
    expect(result).toMatchObject({ entitiesAdded: 2, entitiesRemoved: 0 });
    expect(await store.getEntity('account', address(1))).toEqual(account(1).data);
    expect(await store.getEntity('account', address(2))).toEqual(account(2, 4n).data);
    expect(await store.getEntity('referendum', '500')).toBeUndefined();
  });

  it('a missing record that cannot have expired yet is still corruption', async () => {
    const { clock, store, tableName, client } = await clockedStore('not-expired');
    await store.writeVersion({}, [account(1)]);
    clock.now = T0 + DAY;
    await client.send(
      new DeleteItemCommand({
        TableName: tableName,
        Key: { pk: { S: 'VERSION' }, sk: { S: 'V#000000000001' } },
      }),
    );
    await expect(store.writeVersion({}, [account(1)])).rejects.toThrow(
      /record of committed version 1 is missing/,
    );
  });
});
