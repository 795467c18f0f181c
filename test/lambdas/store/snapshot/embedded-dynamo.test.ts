import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { localDynamoClient } from '../../../../dev/dynamodb/client.js';
import { startDynalite } from '../../../../dev/dynamodb/dynalite.js';
import { createDynamoStore } from '../../../../lambdas/store/snapshot/index.js';
import { ensureTable } from '../../../../lambdas/store/table/index.js';
import { account, address } from './fixtures.js';

describe('embedded dynalite', () => {
  it('keeps a committed version on disk across restarts', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'herald-dynalite-'));
    try {
      const first = await startDynalite({ path: dir });
      const client = localDynamoClient(first.endpoint);
      expect(await ensureTable(client, 'herald')).toMatchObject({ created: true });
      await createDynamoStore({ client, tableName: 'herald' }).writeVersion({ n: 1 }, [account(1)]);
      client.destroy();
      await first.close();

      const second = await startDynalite({ path: dir });
      const again = localDynamoClient(second.endpoint);
      expect(await ensureTable(again, 'herald')).toMatchObject({ created: false });
      const store = createDynamoStore({ client: again, tableName: 'herald' });
      expect(await store.getPointer()).toMatchObject({ version: 1, meta: { n: 1 } });
      expect(await store.getEntity('account', address(1))).toEqual(account(1).data);
      again.destroy();
      await second.close();
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });

  it('listens on a free port by default and refuses a bad one', async () => {
    const a = await startDynalite();
    const b = await startDynalite();
    expect(a.port).not.toBe(b.port);
    expect(a.endpoint).toBe(`http://127.0.0.1:${a.port}`);
    await Promise.all([a.close(), b.close()]);
    await expect(startDynalite({ port: 70_000 })).rejects.toThrow(/port must be/);
  });
});
