import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SubscriptionStore } from '../../../../core/ports/subscription-store.js';
import type { SubscriptionSpec, Target } from '../../../../core/subscriptions/subscription-model.js';
import { createSubscriptionStore } from '../../../../lambdas/store/subscriptions/index.js';
import { InvalidInputError } from '../../../../lambdas/store/table/index.js';
import { recordWrites, scanTable, startTestDynamo, type TestDynamo } from '../../../helpers/dynamo.js';

const CHAT: Target = { platform: 'telegram', kind: 'chat', id: '-1001234', createdBy: '77' };
const CHANNEL: Target = { platform: 'discord', kind: 'channel', id: '123456789012345678', createdBy: '5' };
const A = 'HNZata7iMYWmk5RvZRTiAsSDhV8366zq2YGb3tLH5Upf74F';
const B = 'FipBhV2SiNH86Mn8KcTJnZGyB7AsrFgtf17gZKNeLvXkxd9';
const referenda = (track: number | null): SubscriptionSpec => ({ kind: 'referenda', track });
const deadlines = (leadMinutes: number[], referendum?: number): SubscriptionSpec => ({
  kind: 'deadlines',
  scope: referendum === undefined ? { type: 'all' } : { type: 'referendum', referendum },
  leadMinutes,
});

let dynamo: TestDynamo;
let clock = 1_000;
async function fresh(label: string, limits: { maxPerTarget?: number; maxAddressesPerTarget?: number } = {}) {
  const tableName = await dynamo.newTable(label);
  return {
    tableName,
    store: createSubscriptionStore({ client: dynamo.client, tableName, now: () => clock++, ...limits }),
  };
}

beforeAll(async () => {
  dynamo = await startTestDynamo();
});
afterAll(async () => {
  await dynamo?.close();
});

describe('subscribe', () => {
  it('is idempotent: the same spec twice is one subscription and one index item', async () => {
    const { store, tableName } = await fresh('idempotent');
    const first = await store.subscribe(CHAT, referenda(32));
    expect(first).toMatchObject({ outcome: 'created', count: 1, reenabled: false });
    const again = await store.subscribe(CHAT, referenda(32));
    expect(again).toMatchObject({ outcome: 'unchanged', count: 1 });
    if (first.outcome === 'limit-reached' || again.outcome === 'limit-reached') throw new Error('limit');
    expect(again.subscription.id).toBe(first.subscription.id);
    const rows = await scanTable(dynamo.client, tableName);
    expect(rows.map((r) => `${r.pk}|${r.sk}`).sort()).toEqual([
      'SUBX#referenda|t32#telegram:chat:-1001234',
      'TGT#telegram#chat#-1001234|T',
    ]);
  });

  it('new lead times update a deadline subscription instead of adding one', async () => {
    const { store } = await fresh('leads');
    await store.subscribe(CHAT, deadlines([1440, 60]));
    const updated = await store.subscribe(CHAT, deadlines([120]));
    expect(updated).toMatchObject({ outcome: 'updated', count: 1 });
    const list = await store.listSubscriptions(CHAT);
    expect(list?.subscriptions.map((s) => s.spec)).toEqual([deadlines([120])]);
  });

  it('stops at the per-target limits and writes nothing when it does', async () => {
    const { store, tableName } = await fresh('limits', { maxPerTarget: 3, maxAddressesPerTarget: 1 });
    await store.subscribe(CHAT, { kind: 'address', address: A });
    const second = await store.subscribe(CHAT, { kind: 'address', address: B });
    expect(second).toEqual({ outcome: 'limit-reached', which: 'address', count: 1, limit: 1 });
    await store.subscribe(CHAT, referenda(null));
    await store.subscribe(CHAT, referenda(1));
    const recorder = recordWrites(dynamo.client, tableName);
    const full = await store.subscribe(CHAT, referenda(2));
    expect(full).toEqual({ outcome: 'limit-reached', which: 'total', count: 3, limit: 3 });
    // The put-if-absent of the record fails its condition; nothing else is attempted.
    expect(recorder.keys().filter((k) => k.op !== 'PutItem' && k.op !== 'UpdateItem')).toEqual([]);
    recorder.stop();
    expect((await store.listSubscriptions(CHAT))?.subscriptions).toHaveLength(3);
    // Other targets have their own allowance.
    expect((await store.subscribe(CHANNEL, referenda(2))).outcome).toBe('created');
  });

  it('concurrent subscribes on one target never exceed the limit', async () => {
    const { store } = await fresh('race', { maxPerTarget: 5 });
    const results = await Promise.all(
      Array.from({ length: 12 }, (_, i) => store.subscribe(CHAT, referenda(i))),
    );
    expect(results.filter((r) => r.outcome === 'created')).toHaveLength(5);
    expect(results.filter((r) => r.outcome === 'limit-reached')).toHaveLength(7);
    expect((await store.listSubscriptions(CHAT))?.subscriptions).toHaveLength(5);
  });

  it('refuses malformed targets and specs before writing', async () => {
    const { store, tableName } = await fresh('bad');
    const bad: Array<[Target, SubscriptionSpec]> = [
      [{ ...CHAT, kind: 'channel' }, referenda(null)],
      [{ ...CHAT, id: 'abc' }, referenda(null)],
      [CHAT, { kind: 'address', address: 'not-an-address' }],
      [CHAT, deadlines([5])],
      [CHAT, deadlines([60, 120])],
      [CHAT, { kind: 'weather' } as unknown as SubscriptionSpec],
    ];
    for (const [target, spec] of bad)
      await expect(store.subscribe(target, spec)).rejects.toBeInstanceOf(InvalidInputError);
    expect(await scanTable(dynamo.client, tableName)).toEqual([]);
  });
});

