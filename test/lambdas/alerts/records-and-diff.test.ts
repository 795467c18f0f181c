import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createAlertRecordStore } from '../../../lambdas/store/alert-records/index.js';
import { createDynamoStore, createVersionDiffer } from '../../../lambdas/store/snapshot/index.js';
import { startTestDynamo, type TestDynamo } from '../../helpers/dynamo.js';
import { submittedAlert, tgChat } from './harness.js';

describe('alert records', () => {
  let dynamo: TestDynamo;
  beforeAll(async () => {
    dynamo = await startTestDynamo();
  });
  afterAll(() => dynamo.close());

  it('one claim wins; a live lease is never taken; an expired one is; final records stay final', async () => {
    let now = 1_000_000;
    const records = createAlertRecordStore({
      client: dynamo.client,
      tableName: await dynamo.newTable('records'),
      now: () => now,
    });
    const t = tgChat(1);
    const alert = submittedAlert(5);
    const [a, b] = await Promise.all([
      records.claim(t, alert, 's1', 'a', 1_000),
      records.claim(t, alert, 's1', 'b', 1_000),
    ]);
    expect([a.claimed, b.claimed].sort()).toEqual([false, true]);
    const winner = a.claimed ? 'a' : 'b';
    const loser = a.claimed ? 'b' : 'a';
    expect((a.claimed ? b : a).record).toMatchObject({ state: 'pending', owner: winner });
    // The loser cannot move the record; the winner's lease runs out and the loser takes it over.
    expect(await records.markSent(t, alert.id, loser, ['1'])).toBe(false);
    now += 1_001;
    expect((await records.claim(t, alert, 's1', loser, 1_000)).claimed).toBe(true);
    expect(await records.markSent(t, alert.id, winner, ['1'])).toBe(false);
    expect(await records.markSent(t, alert.id, loser, ['77'])).toBe(true);
    now += 10_000;
    const again = await records.claim(t, alert, 's1', 'c', 1_000);
    expect(again).toMatchObject({
      claimed: false,
      record: { state: 'sent', messageIds: ['77'], owner: loser },
    });
  });

  it('a holder that renews before sending keeps the record; one that lost it cannot renew', async () => {
    let now = 2_000_000;
    const records = createAlertRecordStore({
      client: dynamo.client,
      tableName: await dynamo.newTable('renew'),
      now: () => now,
    });
    const t = tgChat(2);
    const alert = submittedAlert(6);
    expect((await records.claim(t, alert, 's1', 'slow', 1_000)).claimed).toBe(true);
    // The lease ran out but nobody took the record: renewing keeps it, and shuts a late claimer out.
    now += 1_500;
    expect(await records.renew(t, alert.id, 'slow', 1_000)).toBe(true);
    expect((await records.claim(t, alert, 's1', 'other', 1_000)).claimed).toBe(false);
    expect(await records.get(t, alert.id)).toMatchObject({ owner: 'slow', leaseUntilMs: now + 1_000 });
    // Once another dispatcher has taken it over, the old holder can neither renew nor record it.
    now += 1_001;
    expect((await records.claim(t, alert, 's1', 'other', 1_000)).claimed).toBe(true);
    expect(await records.renew(t, alert.id, 'slow', 1_000)).toBe(false);
    expect(await records.markSent(t, alert.id, 'slow', ['1'])).toBe(false);
    expect(await records.markSent(t, alert.id, 'other', ['2'])).toBe(true);
    expect(await records.renew(t, alert.id, 'other', 1_000)).toBe(false);
    await expect(records.renew(t, alert.id, 'other', 0)).rejects.toThrow(/positive lease/);
  });

  it('retry and deferral wait for their time; failures keep their error', async () => {
    let now = 5_000_000;
    const records = createAlertRecordStore({
      client: dynamo.client,
      tableName: await dynamo.newTable('records'),
      now: () => now,
    });
    const t = tgChat(2);
    const alert = submittedAlert(6);
    await records.claim(t, alert, 's1', 'a', 1_000);
    expect(await records.markRetry(t, alert.id, 'a', now + 500, '500 Internal Server Error')).toBe(true);
    expect((await records.claim(t, alert, 's1', 'b', 1_000)).claimed).toBe(false);
    now += 500;
    const retried = await records.claim(t, alert, 's1', 'b', 1_000);
    expect(retried).toMatchObject({
      claimed: true,
      record: { attempts: 1, error: '500 Internal Server Error' },
    });
    expect(await records.markFinal(t, alert.id, 'b', 'failed', 'message is too long')).toBe(true);
    expect(await records.get(t, alert.id)).toMatchObject({
      state: 'failed',
      error: 'message is too long',
      attempts: 1,
    });
  });

  it('rejects bad input with a reason', async () => {
    const records = createAlertRecordStore({
      client: dynamo.client,
      tableName: await dynamo.newTable('records'),
    });
    await expect(
      records.claim({ platform: 'telegram', kind: 'channel', id: '1' }, submittedAlert(1), 's', 'a', 1),
    ).rejects.toThrow(/bad alert target/);
    await expect(
      records.claim(tgChat(1), { ...submittedAlert(1), id: 'has space' }, 's', 'a', 1),
    ).rejects.toThrow(/bad alert id/);
    await expect(records.claim(tgChat(1), submittedAlert(1), 's', 'a', 0)).rejects.toThrow(/positive lease/);
    await expect(
      records.putSettings(tgChat(1), '*', { muted: ['nope' as never], quietHours: null }),
    ).rejects.toThrow(/muted/);
    await expect(records.advanceCursor(0, null)).rejects.toThrow(/not a version/);
  });

  it('settings per subscription key and a target default; the cursor only moves forward', async () => {
    const records = createAlertRecordStore({
      client: dynamo.client,
      tableName: await dynamo.newTable('records'),
    });
    const quiet = { startMinute: 1_320, endMinute: 420, utcOffsetMinutes: 60 };
    await records.putSettings(tgChat(1), '*', { muted: ['ref-submitted'], quietHours: null });
    await records.putSettings(tgChat(1), 'address:x', { muted: [], quietHours: quiet });
    await records.putSettings(tgChat(2), '*', { muted: ['era-paid'], quietHours: null });
    await records.putSettings(tgChat(2), '*', null);
    const all = await records.getSettings([tgChat(1), tgChat(2), tgChat(3)]);
    expect([...all.keys()]).toEqual(['telegram:chat:-1001000001']);
    expect(all.get('telegram:chat:-1001000001')?.get('address:x')?.quietHours).toEqual(quiet);
    expect(await records.getCursor()).toBeUndefined();
    expect(await records.advanceCursor(5, 'wss://a')).toBe(true);
    expect(await records.advanceCursor(4, 'wss://b')).toBe(false);
    expect(await records.getCursor()).toMatchObject({ version: 5, endpoint: 'wss://a' });
  });
});

