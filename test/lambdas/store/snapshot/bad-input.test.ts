import { describe, expect, it } from 'vitest';
import { localDynamoClient } from '../../../../dev/dynamodb/client.js';
import { createDynamoStore } from '../../../../lambdas/store/snapshot/index.js';
import {
  InvalidInputError,
  RunStateError,
  StoreUnavailableError,
} from '../../../../lambdas/store/table/index.js';
import { account, address } from './fixtures.js';
import { useStoreHarness } from './store-setup.js';

const harness = useStoreHarness();

class Point {
  x = 1;
}

const circular: Record<string, unknown> = { a: 1 };
circular.self = circular;

describe('bad input gets a clear error', () => {
  const cases: Array<[string, unknown, RegExp]> = [
    ['a missing kind', { id: 'x', data: 1 }, /missing its kind/],
    ['a missing id', { kind: 'account', data: 1 }, /account is missing its id/],
    ['an empty id', { kind: 'account', id: '', data: 1 }, /non-empty string/],
    ['a numeric id', { kind: 'referendum', id: 5, data: 1 }, /non-empty string, got number/],
    ['a kind with #', { kind: 'acc#ount', id: 'x', data: 1 }, /kind "acc#ount" is invalid/],
    ['missing data', { kind: 'account', id: 'x' }, /account\/x is missing its data/],
    ['null instead of an entity', null, /must be an object/],
    [
      'a function',
      { kind: 'era', id: '1', data: { f: () => 1 } },
      /era\/1\.f is not serialisable: a function/,
    ],
    ['NaN', { kind: 'era', id: '1', data: { n: Number.NaN } }, /era\/1\.n .*not a finite number/],
    ['a symbol', { kind: 'era', id: '1', data: [Symbol('s')] }, /era\/1\[0\] .*symbol/],
    ['a Map', { kind: 'era', id: '1', data: { m: new Map() } }, /plain objects .* not Map/],
    ['a Date', { kind: 'era', id: '1', data: new Date(0) }, /not Date/],
    ['a class instance', { kind: 'era', id: '1', data: new Point() }, /not Point/],
    ['a circular reference', { kind: 'era', id: '1', data: circular }, /era\/1\.self .*circular/],
    [
      'undefined in an array',
      { kind: 'era', id: '1', data: [1, undefined] },
      /era\/1\[1\] .*undefined inside an array/,
    ],
  ];

  it.each(cases)(
    'rejects %s and fails the run so it cannot commit a partial set',
    async (_name, entity, message) => {
      const { store } = await harness.fresh('bad');
      await store.writeVersion({}, [account(1)]);
      const run = await store.beginVersion({});
      const error = await run.write([account(2), entity as never]).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(InvalidInputError);
      expect((error as Error).message).toMatch(message);
      await expect(run.commit()).rejects.toBeInstanceOf(RunStateError);
      await run.abort();
      expect((await store.getPointer())?.version).toBe(1);
      expect(await store.getEntity('account', address(2))).toBeUndefined();
    },
  );

  it('rejects the same entity twice in one version', async () => {
    const { store } = await harness.fresh('dup');
    await expect(store.writeVersion({}, [account(1), account(1)])).rejects.toThrow(
      /appears twice in version 1/,
    );
    expect(await store.getPointer()).toBeUndefined();
  });

  it('rejects non-iterables, bad meta and bad summaries', async () => {
    const { store } = await harness.fresh('shapes');
    const run = await store.beginVersion({});
    await expect(run.write(42 as never)).rejects.toThrow(/iterable/);
    await expect(store.beginVersion({ when: new Date() })).rejects.toThrow(/meta\.when .*not Date/);
    const other = await store.beginVersion({});
    await other.write([account(1)]);
    await expect(other.commit({ bad: () => 0 })).rejects.toThrow(/summary\.bad/);
  });

  it('rejects bad read arguments instead of querying', async () => {
    const { store } = await harness.fresh('reads');
    await expect(store.getEntity('Bad Kind', 'x')).rejects.toBeInstanceOf(InvalidInputError);
    await expect(store.getEntity('account', '')).rejects.toBeInstanceOf(InvalidInputError);
    await expect(store.getEntities('account', ['ok', 7 as never])).rejects.toBeInstanceOf(InvalidInputError);
    expect(await store.getVersionInfo(-1)).toBeUndefined();
  });

  it('refuses overlapping calls on one run', async () => {
    const { store } = await harness.fresh('busy');
    const run = await store.beginVersion({});
    const first = run.write([account(1)]);
    await expect(run.commit()).rejects.toThrow(/while another call is running/);
    await first;
    await expect(run.commit()).resolves.toMatchObject({ version: 1 });
    await expect(run.abort()).rejects.toThrow(/committed/);
  });

  it('reports a store that cannot be reached as StoreUnavailableError', async () => {
    const client = localDynamoClient('http://127.0.0.1:9', 1);
    const store = createDynamoStore({ client, tableName: 'herald-nowhere' });
    await expect(store.getPointer()).rejects.toBeInstanceOf(StoreUnavailableError);
    await expect(store.beginVersion({})).rejects.toBeInstanceOf(StoreUnavailableError);
    client.destroy();
  });

  it('reports a missing table as StoreUnavailableError naming it', async () => {
    const store = createDynamoStore({ client: harness.dynamo().client, tableName: 'no-such-table' });
    await expect(store.getEntity('account', 'x')).rejects.toThrow(/table no-such-table does not exist/);
  });

  it('rejects a store without a client or table name', () => {
    expect(() => createDynamoStore({} as never)).toThrow(InvalidInputError);
  });

  it('rejects expiry settings under which current items could expire', () => {
    const base = { client: harness.dynamo().client, tableName: 'herald' };
    const day = 24 * 60 * 60_000;
    expect(() => createDynamoStore({ ...base, itemLifetimeMs: day, refreshMarginMs: day })).toThrow(
      /refreshMarginMs must be shorter/,
    );
    expect(() => createDynamoStore({ ...base, itemLifetimeMs: 0 })).toThrow(InvalidInputError);
    expect(() => createDynamoStore({ ...base, maxRefreshesPerRun: 1.5 })).toThrow(/maxRefreshesPerRun/);
    expect(() => createDynamoStore({ ...base, itemLifetimeMs: day })).not.toThrow();
  });
});