describe('unsubscribe', () => {
  it('by id, key, kind and all; counters follow, index items go', async () => {
    const { store, tableName } = await fresh('unsub', { maxPerTarget: 4 });
    const r = await store.subscribe(CHAT, referenda(null));
    await store.subscribe(CHAT, deadlines([60]));
    await store.subscribe(CHAT, deadlines([60], 412));
    await store.subscribe(CHAT, { kind: 'address', address: A });
    if (r.outcome === 'limit-reached') throw new Error('limit');
    expect(
      (await store.unsubscribe(CHAT, { type: 'id', id: r.subscription.id })).removed.map((s) => s.key),
    ).toEqual(['referenda:all']);
    expect((await store.unsubscribe(CHAT, { type: 'id', id: r.subscription.id })).removed).toEqual([]);
    const kind = await store.unsubscribe(CHAT, { type: 'kind', kind: 'deadlines' });
    expect(kind.removed.map((s) => s.key).sort()).toEqual(['deadlines:all', 'deadlines:r412']);
    expect(kind.remaining).toBe(1);
    // Room again for three more, counters were decremented.
    for (const t of [1, 2, 3]) expect((await store.subscribe(CHAT, referenda(t))).outcome).toBe('created');
    expect((await store.subscribe(CHAT, referenda(4))).outcome).toBe('limit-reached');
    expect((await store.unsubscribe(CHAT, { type: 'key', key: `address:${A}` })).removed).toHaveLength(1);
    expect((await store.unsubscribe(CHAT, { type: 'all' })).removed).toHaveLength(3);
    const rows = await scanTable(dynamo.client, tableName);
    expect(rows.filter((row) => row.pk.startsWith('SUBX#'))).toEqual([]);
    expect(await store.unsubscribe(CHANNEL, { type: 'all' })).toEqual({
      removed: [],
      remaining: 0,
      warnings: [],
    });
  });
});

