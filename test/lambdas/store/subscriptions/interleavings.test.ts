/**
 * Two requests on one subscription, interleaved at a chosen write: the second runs to its end
 * while the first waits just before that write. No timing: the first is held inside its own
 * DynamoDB client until the second has finished.
 */
import type { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SubscriptionStore } from '../../../../core/ports/subscription-store.js';
import type { SubscriptionSpec, Target } from '../../../../core/subscriptions/subscription-model.js';
import { localDynamoClient } from '../../../../dev/dynamodb/client.js';
import { createSubscriptionStore } from '../../../../lambdas/store/subscriptions/index.js';
import { startTestDynamo, type TestDynamo } from '../../../helpers/dynamo.js';

const CHAT: Target = { platform: 'telegram', kind: 'chat', id: '-100900', createdBy: '3' };
const TRACK_5: SubscriptionSpec = { kind: 'referenda', track: 5 };
const DEADLINES = (leadMinutes: number[]): SubscriptionSpec => ({
  kind: 'deadlines',
  scope: { type: 'all' },
  leadMinutes,
});

type Av = Record<string, { S?: string } | undefined>;

let dynamo: TestDynamo;
beforeAll(async () => {
  dynamo = await startTestDynamo();
});
afterAll(async () => {
  await dynamo?.close();
});

/** Before the first `op` on an item whose pk starts with `pkPrefix`, runs `meanwhile` to its end. */
function holdBefore(client: DynamoDBClient, op: string, pkPrefix: string, meanwhile: () => Promise<unknown>) {
  let done = false;
  client.middlewareStack.add(
    (next, context) => async (args) => {
      const input = args.input as Record<string, unknown>;
      const pk = ((op === 'PutItem' ? input.Item : input.Key) as Av | undefined)?.pk?.S ?? '';
      if (!done && context.commandName === `${op}Command` && pk.startsWith(pkPrefix)) {
        done = true;
        await meanwhile();
      }
      return next(args);
    },
    { step: 'build', name: `hold${op}` },
  );
}

async function stores(
  label: string,
): Promise<{ held: SubscriptionStore; other: SubscriptionStore; client: DynamoDBClient }> {
  const tableName = await dynamo.newTable(label);
  const client = localDynamoClient(dynamo.endpoint);
  return {
    held: createSubscriptionStore({ client, tableName }),
    other: createSubscriptionStore({ client: dynamo.client, tableName }),
    client,
  };
}

const found = async (store: SubscriptionStore, track: number) =>
  (await store.subscribersOf({ kind: 'referenda', track })).map((s) => s.subscription.key);

describe('a subscription changed by two requests at once', () => {
  it('an unsubscribe whose index delete comes after a new subscribe of the same key leaves it alerted', async () => {
    const { held, other, client } = await stores('unsub-then-sub');
    await other.subscribe(CHAT, TRACK_5);
    // The unsubscribe has taken the key out of the record; before it deletes the index item the
    // same key is subscribed again.
    holdBefore(client, 'DeleteItem', 'SUBX#', () => other.subscribe(CHAT, TRACK_5));
    expect((await held.unsubscribe(CHAT, { type: 'key', key: 'referenda:t5' })).removed).toHaveLength(1);
    expect((await other.listSubscriptions(CHAT))?.subscriptions.map((s) => s.key)).toEqual(['referenda:t5']);
    expect(await found(other, 5)).toEqual(['referenda:t5']);
    client.destroy();
  });

  it('a subscribe that meets an unsubscribe of the same key between its two writes leaves both consistent', async () => {
    const { held, other, client } = await stores('sub-then-unsub');
    await other.subscribe(CHAT, DEADLINES([60]));
    await other.subscribe(CHAT, TRACK_5);
    holdBefore(client, 'UpdateItem', 'TGT#', () => other.unsubscribe(CHAT, { type: 'all' }));
    // A lead-time change: its record update finds the subscription gone and subscribes afresh.
    const changed = await held.subscribe(CHAT, DEADLINES([120]));
    expect(changed.outcome).toBe('created');
    const listed = (await other.listSubscriptions(CHAT))?.subscriptions.map((s) => s.key);
    expect(listed).toEqual(['deadlines:all']);
    const deadlines = await other.subscribersOf({ kind: 'deadlines' });
    expect(deadlines.map((s) => [s.subscription.key, s.subscription.spec])).toEqual([
      ['deadlines:all', DEADLINES([120])],
    ]);
    expect(await found(other, 5)).toEqual([]);
    client.destroy();
  });
});
