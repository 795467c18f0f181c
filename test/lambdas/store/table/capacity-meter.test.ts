import { DynamoDBDocumentClient, GetCommand, PutCommand, QueryCommand } from '@aws-sdk/lib-dynamodb';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { localDynamoClient } from '../../../../dev/dynamodb/client.js';
import { meterCapacity } from '../../../../lambdas/store/table/capacity-meter.js';
import { startTestDynamo, type TestDynamo } from '../../../helpers/dynamo.js';

describe('capacity meter', () => {
  let dynamo: TestDynamo;
  let table: string;
  beforeAll(async () => {
    dynamo = await startTestDynamo();
    table = await dynamo.newTable('meter');
  });
  afterAll(() => dynamo.close());

  it('adds up the write and read units DynamoDB reports, by operation', async () => {
    const client = localDynamoClient(dynamo.endpoint);
    const meter = meterCapacity(client);
    const doc = DynamoDBDocumentClient.from(client);
    // 2,500 bytes of payload plus keys: 3 write units of 1 KB.
    await doc.send(new PutCommand({ TableName: table, Item: { pk: 'p', sk: 'a', d: 'x'.repeat(2_500) } }));
    await doc.send(new PutCommand({ TableName: table, Item: { pk: 'p', sk: 'b', d: 'y' } }));
    const written = meter.take();
    expect(written.writeUnits).toBe(4);
    expect(written.readUnits).toBe(0);
    expect(written.byOperation.PutItemCommand).toEqual({ requests: 2, units: 4 });

    await doc.send(new GetCommand({ TableName: table, Key: { pk: 'p', sk: 'a' }, ConsistentRead: true }));
    await doc.send(
      new QueryCommand({
        TableName: table,
        KeyConditionExpression: 'pk = :p',
        ExpressionAttributeValues: { ':p': 'p' },
        ConsistentRead: false,
      }),
    );
    const read = meter.take();
    // A strongly consistent read of up to 4 KB is 1 unit; an eventually consistent Query half of that.
    expect(read.byOperation.GetItemCommand).toEqual({ requests: 1, units: 1 });
    expect(read.byOperation.QueryCommand).toEqual({ requests: 1, units: 0.5 });
    expect(read.readUnits).toBe(1.5);
    expect(meter.snapshot().requests).toBe(0);
    client.destroy();
  });
});
