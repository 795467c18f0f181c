import { DeleteItemCommand } from '@aws-sdk/client-dynamodb';
import { describe, expect, it } from 'vitest';
import { recordWrites, scanTable } from '../../../helpers/dynamo.js';
import { account, address, referendum } from './fixtures.js';
import { makeLegacy } from './legacy-table.js';
import { useStoreHarness } from './store-setup.js';

const harness = useStoreHarness();

const MINUTE = 60_000;
const DAY = 24 * 60 * MINUTE;
const MARGIN = 2 * DAY;
const RETENTION = 7 * DAY;
const T0 = Date.parse('2031-08-01T00:00:00Z');
const sec = (ms: number) => Math.ceil(ms / 1000);
const v = (n: number) => `V#${String(n).padStart(12, '0')}`;

/** A table whose version 1 was written before write-time expiry: no exp anywhere. */
async function legacyStore(label: string, maxRefreshesPerRun: number) {
  const clock = { now: T0 };
  // The table is rewritten behind the store's back, as by an older deployment: no warm manifest.
  const { store, tableName } = await harness.fresh(label, {
    now: () => clock.now,
    maxRefreshesPerRun,
    keepCommittedManifest: false,
  });
  const client = harness.dynamo().client;
  await store.writeVersion({}, [account(1), account(2), account(3), account(4), referendum(500)]);
  await makeLegacy(client, tableName);
  expect((await scanTable(client, tableName)).every((r) => r.exp === undefined)).toBe(true);
  return { clock, store, tableName, client };
}

describe('a table written before write-time expiry', () => {
  it('marks the legacy items a version supersedes, as before, and migrates the rest a few per run', async () => {
    const { clock, store, tableName, client } = await legacyStore('legacy', 1);
    const recorder = recordWrites(client, tableName);
    clock.now += 5 * MINUTE;
    const committedAt = clock.now;
    // Account 2 changes, the referendum goes, accounts 1, 3 and 4 stay.
    const second = await store.writeVersion({}, [account(1), account(2, 7n), account(3), account(4)]);
    expect(second).toMatchObject({ entitiesChanged: 1, entitiesRemoved: 1, entitiesRefreshed: 1 });
    const marked = recorder
      .keys()
      .filter((k) => k.op === 'UpdateItem' && k.pk !== 'META')
      .map((k) => `${k.pk} ${k.sk}`)
      .sort();
    // Changed, removed and refreshed heads, the legacy chunk, the legacy record, then the tombstone.
    expect(marked).toEqual(
      [
        `E#account#${address(1)} ${v(1)}`,
        `E#account#${address(2)} ${v(1)}`,
        `E#referendum#500 ${v(1)}`,
        `E#referendum#500 ${v(2)}`,
        `MANIFEST ${v(1)}#00000`,
        `VERSION ${v(1)}`,
      ].sort(),
    );
    expect(second.supersededWrites).toBe(marked.length);

    const rows = await scanTable(client, tableName);
    const row = (pk: string, sk: string) => rows.find((r) => r.pk === pk && r.sk === sk);
    const markExp = sec(committedAt + MARGIN);
    expect(row(`E#account#${address(2)}`, v(1))).toMatchObject({ exp: markExp, sup: 2 });
    expect(row(`E#account#${address(1)}`, v(1))).toMatchObject({ exp: markExp, sup: 2 });
    const hidden = row('E#referendum#500', v(1));
    const tombstone = row('E#referendum#500', v(2));
    expect(hidden).toMatchObject({ exp: markExp, sup: 2 });
    expect(tombstone).toMatchObject({ t: true, exp: markExp + RETENTION / 1000 });
    expect(tombstone!.exp!).toBeGreaterThan(hidden!.exp!);
    // Accounts 3 and 4 wait for later runs: legacy items never expire, so nothing is lost meanwhile.
    expect(row(`E#account#${address(3)}`, v(1))?.exp).toBeUndefined();
    expect(await store.getEntity('account', address(2))).toEqual(account(2, 7n).data);
    expect(await store.getEntity('account', address(3))).toEqual(account(3).data);
    expect(await store.getEntity('referendum', '500')).toBeUndefined();

    // The legacy rule still holds: with the tombstone gone, `sup` hides the item under it.
    await client.send(
      new DeleteItemCommand({
        TableName: tableName,
        Key: { pk: { S: 'E#referendum#500' }, sk: { S: v(2) } },
      }),
    );
    expect(await store.getEntity('referendum', '500')).toBeUndefined();

    const entities = [account(1), account(2, 7n), account(3), account(4)];
    clock.now += 5 * MINUTE;
    expect(await store.writeVersion({}, entities)).toMatchObject({
      entitiesRefreshed: 1,
      supersededWrites: 1,
    });
    clock.now += 5 * MINUTE;
    expect(await store.writeVersion({}, entities)).toMatchObject({
      entitiesRefreshed: 1,
      supersededWrites: 1,
    });
    // Fully migrated: nothing left to mark or refresh.
    clock.now += 5 * MINUTE;
    recorder.reset();
    const done = await store.writeVersion({}, entities);
    expect(done).toMatchObject({ entitiesRefreshed: 0, supersededWrites: 0, manifestChunksWritten: 0 });
    expect(recorder.keys().filter((k) => k.op === 'UpdateItem' && k.pk !== 'META')).toEqual([]);
    const current = (await scanTable(client, tableName)).filter(
      (r) => r.pk.startsWith('E#account#') && r.sup === undefined,
    );
    expect(current.every((r) => typeof r.exp === 'number')).toBe(true);
    for (const e of entities) expect(await store.getEntity(e.kind, e.id)).toEqual(e.data);
    recorder.stop();
  });
});