describe('what the alert engine reads', () => {
  let store: SubscriptionStore;
  const DM: Target = { platform: 'discord', kind: 'dm', id: '99', createdBy: '99' };

  beforeAll(async () => {
    store = (await fresh('engine')).store;
    await store.subscribe(CHAT, referenda(null));
    await store.subscribe(CHANNEL, referenda(32));
    await store.subscribe(DM, referenda(33));
    await store.subscribe(CHAT, deadlines([1440, 60]));
    await store.subscribe(CHANNEL, {
      kind: 'deadlines',
      scope: { type: 'track', track: 11 },
      leadMinutes: [120],
    });
    await store.subscribe(DM, deadlines([30], 412));
    await store.subscribe(CHAT, { kind: 'address', address: A });
    await store.subscribe(DM, { kind: 'address', address: A });
    await store.subscribe(DM, { kind: 'address', address: B });
  });

  it('subscribers of a referendum event: all-track plus that track', async () => {
    const hits = await store.subscribersOf({ kind: 'referenda', track: 32 });
    expect(hits.map((h) => `${h.target.platform}:${h.subscription.key}`).sort()).toEqual([
      'discord:referenda:t32',
      'telegram:referenda:all',
    ]);
    expect(await store.subscribersOf({ kind: 'referenda' })).toHaveLength(3);
  });

  it('subscribers of a deadline: all, its track, the referendum itself, with their lead times', async () => {
    const hits = await store.subscribersOf({ kind: 'deadlines', track: 11, referendum: 412 });
    expect(
      // Sorted by scope type: map attributes come back in no fixed key order (DynamoDB Local differs from dynalite).
      hits
        .map((h) => h.subscription.spec)
        .sort((a, b) => ('scope' in a ? a.scope.type : '').localeCompare('scope' in b ? b.scope.type : '')),
    ).toEqual([
      { kind: 'deadlines', scope: { type: 'all' }, leadMinutes: [1440, 60] },
      { kind: 'deadlines', scope: { type: 'referendum', referendum: 412 }, leadMinutes: [30] },
      { kind: 'deadlines', scope: { type: 'track', track: 11 }, leadMinutes: [120] },
    ]);
    expect(await store.subscribersOf({ kind: 'deadlines', track: 12, referendum: 5 })).toHaveLength(1);
  });

  it('subscribers of an address and the watched address list', async () => {
    expect(await store.subscribersOf({ kind: 'address', address: A })).toHaveLength(2);
    expect(await store.watchedAddresses()).toEqual([A, B].sort());
  });

  it('a disabled target receives nothing until it is enabled or subscribes again', async () => {
    expect(await store.disableTarget(DM, 'Discord answered 403: cannot send messages to this user')).toBe(
      true,
    );
    expect(await store.subscribersOf({ kind: 'address', address: A })).toHaveLength(1);
    expect((await store.listSubscriptions(DM))?.disabled?.reason).toContain('403');
    expect(await store.enableTarget(DM)).toBe(true);
    expect(await store.subscribersOf({ kind: 'address', address: A })).toHaveLength(2);
    await store.disableTarget(DM, 'gone');
    const again = await store.subscribe(DM, { kind: 'address', address: B });
    expect(again).toMatchObject({ outcome: 'unchanged', reenabled: true });
    expect((await store.listSubscriptions(DM))?.disabled).toBeNull();
    expect(await store.disableTarget({ platform: 'telegram', kind: 'dm', id: '1' }, 'gone')).toBe(false);
  });

  it('rejects malformed engine queries', async () => {
    await expect(store.subscribersOf({ kind: 'address', address: 'x#y' })).rejects.toBeInstanceOf(
      InvalidInputError,
    );
    await expect(store.subscribersOf({ kind: 'referenda', track: -1 })).rejects.toBeInstanceOf(
      InvalidInputError,
    );
    await expect(store.disableTarget(DM, '')).rejects.toBeInstanceOf(InvalidInputError);
  });
});

