/**
 * `/subscribe coretime` and `/subscribe para` through the command set and the subscription store
 * (dynalite), over a version holding a parachains entity: created, updated by a new level or stall
 * time, listed, stopped; a para the snapshot does not list is subscribed with a note.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { answerCommand, commandContext } from '../../../bots/commands/index.js';
import { subscribedDocument } from '../../../bots/text/subscription-doc.js';
import { describeSpec } from '../../../bots/text/subscription-words.js';
import { ENTITY, PARACHAINS_ID } from '../../../core/snapshot/entities.js';
import { createDynamoStore } from '../../../lambdas/store/snapshot/index.js';
import { createSubscriptionStore } from '../../../lambdas/store/subscriptions/index.js';
import { coretime, entity, para, relay, S0 } from '../../core/alerts/parachain-fixtures.js';
import { startTestDynamo, type TestDynamo } from '../../helpers/dynamo.js';

const DM = { platform: 'telegram' as const, kind: 'dm' as const, id: '420000077', createdBy: '420000077' };

let dynamo: TestDynamo;
let ctx: ReturnType<typeof commandContext>;

beforeAll(async () => {
  dynamo = await startTestDynamo();
  const tableName = await dynamo.newTable('parachain-subscribe');
  const store = createDynamoStore({ client: dynamo.client, tableName });
  const anchor = {
    relayBlock: S0,
    blockNumber: 1,
    blockHash: `0x${'01'.repeat(32)}`,
    timestampMs: Date.now(),
    specVersion: 2_003_000,
  };
  await store.writeVersion({ relayBlock: S0 }, [
    { kind: ENTITY.status, id: 'current', data: { anchor, activeEra: 9_000, warnings: [] } },
    {
      kind: ENTITY.parachains,
      id: PARACHAINS_ID,
      data: entity(relay(S0, [para(2000), para(2023)]), coretime()),
    },
  ]);
  const subscriptions = createSubscriptionStore({ client: dynamo.client, tableName });
  ctx = commandContext({ store, subscriptions, caller: DM, staleAfterMs: 15 * 60_000 });
}, 120_000);

afterAll(async () => {
  await dynamo?.close();
});

describe('/subscribe coretime and /subscribe para', () => {
  it('subscribes; a new level or stall time updates the one subscription; /subscriptions lists them', async () => {
    const first = await answerCommand('/subscribe coretime below 5', ctx);
    if (first.type !== 'subscribed') throw new Error(JSON.stringify(first));
    expect(first.outcome).toBe('created');
    expect(describeSpec(first.subscription.spec)).toBe(
      'the coretime sale: each new sale, and its price at or below 5 KSM',
    );
    expect(await answerCommand('/sub coretime below 2.5', ctx)).toMatchObject({
      outcome: 'updated',
      subscription: { id: first.subscription.id, spec: { kind: 'coretime', below: '2.5' } },
    });
    const karura = await answerCommand('/subscribe para karura stall 2h', ctx);
    if (karura.type !== 'subscribed') throw new Error(JSON.stringify(karura));
    expect(karura.subscription.spec).toEqual({ kind: 'para', para: 2000, stallMinutes: 120 });
    expect(karura.unknownPara).toBeUndefined();
    expect(describeSpec(karura.subscription.spec)).toBe(
      'Karura (2000): renewal reminders, lifecycle changes, and its head not advancing for 2h',
    );
    expect(await answerCommand('/subscribe para 2000', ctx)).toMatchObject({
      outcome: 'updated',
      subscription: { id: karura.subscription.id, spec: { stallMinutes: 60 } },
    });
    const list = await answerCommand('/subscriptions', ctx);
    if (list.type !== 'subscriptions') throw new Error(list.type);
    expect(list.subscriptions.map((s) => s.key).sort()).toEqual(['coretime', 'para:2000']);
    expect(await answerCommand('/unsubscribe para 2000', ctx)).toMatchObject({
      type: 'unsubscribed',
      removed: [{ id: karura.subscription.id }],
      remaining: 1,
    });
  });

  it('accepts a para the snapshot does not list, with a note; refuses a bad one saying why', async () => {
    const unknown = await answerCommand('/subscribe para 4999', ctx);
    if (unknown.type !== 'subscribed') throw new Error(JSON.stringify(unknown));
    expect(unknown.unknownPara).toBe(4999);
    const notes = JSON.stringify(subscribedDocument(unknown).notes);
    expect(notes).toContain('Para 4999 is not in the latest snapshot');
    expect(await answerCommand('/subscribe para nowhere', ctx)).toMatchObject({
      error: { code: 'invalid-para' },
    });
    expect(await answerCommand('/subscribe para 2000 stall 1m', ctx)).toMatchObject({
      error: { code: 'invalid-stall-time' },
    });
  });
});
