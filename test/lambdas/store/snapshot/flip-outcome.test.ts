import type { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { describe, expect, it } from 'vitest';
import { localDynamoClient } from '../../../../dev/dynamodb/client.js';
import { createDynamoStore } from '../../../../lambdas/store/snapshot/index.js';
import { RunStateError } from '../../../../lambdas/store/table/index.js';
import { account, address } from './fixtures.js';
import { useStoreHarness } from './store-setup.js';

const harness = useStoreHarness();

type Fault = 'lost-response' | 'never-sent' | 'landed-then-retried';

/** Breaks the next pointer flip the way a flaky network would. */
function breakNextFlip(client: DynamoDBClient, fault: Fault): void {
  let armed = true;
  client.middlewareStack.add(
    (next, context) => async (args) => {
      const input = args.input as { UpdateExpression?: string };
      const isFlip =
        context.commandName === 'UpdateItemCommand' && input.UpdateExpression?.includes('ptr = :m');
      if (!armed || !isFlip) return next(args);
      armed = false;
      const timeout = Object.assign(new Error('socket hang up'), { name: 'TimeoutError' });
      if (fault === 'never-sent') throw timeout;
      const first = await next(args);
      if (fault === 'lost-response') throw timeout;
      await next(args);
      return first;
    },
    { step: 'initialize', name: `faultyFlip-${fault}` },
  );
}

async function storeWithFault(label: string, fault: Fault) {
  const tableName = await harness.dynamo().newTable(label);
  const client = localDynamoClient(harness.dynamo().endpoint);
  const store = createDynamoStore({ client, tableName });
  await store.writeVersion({}, [account(1)]);
  breakNextFlip(client, fault);
  return { store, client };
}

describe('a flip whose answer is lost', () => {
  it('counts as committed when the write landed but the response did not arrive', async () => {
    const { store, client } = await storeWithFault('lost-response', 'lost-response');
    const run = await store.beginVersion({});
    await run.write([account(1, 4n)]);
    await expect(run.commit()).resolves.toMatchObject({ version: 2 });
    expect(await store.getEntity('account', address(1))).toEqual(account(1, 4n).data);
    client.destroy();
  });

  it('counts as committed when a retry of a landed flip fails its condition', async () => {
    const { store, client } = await storeWithFault('retried', 'landed-then-retried');
    const result = await store.writeVersion({}, [account(1, 5n)]);
    expect(result.version).toBe(2);
    expect(await store.getEntity('account', address(1))).toEqual(account(1, 5n).data);
    client.destroy();
  });

  it('keeps the run items when the flip never reached the table, and the next run hides them', async () => {
    const { store, client } = await storeWithFault('never-sent', 'never-sent');
    const run = await store.beginVersion({});
    await run.write([account(1, 6n)]);
    await expect(run.commit()).rejects.toThrow(/socket hang up/);
    await expect(run.abort()).rejects.toBeInstanceOf(RunStateError);
    expect((await store.getPointer())?.version).toBe(1);
    await store.writeVersion({}, [account(1)]);
    expect(await store.getPointer()).toMatchObject({ version: 3, aborted: [2] });
    expect(await store.getEntity('account', address(1))).toEqual(account(1).data);
    client.destroy();
  });
});
