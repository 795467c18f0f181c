/**
 * Store write benchmark against in-memory dynalite: `npx tsx test/lambdas/store/snapshot/store.bench.ts`.
 * Baseline, measured in the same run: the same 20,000 payloads put with plain BatchWriteItem
 * (no hashing, manifest, journal or pointer), i.e. what the table alone costs. The store's clock
 * moves 5 minutes a run, then 2 days for a run that only refreshes items nearing their expiry.
 */
import { BatchWriteCommand, DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import type { CommitResult } from '../../../../core/ports/snapshot-store.js';
import type { Entity } from '../../../../core/snapshot/entities.js';
import { localDynamoClient } from '../../../../dev/dynamodb/client.js';
import { startDynalite } from '../../../../dev/dynamodb/dynalite.js';
import { createDynamoStore } from '../../../../lambdas/store/snapshot/index.js';
import { ensureTable, toCanonicalJson } from '../../../../lambdas/store/table/index.js';
import { account, address, era, index, pool, referendum, status, tracks, validator } from './fixtures.js';

const TOTAL = 20_000;

function snapshot(bump: (i: number) => bigint): Entity[] {
  const out: Entity[] = [tracks(), status(1), index([1, 2, 3]), era(9_800)];
  for (let i = 0; i < 1_000; i++) out.push(validator(i, 20));
  for (let i = 0; i < 500; i++) out.push(referendum(i));
  for (let i = 0; i < 200; i++) out.push(pool(i));
  for (let i = 0; out.length < TOTAL; i++) out.push(account(i, bump(i)));
  return out;
}

async function timed<T>(work: () => Promise<T>): Promise<[T, number]> {
  const start = performance.now();
  const result = await work();
  return [result, performance.now() - start];
}

const server = await startDynalite();
const client = localDynamoClient(server.endpoint);
try {
  const base = snapshot(() => 0n);
  await ensureTable(client, 'baseline');
  const doc = DynamoDBDocumentClient.from(client);
  const items = base.map((e, i) => ({
    pk: `E#${e.kind}#${e.id}`,
    sk: 'V#1',
    n: i,
    d: toCanonicalJson(e.data),
  }));
  const [, baselineMs] = await timed(async () => {
    const groups: (typeof items)[] = [];
    for (let i = 0; i < items.length; i += 25) groups.push(items.slice(i, i + 25));
    let next = 0;
    const worker = async () => {
      while (next < groups.length) {
        const group = groups[next++]!;
        await doc.send(
          new BatchWriteCommand({
            RequestItems: { baseline: group.map((Item) => ({ PutRequest: { Item } })) },
          }),
        );
      }
    };
    await Promise.all([worker(), worker(), worker(), worker()]);
  });

  await ensureTable(client, 'store');
  const clock = { now: Date.now() };
  const store = createDynamoStore({ client, tableName: 'store', now: () => clock.now });
  const tick = <T>(work: () => Promise<T>) => {
    clock.now += 5 * 60_000;
    return timed(work);
  };
  const [first, firstMs] = await timed(() => store.writeVersion({ n: 1 }, base));
  const [same, sameMs] = await tick(() =>
    store.writeVersion(
      { n: 2 },
      snapshot(() => 0n),
    ),
  );
  const [some, someMs] = await tick(() =>
    store.writeVersion(
      { n: 3 },
      snapshot((i) => (i % 100 === 0 ? 1n : 0n)),
    ),
  );
  const [all, allMs] = await tick(() =>
    store.writeVersion(
      { n: 4 },
      snapshot(() => 2n),
    ),
  );
  clock.now += 2 * 24 * 60 * 60_000;
  const [refresh, refreshMs] = await tick(() =>
    store.writeVersion(
      { n: 5 },
      snapshot(() => 2n),
    ),
  );
  const pointer = await store.getPointer();
  const [, readMs] = await timed(async () => {
    for (let i = 0; i < 500; i++) await store.getEntity('account', address(i), { pointer });
  });

  const row = (name: string, ms: number, r: CommitResult) =>
    console.log(
      `${name.padEnd(34)} ${ms.toFixed(0).padStart(7)} ms  ${String(r.itemsWritten).padStart(6)} items ` +
        `(${String(r.refreshedItems).padStart(5)} refreshes)  ` +
        `${(ms / baselineMs).toFixed(2)}x baseline`,
    );
  console.log(`store write benchmark, ${TOTAL} entities, dynalite in memory, 4 batch requests in flight`);
  console.log(
    `${'baseline: plain BatchWriteItem'.padEnd(34)} ${baselineMs.toFixed(0).padStart(7)} ms  ${String(TOTAL).padStart(6)} items`,
  );
  row('store: first version (all new)', firstMs, first);
  row('store: unchanged re-run', sameMs, same);
  row(`store: ${some.entitiesChanged} accounts changed`, someMs, some);
  row(`store: all ${all.entitiesChanged} accounts changed`, allMs, all);
  row(`store: 2 days on, ${refresh.entitiesRefreshed} refreshed`, refreshMs, refresh);
  console.log(
    `reader: getEntity at a held pointer  ${(readMs / 500).toFixed(2)} ms each (500 reads, one Query each)`,
  );
} finally {
  client.destroy();
  await server.close();
}