describe('index first, record second', () => {
  it('a stale index item sends nothing, a missing one is repaired by the sweep or a resubscribe', async () => {
    const { store, tableName } = await fresh('repair');
    await store.subscribe(CHAT, referenda(5));
    const { DeleteItemCommand, PutItemCommand } = await import('@aws-sdk/client-dynamodb');
    // An unsubscribe that died after updating the record: the index item is still there.
    await dynamo.client.send(
      new PutItemCommand({
        TableName: tableName,
        Item: {
          pk: { S: 'SUBX#referenda' },
          sk: { S: 't6#telegram:chat:-1001234' },
          platform: { S: 'telegram' },
          tkind: { S: 'chat' },
          tid: { S: '-1001234' },
          key: { S: 'referenda:t6' },
          sid: { S: 'r00000' },
        },
      }),
    );
    expect(await store.subscribersOf({ kind: 'referenda', track: 6 })).toEqual([]);
    // A subscription without its index item (a subscribe that died between its writes when the
    // record came first): nobody is found until repaired.
    const dropIndex = () =>
      dynamo.client.send(
        new DeleteItemCommand({
          TableName: tableName,
          Key: { pk: { S: 'SUBX#referenda' }, sk: { S: 't5#telegram:chat:-1001234' } },
        }),
      );
    await dropIndex();
    expect(await store.subscribersOf({ kind: 'referenda', track: 5 })).toEqual([]);
    expect(await store.repairIndex()).toEqual({
      targets: 1,
      restored: 1,
      removed: 1,
      young: 0,
      regenerated: 0,
      // The table's first sweep writes the settings summaries.
      summaries: {
        deadlines: { step: 'created', added: 0, dropped: 0 },
        coretime: { step: 'created', added: 0, dropped: 0 },
        para: { step: 'created', added: 0, dropped: 0 },
      },
    });
    expect(await store.subscribersOf({ kind: 'referenda', track: 5 })).toHaveLength(1);
    const rows = await scanTable(dynamo.client, tableName);
    expect(rows.filter((r) => r.pk.startsWith('SUBX#')).map((r) => r.sk)).toEqual([
      't5#telegram:chat:-1001234',
    ]);
    await dropIndex();
    expect((await store.subscribe(CHAT, referenda(5))).outcome).toBe('unchanged');
    expect(await store.subscribersOf({ kind: 'referenda', track: 5 })).toHaveLength(1);
  });

  it('a subscription written before generations that lost its index item is repaired when it is read', async () => {
    const { store, tableName } = await fresh('legacy');
    const { DynamoDBDocumentClient, PutCommand } = await import('@aws-sdk/lib-dynamodb');
    // The record as the record-first store wrote it, its subscribe killed before the index item.
    const spec = referenda(7);
    await DynamoDBDocumentClient.from(dynamo.client).send(
      new PutCommand({
        TableName: tableName,
        Item: {
          pk: 'TGT#telegram#chat#-1001234',
          sk: 'T',
          platform: 'telegram',
          tkind: 'chat',
          tid: '-1001234',
          by: '77',
          cat: 1,
          uat: 1,
          n: 1,
          na: 0,
          subs: { 'referenda:t7': { id: 'r0abcd', spec, by: '77', cat: 1, uat: 1 } },
        },
      }),
    );
    expect(await store.subscribersOf({ kind: 'referenda', track: 7 })).toEqual([]);
    // The sweep finds targets through the index, and this one has no index item at all.
    expect((await store.repairIndex()).targets).toBe(0);
    expect((await store.listSubscriptions(CHAT))?.subscriptions.map((s) => s.key)).toEqual(['referenda:t7']);
    expect(await store.subscribersOf({ kind: 'referenda', track: 7 })).toHaveLength(1);
    // It has a generation now, in the record and in its index item, so it goes like any other.
    expect((await store.unsubscribe(CHAT, { type: 'all' })).removed).toHaveLength(1);
    const rows = await scanTable(dynamo.client, tableName);
    expect(rows.filter((r) => !r.pk.startsWith('SUBSUM#'))).toEqual([
      expect.objectContaining({ pk: 'TGT#telegram#chat#-1001234' }),
    ]);
    // Written by the sweep above.
    expect(
      rows
        .filter((r) => r.pk.startsWith('SUBSUM#'))
        .map((r) => r.pk)
        .sort(),
    ).toEqual(['SUBSUM#coretime', 'SUBSUM#deadlines', 'SUBSUM#para']);
  });
});
