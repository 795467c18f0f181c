import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DynamoUpdateLedger } from '../../../../lambdas/store/update-ledger/index.js';
import { scanTable, startTestDynamo, type TestDynamo } from '../../../helpers/dynamo.js';

let dynamo: TestDynamo;
beforeAll(async () => {
  dynamo = await startTestDynamo();
});
afterAll(async () => {
  await dynamo?.close();
});

describe('DynamoUpdateLedger', () => {
  it('claims an update once across containers, and lets a dead claim be taken over after its lease', async () => {
    const tableName = await dynamo.newTable('tg-ledger');
    let now = 1_700_000_000_000;
    const clock = () => now;
    const a = new DynamoUpdateLedger({
      client: dynamo.client,
      tableName,
      botId: '7001',
      leaseMs: 60_000,
      clock,
    });
    const b = new DynamoUpdateLedger({
      client: dynamo.client,
      tableName,
      botId: '7001',
      leaseMs: 60_000,
      clock,
    });
    expect(await a.claim(1)).toBe('claimed');
    expect(await b.claim(1)).toBe('in-progress');
    now += 60_001;
    expect(await b.claim(1)).toBe('claimed');
    await b.complete(1);
    expect(await a.claim(1)).toBe('done');
    now += 10 * 60_000;
    expect(await a.claim(1)).toBe('done');
  });

  it('a released claim is handled again; release never undoes a completed update', async () => {
    const tableName = await dynamo.newTable('tg-ledger-release');
    const ledger = new DynamoUpdateLedger({ client: dynamo.client, tableName, botId: '7001' });
    expect(await ledger.claim(5)).toBe('claimed');
    await ledger.release(5);
    expect(await ledger.claim(5)).toBe('claimed');
    await ledger.complete(5);
    await ledger.release(5);
    expect(await ledger.claim(5)).toBe('done');
  });

  it('keeps two bots apart and marks every item with a TTL', async () => {
    const tableName = await dynamo.newTable('tg-ledger-bots');
    const one = new DynamoUpdateLedger({ client: dynamo.client, tableName, botId: '1' });
    const two = new DynamoUpdateLedger({ client: dynamo.client, tableName, botId: '2' });
    await one.claim(9);
    await one.complete(9);
    expect(await two.claim(9)).toBe('claimed');
    const rows = await scanTable(dynamo.client, tableName);
    expect(rows.map((r) => r.pk).sort()).toEqual(['TGUPD#1#9', 'TGUPD#2#9']);
    for (const r of rows) expect(r.exp).toBeGreaterThan(Date.now() / 1000 + 6 * 24 * 3600);
  });

  it('passes on errors other than a lost race', async () => {
    const ledger = new DynamoUpdateLedger({ client: dynamo.client, tableName: 'no-such-table', botId: '1' });
    await expect(ledger.claim(1)).rejects.toThrow(/not found|non-existent|ResourceNotFound/i);
  });
});