describe('version diff from manifests', () => {
  let dynamo: TestDynamo;
  beforeAll(async () => {
    dynamo = await startTestDynamo();
  });
  afterAll(() => dynamo.close());

  it('lists added, changed and removed entities, by kind, reading only the buckets that differ', async () => {
    const tableName = await dynamo.newTable('diff');
    const store = createDynamoStore({ client: dynamo.client, tableName });
    const differ = createVersionDiffer({ client: dynamo.client, tableName });
    const accounts = (n: number, tweak: (i: number) => number = () => 0) =>
      Array.from({ length: n }, (_, i) => ({ kind: 'account', id: `a${i}`, data: { i, v: tweak(i) } }));
    const v1 = await store.writeVersion({}, [
      ...accounts(2_000),
      { kind: 'era', id: 'current', data: { era: 1 } },
    ]);
    const v2 = await store.writeVersion({}, [
      ...accounts(2_000, (i) => (i === 7 || i === 1_500 ? 1 : 0)).filter((a) => a.id !== 'a3'),
      { kind: 'account', id: 'new', data: {} },
      { kind: 'era', id: 'current', data: { era: 1 } },
    ]);
    const diff = await differ.diff(v1.version, v2.version);
    expect(diff.added).toEqual([{ kind: 'account', id: 'new' }]);
    expect(diff.changed.map((e) => e.id).sort()).toEqual(['a1500', 'a7']);
    expect(diff.removed).toEqual([{ kind: 'account', id: 'a3' }]);
    // 2,000 entities sit in 4 buckets; at most the 4 changed buckets are read from each side.
    expect(diff.chunksRead).toBeLessThanOrEqual(8);
    expect((await differ.diff(v1.version, v2.version, ['era'])).changed).toEqual([]);
    expect(await differ.diff(v2.version, v2.version)).toMatchObject({
      added: [],
      changed: [],
      removed: [],
      chunksRead: 0,
    });
    await expect(differ.diff(v1.version, 999)).rejects.toThrow(/version 999 has no record/);
    await expect(differ.diff(0, v1.version)).rejects.toThrow(/not a version/);
  });
});
