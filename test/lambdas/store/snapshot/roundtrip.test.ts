import { describe, expect, it } from 'vitest';
import { account, address, smallSnapshot, validator } from './fixtures.js';
import { useStoreHarness } from './store-setup.js';

const harness = useStoreHarness();

describe('store round trip', () => {
  it('returns undefined everywhere before the first commit', async () => {
    const { store } = await harness.fresh('empty');
    expect(await store.getPointer()).toBeUndefined();
    expect(await store.getEntity('account', address(1))).toBeUndefined();
    expect((await store.getEntities('account', [address(1)])).size).toBe(0);
  });

  it('gives back every kind with its bigints, strings and nesting intact', async () => {
    const { store } = await harness.fresh('kinds');
    const entities = smallSnapshot();
    const result = await store.writeVersion({ block: 1, relay: 30_600_001n }, entities, { note: 'first' });
    expect(result.version).toBe(1);
    expect(result.entitiesAdded).toBe(entities.length);

    const pointer = await store.getPointer();
    expect(pointer).toMatchObject({ version: 1, meta: { block: 1, relay: 30_600_001n }, aborted: [] });
    for (const entity of entities) {
      expect(await store.getEntity(entity.kind, entity.id), `${entity.kind}/${entity.id}`).toEqual(
        entity.data,
      );
    }
    const info = await store.getVersionInfo(1);
    expect(info).toMatchObject({ version: 1, summary: { note: 'first' }, entityCount: entities.length });
    expect(await store.getVersionInfo(2)).toBeUndefined();
  });

  it('keeps bigints beyond 2^64, negative bigints and strings that look like tags', async () => {
    const { store } = await harness.fresh('edge-values');
    const data = {
      huge: 2n ** 200n,
      negative: -(10n ** 30n),
      zero: 0n,
      dollar: '$n123',
      dollars: '$$',
      empty: '',
      unicode: 'Kusama ⚡ 東京',
      nested: { list: [null, true, false, 0, -1.5, [2n]] },
    };
    await store.writeVersion({}, [{ kind: 'status', id: 'edge', data }]);
    const back = await store.getEntity<typeof data>('status', 'edge');
    expect(back).toEqual(data);
    expect(typeof back?.huge).toBe('bigint');
    expect(back?.dollar).toBe('$n123');
  });

  it('round-trips an entity far above the 400 KB item limit', async () => {
    const { store, tableName } = await harness.fresh('large');
    // A whale validator: 40,000 nominators with incompressible-looking addresses and stakes.
    const whale = validator(7, 40_000);
    const data = whale.data as { others: Array<{ who: string; value: bigint }> };
    data.others.forEach((o, i) => {
      o.who = `${o.who}${(i * 2_654_435_761).toString(36)}`;
      o.value = BigInt(i) * 1_000_000_007n;
    });
    const result = await store.writeVersion({}, [whale, account(1)]);
    expect(result.bytesWritten).toBeGreaterThan(400 * 1024);
    expect(await store.getEntity('validator', whale.id)).toEqual(whale.data);
    const { scanTable } = await import('../../../helpers/dynamo.js');
    const parts = (await scanTable(harness.dynamo().client, tableName)).filter((r) =>
      r.pk.startsWith('P#E#validator#'),
    );
    expect(parts.length).toBeGreaterThan(0);
  });

  it('reads many ids at once and leaves out the ones that do not exist', async () => {
    const { store } = await harness.fresh('many');
    const entities = Array.from({ length: 60 }, (_, i) => account(i));
    await store.writeVersion({}, entities);
    const ids = [...entities.map((e) => e.id), 'nobody', address(1)];
    const found = await store.getEntities('account', ids);
    expect(found.size).toBe(60);
    expect(found.get(address(5))).toEqual(account(5).data);
    expect(found.has('nobody')).toBe(false);
  });

  it('serves a held pointer and a cached one without rereading', async () => {
    const { store } = await harness.fresh('cache', { pointerCacheMs: 60_000 });
    await store.writeVersion({ n: 1 }, [account(1)]);
    const first = await store.getPointer();
    await store.writeVersion({ n: 2 }, [account(1, 5n)]);
    expect(await store.getPointer()).toBe(first);
    expect(await store.getEntity('account', address(1))).toEqual(account(1).data);
    expect(await store.getEntity('account', address(1), { pointer: { ...first!, version: 2 } })).toEqual(
      account(1, 5n).data,
    );
  });
});
