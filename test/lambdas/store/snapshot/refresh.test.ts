import { DynamoDBDocumentClient, GetCommand } from '@aws-sdk/lib-dynamodb';
import { describe, expect, it } from 'vitest';
import type { Entity } from '../../../../core/snapshot/entities.js';
import type { DynamoStoreOptions } from '../../../../lambdas/store/snapshot/index.js';
import { directoryOfRecord } from '../../../../lambdas/store/snapshot/manifest.js';
import { recordWrites, scanTable } from '../../../helpers/dynamo.js';
import { account, address, referendum } from './fixtures.js';
import { useStoreHarness } from './store-setup.js';

const harness = useStoreHarness();

const MINUTE = 60_000;
const DAY = 24 * 60 * MINUTE;
const LIFETIME = 4 * DAY;
const MARGIN = 2 * DAY;
const T0 = Date.parse('2031-08-01T00:00:00Z');
const sec = (ms: number) => Math.ceil(ms / 1000);

async function clockedStore(label: string, options: Partial<DynamoStoreOptions> = {}) {
  const clock = { now: T0 };
  const { store, tableName } = await harness.fresh(label, { now: () => clock.now, ...options });
  return { clock, store, tableName, client: harness.dynamo().client };
}

const accounts = (n: number, bump = (_i: number) => 0n): Entity[] =>
  Array.from({ length: n }, (_, i) => account(i, bump(i)));

/** Version of each account's newest item. */
async function newestVersions(client: Parameters<typeof scanTable>[0], tableName: string, n: number) {
  const rows = await scanTable(client, tableName);
  return Array.from({ length: n }, (_, i) =>
    Math.max(...rows.filter((r) => r.pk === `E#account#${address(i)}`).map((r) => Number(r.sk.slice(2)))),
  );
}

async function directoryOf(client: Parameters<typeof scanTable>[0], tableName: string, version: number) {
  const doc = DynamoDBDocumentClient.from(client);
  const key = { pk: 'VERSION', sk: `V#${String(version).padStart(12, '0')}` };
  const out = await doc.send(new GetCommand({ TableName: tableName, Key: key }));
  return directoryOfRecord(out.Item ?? {}, `version ${version}`);
}

