/**
 * DynamoDB for tests: an in-memory dynalite per test file, or the emulator named by
 * HERALD_TEST_DDB_ENDPOINT (set by `npm run test:ddb-local`). Every table gets a fresh name.
 */
import { randomBytes } from 'node:crypto';
import type { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { localDynamoClient } from '../../dev/dynamodb/client.js';
import { startDynalite } from '../../dev/dynamodb/dynalite.js';
import { ensureTable } from '../../lambdas/store/table/index.js';

export const TEST_ENDPOINT_ENV = 'HERALD_TEST_DDB_ENDPOINT';

export interface TestDynamo {
  endpoint: string;
  emulator: 'dynalite' | 'external';
  client: DynamoDBClient;
  /** Creates a table with a name no other test uses and returns the name. */
  newTable(label: string): Promise<string>;
  close(): Promise<void>;
}

export async function startTestDynamo(): Promise<TestDynamo> {
  const external = process.env[TEST_ENDPOINT_ENV];
  const server = external ? undefined : await startDynalite();
  const endpoint = external ?? server!.endpoint;
  const client = localDynamoClient(endpoint);
  const run = randomBytes(3).toString('hex');
  let count = 0;
  return {
    endpoint,
    emulator: external ? 'external' : 'dynalite',
    client,
    newTable: async (label) => {
      const name = `t-${label.replace(/[^A-Za-z0-9_.-]/g, '-').slice(0, 60)}-${run}-${++count}`;
      await ensureTable(client, name);
      return name;
    },
    close: async () => {
      client.destroy();
      await server?.close();
    },
  };
}

export interface WrittenKey {
  op: string;
  pk: string;
  sk: string;
}

export interface WriteRecorder {
  /** Item writes sent to DynamoDB since the last reset (batch entries counted one by one). */
  count(): number;
  keys(): WrittenKey[];
  reset(): void;
  stop(): void;
}

let recorders = 0;

type Av = Record<string, { S?: string } | undefined>;

/** Watches every write the client sends to one table, independently of what the store reports. */
export function recordWrites(client: DynamoDBClient, tableName: string): WriteRecorder {
  let keys: WrittenKey[] = [];
  const name = `heraldTestWriteRecorder${++recorders}`;
  const keyOf = (op: string, key: Av | undefined) => ({ op, pk: key?.pk?.S ?? '?', sk: key?.sk?.S ?? '?' });
  client.middlewareStack.add(
    (next, context) => async (args) => {
      const op = String(context.commandName ?? '').replace(/Command$/, '');
      const input = args.input as Record<string, unknown>;
      if (input.TableName !== undefined && input.TableName !== tableName) return next(args);
      if (op === 'PutItem') keys.push(keyOf(op, input.Item as Av));
      if (op === 'UpdateItem' || op === 'DeleteItem') keys.push(keyOf(op, input.Key as Av));
      if (op === 'BatchWriteItem') {
        const requests = ((input.RequestItems as Record<string, unknown[]>)[tableName] ?? []) as Array<{
          PutRequest?: { Item: Av };
          DeleteRequest?: { Key: Av };
        }>;
        for (const r of requests) {
          keys.push(
            r.PutRequest ? keyOf('BatchPut', r.PutRequest.Item) : keyOf('BatchDelete', r.DeleteRequest?.Key),
          );
        }
      }
      return next(args);
    },
    { step: 'build', name },
  );
  return {
    count: () => keys.length,
    keys: () => [...keys],
    reset: () => {
      keys = [];
    },
    stop: () => {
      client.middlewareStack.remove(name);
    },
  };
}

/** Every key in a table with the attributes tests look at (scan, for assertions only). */
export async function scanTable(
  client: DynamoDBClient,
  tableName: string,
): Promise<Array<{ pk: string; sk: string; exp?: number; t?: boolean }>> {
  const { ScanCommand } = await import('@aws-sdk/client-dynamodb');
  const rows: Array<{ pk: string; sk: string; exp?: number; t?: boolean }> = [];
  let start: Record<string, never> | undefined;
  do {
    const out = await client.send(new ScanCommand({ TableName: tableName, ExclusiveStartKey: start }));
    for (const item of out.Items ?? []) {
      rows.push({
        pk: item.pk?.S ?? '',
        sk: item.sk?.S ?? '',
        exp: item.exp?.N ? Number(item.exp.N) : undefined,
        t: item.t?.BOOL,
      });
    }
    start = out.LastEvaluatedKey as Record<string, never> | undefined;
  } while (start);
  return rows;
}
