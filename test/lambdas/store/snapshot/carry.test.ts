import { describe, expect, it } from 'vitest';
import type { Entity } from '../../../../core/snapshot/entities.js';
import { InvalidInputError } from '../../../../lambdas/store/table/index.js';
import { recordWrites } from '../../../helpers/dynamo.js';
import { account, address, referendum } from './fixtures.js';
import { useStoreHarness } from './store-setup.js';

const harness = useStoreHarness();

const DAY = 24 * 60 * 60_000;
const T0 = Date.parse('2031-08-01T00:00:00Z');
const ref = (e: Entity) => ({ kind: e.kind, id: e.id });
const accounts = (n: number): Entity[] => Array.from({ length: n }, (_, i) => account(i));

describe('carrying entities of the base version without their data', () => {
  it('carried entities read back as the base held them, and nothing is written for them', async () => {
    const { store, tableName } = await harness.fresh('carry');
    const recorder = recordWrites(harness.dynamo().client, tableName);
    await store.writeVersion({}, [...accounts(5), referendum(500)]);
    const before = await store.getEntities(
      'account',
      accounts(5).map((e) => e.id),
    );
    recorder.reset();

    const run = await store.beginVersion({});
    expect(await run.carry(accounts(5).map(ref))).toBe(true);
    await run.write([referendum(500, 7n), referendum(501)]);
    const result = await store.commit(run);

    expect(result).toMatchObject({
      entitiesSeen: 7,
      entitiesCarried: 5,
      entitiesUnchanged: 5,
      entitiesChanged: 1,
      entitiesAdded: 1,
      entitiesRemoved: 0,
    });
    const entityWrites = recorder
      .keys()
      .filter((k) => k.pk.startsWith('E#'))
      .map((k) => k.pk)
      .sort();
    expect(entityWrites).toEqual(['E#referendum#500', 'E#referendum#501']);
    const after = await store.getEntities(
      'account',
      accounts(5).map((e) => e.id),
    );
    expect(after).toEqual(before);
    expect(await store.getEntity('referendum', '501')).toEqual(referendum(501).data);
    recorder.stop();
  });

  it('an entity of the base neither carried nor written is removed', async () => {
    const { store } = await harness.fresh('carry-removed');
    await store.writeVersion({}, accounts(3));
    const run = await store.beginVersion({});
    expect(await run.carry(accounts(2).map(ref))).toBe(true);
    const result = await store.commit(run);
    expect(result).toMatchObject({ entitiesCarried: 2, entitiesRemoved: 1 });
    expect(await store.getEntity('account', address(2))).toBeUndefined();
    expect(await store.getEntity('account', address(1))).toEqual(account(1).data);
  });

  it('refuses, carrying nothing, when one entity is not in the base; the caller then writes them', async () => {
    const { store } = await harness.fresh('carry-missing');
    await store.writeVersion({}, accounts(2));
    const run = await store.beginVersion({});
    expect(await run.carry([...accounts(2).map(ref), ref(referendum(9))])).toBe(false);
    // Nothing was carried: writing the same entities is not a duplicate.
    await run.write([...accounts(2), referendum(9)]);
    const result = await store.commit(run);
    expect(result).toMatchObject({ entitiesCarried: 0, entitiesUnchanged: 2, entitiesAdded: 1 });
    expect(await store.getEntity('referendum', '9')).toEqual(referendum(9).data);
  });

  it('refuses an entity whose item is due for a refresh, which needs its data written again', async () => {
    const clock = { now: T0 };
    const { store } = await harness.fresh('carry-refresh', { now: () => clock.now });
    await store.writeVersion({}, accounts(3));
    clock.now = T0 + 3 * DAY;
    const run = await store.beginVersion({});
    expect(await run.carry(accounts(3).map(ref))).toBe(false);
    await run.write(accounts(3));
    const result = await store.commit(run);
    expect(result).toMatchObject({ entitiesCarried: 0, entitiesRefreshed: 3 });
  });

  it('an entity carried twice, or carried and written, is refused as a duplicate', async () => {
    const { store } = await harness.fresh('carry-twice');
    await store.writeVersion({}, accounts(2));
    const twice = await store.beginVersion({});
    await expect(twice.carry([ref(account(0)), ref(account(0))])).rejects.toBeInstanceOf(InvalidInputError);
    await twice.abort();
    const both = await store.beginVersion({});
    expect(await both.carry([ref(account(0))])).toBe(true);
    await expect(both.write([account(0)])).rejects.toThrow(/appears twice/);
    await both.abort();
    await expect((await store.beginVersion({})).carry([{ kind: 'Bad#', id: 'x' }])).rejects.toThrow(
      /entity kind/,
    );
  });
});
