/** Creates the Herald table from TABLE_SCHEMA when it does not exist (emulators, first deploys of dev stacks). */
import {
  CreateTableCommand,
  DescribeTableCommand,
  type DynamoDBClient,
  UpdateTimeToLiveCommand,
} from '@aws-sdk/client-dynamodb';
import { StoreError, StoreUnavailableError } from './errors.js';
import { TABLE_SCHEMA } from './schema.js';

export interface EnsureTableResult {
  created: boolean;
  /** False where the emulator has no TTL API (dynalite); AWS and DynamoDB Local accept it. */
  ttlEnabled: boolean;
}

export async function ensureTable(
  client: DynamoDBClient,
  tableName: string,
  timeoutMs = 30_000,
): Promise<EnsureTableResult> {
  const { partitionKey, sortKey } = TABLE_SCHEMA;
  let created = false;
  try {
    await client.send(
      new CreateTableCommand({
        TableName: tableName,
        BillingMode: TABLE_SCHEMA.billingMode,
        AttributeDefinitions: [
          { AttributeName: partitionKey.name, AttributeType: partitionKey.type },
          { AttributeName: sortKey.name, AttributeType: sortKey.type },
        ],
        KeySchema: [
          { AttributeName: partitionKey.name, KeyType: 'HASH' },
          { AttributeName: sortKey.name, KeyType: 'RANGE' },
        ],
      }),
    );
    created = true;
  } catch (error) {
    if ((error as Error).name !== 'ResourceInUseException') throw wrap(error, tableName);
  }
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const out = await client
      .send(new DescribeTableCommand({ TableName: tableName }))
      .catch((error: unknown) => {
        throw wrap(error, tableName);
      });
    if (out.Table?.TableStatus === 'ACTIVE') break;
    if (Date.now() > deadline)
      throw new StoreUnavailableError(`table ${tableName} is not ACTIVE after ${timeoutMs} ms`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  let ttlEnabled = false;
  if (created) {
    try {
      await client.send(
        new UpdateTimeToLiveCommand({
          TableName: tableName,
          TimeToLiveSpecification: { AttributeName: TABLE_SCHEMA.ttlAttribute, Enabled: true },
        }),
      );
      ttlEnabled = true;
    } catch (error) {
      const name = (error as Error).name;
      if (name !== 'UnknownOperationException' && name !== 'ValidationException')
        throw wrap(error, tableName);
    }
  }
  return { created, ttlEnabled };
}

function wrap(error: unknown, tableName: string): StoreError {
  const err = error as Error & { $metadata?: { httpStatusCode?: number } };
  const text = `creating table ${tableName} failed: ${err?.name}: ${err?.message}`;
  const status = err?.$metadata?.httpStatusCode;
  return status !== undefined && status < 500
    ? new StoreError(text, { cause: error })
    : new StoreUnavailableError(text, { cause: error });
}