describe('refreshing items before they expire', () => {
  it('rewrites unchanged entities once they are within the margin, capped per run, and readers see the same data', async () => {
    const { clock, store, tableName, client } = await clockedStore('refresh', { maxRefreshesPerRun: 4 });
    const recorder = recordWrites(client, tableName);
    await store.writeVersion({}, [...accounts(10), referendum(500)]);

    clock.now = T0 + LIFETIME - MARGIN - MINUTE;
    const early = await store.writeVersion({}, [...accounts(10), referendum(500, 1n)]);
    expect(early).toMatchObject({ entitiesChanged: 1, entitiesRefreshed: 0, refreshedItems: 0 });
    const before = await store.getEntities(
      'account',
      accounts(10).map((e) => e.id),
    );

    clock.now = T0 + LIFETIME - MARGIN + MINUTE;
    recorder.reset();
    const first = await store.writeVersion({}, [...accounts(10), referendum(500, 1n)]);
    expect(first).toMatchObject({
      entitiesRefreshed: 4,
      entitiesUnchanged: 7,
      entitiesChanged: 0,
    });
    // 4 entity items, and the one manifest chunk, rewritten only because of them.
    expect(first.refreshedItems).toBe(5);
    expect(first.manifestChunksWritten).toBe(1);
    const refreshedKeys = recorder.keys().filter((k) => k.op === 'BatchPut' && k.pk.startsWith('E#'));
    expect(refreshedKeys).toHaveLength(4);
    expect(recorder.keys().filter((k) => k.op === 'UpdateItem' && k.pk !== 'META')).toEqual([]);
    const after = await store.getEntities(
      'account',
      accounts(10).map((e) => e.id),
    );
    expect(after).toEqual(before);
    expect(await store.getEntity('referendum', '500')).toEqual(referendum(500, 1n).data);

    const rows = await scanTable(client, tableName);
    for (const key of refreshedKeys) {
      const row = rows.find((r) => r.pk === key.pk && r.sk === key.sk);
      expect(row?.exp).toBe(sec(clock.now + LIFETIME));
    }

    clock.now += 5 * MINUTE;
    const second = await store.writeVersion({}, [...accounts(10), referendum(500, 1n)]);
    expect(second.entitiesRefreshed).toBe(4);
    clock.now += 5 * MINUTE;
    const third = await store.writeVersion({}, [...accounts(10), referendum(500, 1n)]);
    expect(third.entitiesRefreshed).toBe(2);
    clock.now += 5 * MINUTE;
    const fourth = await store.writeVersion({}, [...accounts(10), referendum(500, 1n)]);
    expect(fourth).toMatchObject({ entitiesRefreshed: 0, refreshedItems: 0, manifestChunksWritten: 0 });
    expect(fourth.itemsWritten).toBeLessThanOrEqual(5);
    // Same exp for all: the refreshes go by bucket, then key (one bucket here), 4 a run.
    expect(await newestVersions(client, tableName, 10)).toEqual([3, 3, 3, 3, 4, 4, 4, 4, 5, 5]);
    expect(
      await store.getEntities(
        'account',
        accounts(10).map((e) => e.id),
      ),
    ).toEqual(before);
    recorder.stop();
  });

  it('refreshes the oldest first', async () => {
    const { clock, store, tableName, client } = await clockedStore('oldest-first', { maxRefreshesPerRun: 5 });
    await store.writeVersion({}, accounts(10));
    clock.now = T0 + 60 * MINUTE;
    // Accounts 5-9 change an hour later, so their items expire an hour later.
    await store.writeVersion(
      {},
      accounts(10, (i) => (i >= 5 ? 1n : 0n)),
    );
    clock.now = T0 + LIFETIME - MARGIN + 2 * 60 * MINUTE;
    const result = await store.writeVersion(
      {},
      accounts(10, (i) => (i >= 5 ? 1n : 0n)),
    );
    expect(result.entitiesRefreshed).toBe(5);
    expect(await newestVersions(client, tableName, 10)).toEqual([3, 3, 3, 3, 3, 2, 2, 2, 2, 2]);
  });

  it('rewrites everything under half the margin regardless of the cap', async () => {
    const { clock, store } = await clockedStore('forced', { maxRefreshesPerRun: 3 });
    await store.writeVersion({}, accounts(10));
    clock.now = T0 + LIFETIME - MARGIN / 2 + MINUTE;
    const result = await store.writeVersion({}, accounts(10));
    expect(result.entitiesRefreshed).toBe(10);
  });

  it('rewrites items that already expired but were not deleted, and tombstones what left', async () => {
    const { clock, store } = await clockedStore('expired-present', { maxRefreshesPerRun: 2 });
    await store.writeVersion({}, [...accounts(6), referendum(500)]);
    clock.now = T0 + LIFETIME + 60 * MINUTE;
    expect(await store.getEntity('account', address(2))).toBeUndefined();
    const result = await store.writeVersion({}, accounts(6));
    expect(result).toMatchObject({ entitiesRefreshed: 6, entitiesRemoved: 1, warnings: [] });
    expect(
      await store.getEntities(
        'account',
        accounts(6).map((e) => e.id),
      ),
    ).toEqual(new Map(accounts(6).map((e) => [e.id, e.data])));
    expect(await store.getEntity('referendum', '500')).toBeUndefined();
  });

  it('keeps every manifest chunk of the current version, even an empty one, clear of its exp', async () => {
    const { clock, store, tableName, client } = await clockedStore('chunks');
    await store.writeVersion({}, accounts(400));
    clock.now += MINUTE;
    // Two accounts left: the bucket count stays (within a factor of four), most buckets are empty.
    await store.writeVersion({}, accounts(2));
    const dir = await directoryOf(client, tableName, 2);
    expect(dir.buckets).toBeGreaterThan(2);
    expect(dir.chunks.filter((c) => c.count === 0).length).toBeGreaterThan(0);

    clock.now = T0 + LIFETIME - MARGIN + 2 * MINUTE;
    const result = await store.writeVersion({}, accounts(2));
    expect(result.entitiesRefreshed).toBe(2);
    expect(result.manifestChunksWritten).toBe(dir.buckets);
    const now = await directoryOf(client, tableName, 3);
    for (const ref of now.chunks) expect(ref.exp! * 1000).toBeGreaterThanOrEqual(clock.now + MARGIN);
  });

  it('gives long-lived kinds a 30-day lifetime: no refresh while an ordinary item is refreshed', async () => {
    const { clock, store, tableName, client } = await clockedStore('long-lived');
    const era: Entity = { kind: 'stake-era', id: '9781.3', data: { rows: [] } };
    await store.writeVersion({}, [...accounts(2), era]);
    const rows = await scanTable(client, tableName);
    const head = rows.find((r) => r.pk === 'E#stake-era#9781.3');
    expect(Number(head?.exp)).toBe(sec(T0 + 30 * DAY));

    clock.now = T0 + LIFETIME - MARGIN + MINUTE;
    const result = await store.writeVersion({}, [...accounts(2), era]);
    expect(result.entitiesRefreshed).toBe(2);
    expect(await newestVersions(client, tableName, 2)).toEqual([2, 2]);
    const eraVersions = (await scanTable(client, tableName)).filter((r) => r.pk === 'E#stake-era#9781.3');
    expect(eraVersions.map((r) => r.sk)).toEqual(['V#000000000001']);
    clock.now = T0 + 20 * DAY;
    expect(await store.getEntity('stake-era', '9781.3')).toEqual({ rows: [] });
  });
});
