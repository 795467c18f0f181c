/**
 * A warm process builds its next version on the manifest it committed last, without reading it
 * back; anything else (another writer committed, or the kept one is old) reads the table.
 */

import type { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { describe, expect, it } from 'vitest';
import { createDynamoStore } from '../../../../lambdas/store/snapshot/index.js';
import { account, referendum } from './fixtures.js';
import { useStoreHarness } from './store-setup.js';

const harness = useStoreHarness();

/** Counts the reads of manifest chunks and version records this client sends. */
function countBaseReads(client: DynamoDBClient, name: string) {
  let reads = 0;
  client.middlewareStack.add(
    (next, context) => async (args) => {
      const text = JSON.stringify(args.input);
      const op = String(context.commandName);
      if ((op === 'GetItemCommand' || op === 'BatchGetItemCommand') && /"(MANIFEST|VERSION)"/.test(text))
        reads++;
      return next(args);
    },
    { step: 'build', name },
  );
  return {
    take: () => {
      const n = reads;
      reads = 0;
      return n;
    },
    stop: () => client.middlewareStack.remove(name),
  };
}

describe('the warm base manifest', () => {
  it('a second run of the same store reads no base; a run after another writer reads it', async () => {
    const clock = { now: Date.parse('2031-08-01T00:00:00Z') };
    const { store, tableName } = await harness.fresh('warm-base', { now: () => clock.now });
    const client = harness.dynamo().client;
    const reads = countBaseReads(client, 'warmBaseReads');
    const entities = [account(1), account(2), referendum(500)];
    try {
      await store.writeVersion({}, entities);
      reads.take();
      clock.now += 5 * 60_000;
      const warm = await store.writeVersion({}, [account(1), account(2, 5n), referendum(500)]);
      expect(reads.take()).toBe(0);
      expect(warm).toMatchObject({ entitiesChanged: 1, entitiesUnchanged: 2 });

      // Another process commits: this store's kept manifest is no longer the base.
      const other = createDynamoStore({ client, tableName, now: () => clock.now });
      clock.now += 5 * 60_000;
      await other.writeVersion({}, [account(1), account(2, 5n), referendum(500, 1n)]);
      reads.take();
      clock.now += 5 * 60_000;
      const after = await store.writeVersion({}, [account(1), account(2, 5n), referendum(500, 1n)]);
      expect(reads.take()).toBeGreaterThan(0);
      expect(after).toMatchObject({ entitiesChanged: 0, itemsWritten: 3 });

      // Kept for over an hour: read again.
      clock.now += 61 * 60_000;
      await store.writeVersion({}, [account(1), account(2, 5n), referendum(500, 1n)]);
      expect(reads.take()).toBeGreaterThan(0);
      expect(await store.getEntity('referendum', '500')).toEqual(referendum(500, 1n).data);
    } finally {
      reads.stop();
    }
  });
});
