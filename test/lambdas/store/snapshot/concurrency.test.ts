import { describe, expect, it } from 'vitest';
import { RunStateError, VersionConflictError } from '../../../../lambdas/store/table/index.js';
import { scanTable } from '../../../helpers/dynamo.js';
import { account, address, referendum, status } from './fixtures.js';
import { useStoreHarness } from './store-setup.js';

const harness = useStoreHarness();

describe('overlapping and failing runs', () => {
  it('the older of two overlapping runs loses and its items never become visible', async () => {
    const { store } = await harness.fresh('overlap');
    await store.writeVersion({ run: 'base' }, [account(1), account(2), referendum(500)]);

    const older = await store.beginVersion({ run: 'older' });
    const newer = await store.beginVersion({ run: 'newer' });
    expect([older.version, newer.version]).toEqual([2, 3]);
    // The older run changes account 1; the newer one leaves it as it was and changes account 2.
    await older.write([account(1, 111n), account(2), referendum(500), status(2)]);
    await newer.write([account(1), account(2, 222n), referendum(500)]);

    await expect(older.commit()).rejects.toBeInstanceOf(VersionConflictError);
    const committed = await newer.commit();
    expect(committed.version).toBe(3);

    const pointer = await store.getPointer();
    expect(pointer).toMatchObject({ version: 3, meta: { run: 'newer' }, aborted: [2] });
    expect(await store.getEntity('account', address(1))).toEqual(account(1).data);
    expect(await store.getEntity('account', address(2))).toEqual(account(2, 222n).data);
    expect(await store.getEntity('status', 'chain')).toBeUndefined();
  });

  it('a loser that writes after the winner committed still stays invisible', async () => {
    const { store } = await harness.fresh('late-loser');
    await store.writeVersion({}, [account(1), account(2)]);
    const older = await store.beginVersion({ run: 'older' });
    const newer = await store.beginVersion({ run: 'newer' });
    await newer.write([account(1), account(2)]);
    await newer.commit();
    await older.write([account(1, 5n), account(2, 5n), account(3)]);
    const conflict = await older.commit().catch((error: unknown) => error);
    expect(conflict).toBeInstanceOf(VersionConflictError);
    expect(conflict).toMatchObject({ version: 2, pointer: 3, newestStarted: 3 });
    expect(await store.getEntity('account', address(1))).toEqual(account(1).data);
    expect(await store.getEntity('account', address(3))).toBeUndefined();
    await expect(older.write([account(4)])).rejects.toBeInstanceOf(RunStateError);
  });

  it('a newer run that started before an older one commits fences the older one out', async () => {
    const { store } = await harness.fresh('fence');
    await store.writeVersion({}, [account(1)]);
    const older = await store.beginVersion({});
    await older.write([account(1, 1n)]);
    const newer = await store.beginVersion({});
    await expect(older.commit()).rejects.toBeInstanceOf(VersionConflictError);
    await newer.write([account(1, 2n)]);
    await newer.commit();
    expect(await store.getEntity('account', address(1))).toEqual(account(1, 2n).data);
    expect((await store.getPointer())?.version).toBe(3);
  });

  it('runs racing for the flip leave exactly one winner, the newest', async () => {
    const { store } = await harness.fresh('race');
    await store.writeVersion({}, [account(1)]);
    const runs = await Promise.all([1, 2, 3, 4].map((n) => store.beginVersion({ n })));
    await Promise.all(runs.map((run, i) => run.write([account(1, BigInt(i + 10))])));
    const outcomes = await Promise.allSettled(runs.map((run) => run.commit()));
    const won = outcomes.filter((o) => o.status === 'fulfilled');
    expect(won).toHaveLength(1);
    const newest = Math.max(...runs.map((r) => r.version));
    const winner = runs.findIndex((r) => r.version === newest);
    expect(outcomes[winner]?.status).toBe('fulfilled');
    expect((await store.getPointer())?.version).toBe(newest);
    expect(await store.getEntity('account', address(1))).toEqual(account(1, BigInt(winner + 10)).data);
  });

  it('a reader during a write sees the old version whole, then the new one whole', async () => {
    const { store } = await harness.fresh('reader');
    const ids = Array.from({ length: 40 }, (_, i) => i);
    await store.writeVersion(
      { v: 1 },
      ids.map((i) => account(i)),
    );
    const run = await store.beginVersion({ v: 2 });
    for (let start = 0; start < ids.length; start += 10) {
      // Each write() call puts its items in the table before it returns.
      const progress = await run.write(ids.slice(start, start + 10).map((i) => account(i, 1n)));
      expect(progress.entitiesChanged).toBe(start + 10);
      const seen = await store.getEntities('account', ids.map(address));
      expect([...seen.values()]).toEqual(ids.map((n) => account(n).data));
    }
    const before = await store.getEntities('account', ids.map(address));
    expect([...before.values()]).toEqual(ids.map((n) => account(n).data));
    const heldPointer = (await store.getPointer())!;
    await run.commit();
    const after = await store.getEntities('account', ids.map(address));
    expect([...after.values()]).toEqual(ids.map((n) => account(n, 1n).data));
    // A reader still holding the old pointer keeps getting the old version during the grace period.
    expect(await store.getEntity('account', address(3), { pointer: heldPointer })).toEqual(account(3).data);
  });

  it('a run that fails mid-stream leaves the previous version served', async () => {
    const { store } = await harness.fresh('failed');
    await store.writeVersion({ v: 1 }, [account(1), account(2), referendum(500)]);
    async function* endpointDies() {
      yield account(1, 9n);
      yield account(2, 9n);
      throw new Error('wss://kusama-asset-hub-rpc: connection refused');
    }
    await expect(store.writeVersion({ v: 2 }, endpointDies())).rejects.toThrow('connection refused');
    expect(await store.getPointer()).toMatchObject({ version: 1, meta: { v: 1 } });
    expect(await store.getEntity('account', address(1))).toEqual(account(1).data);
    expect(await store.getEntity('referendum', '500')).toEqual(referendum(500).data);
  });

  it('a crash between the writes and the flip: orphans stay hidden, then get reaped', async () => {
    let clock = Date.parse('2031-08-01T00:00:00Z');
    const { store, tableName } = await harness.fresh('crash', { now: () => clock, maxRunMs: 60_000 });
    const client = harness.dynamo().client;
    await store.writeVersion({}, [account(1), account(2)]);
    const crashed = await store.beginVersion({});
    await crashed.write([account(1, 7n), account(2), account(3)]);
    // No commit, no abort: the process died here.
    expect(await store.getEntity('account', address(1))).toEqual(account(1).data);

    clock += 1_000;
    const next = await store.writeVersion({}, [account(1), account(2, 8n)]);
    expect(next.version).toBe(3);
    expect(next.reapedItems).toBe(0);
    expect((await store.getPointer())?.aborted).toEqual([2]);
    expect(await store.getEntity('account', address(1))).toEqual(account(1).data);
    expect(await store.getEntity('account', address(3))).toBeUndefined();
    const orphans = (await scanTable(client, tableName)).filter((r) => r.sk.startsWith('V#000000000002'));
    expect(orphans.length).toBeGreaterThan(0);

    clock += 60_000 + 60_000 + 1;
    const reaped = await store.reapAborted();
    expect(reaped.versionsReaped).toEqual([2]);
    expect(reaped.itemsDeleted).toBeGreaterThanOrEqual(orphans.length);
    const left = (await scanTable(client, tableName)).filter((r) => r.sk.startsWith('V#000000000002'));
    expect(left).toEqual([]);
    expect((await store.getPointer())?.aborted).toEqual([]);
    expect(await store.getEntity('account', address(1))).toEqual(account(1).data);
  });

  it('abort deletes what the run wrote', async () => {
    const { store, tableName } = await harness.fresh('abort');
    const client = harness.dynamo().client;
    await store.writeVersion({}, [account(1)]);
    const before = await scanTable(client, tableName);
    const run = await store.beginVersion({});
    await run.write([account(1, 1n), account(2)]);
    const aborted = await run.abort();
    expect(aborted.itemsDeleted).toBeGreaterThanOrEqual(3);
    const after = await scanTable(client, tableName);
    expect(after.map((r) => `${r.pk} ${r.sk}`).sort()).toEqual(before.map((r) => `${r.pk} ${r.sk}`).sort());
    await expect(run.commit()).rejects.toBeInstanceOf(RunStateError);
    const next = await store.writeVersion({}, [account(1), account(2)]);
    expect(next.version).toBe(3);
    expect(await store.getEntity('account', address(2))).toEqual(account(2).data);
  });

  it('a run past its deadline may no longer write', async () => {
    let clock = 0;
    const { store } = await harness.fresh('deadline', { now: () => clock, maxRunMs: 1_000 });
    const run = await store.beginVersion({});
    clock = 1_001;
    await expect(run.write([account(1)])).rejects.toThrow(/deadline/);
    await expect(run.commit()).rejects.toBeInstanceOf(RunStateError);
    expect(await store.getPointer()).toBeUndefined();
  });
});
