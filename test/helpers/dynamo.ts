/**
 * DynamoDB for tests: an in-memory dynalite per test file, or the emulator named by
 * HERALD_TEST_DDB_ENDPOINT (set by `npm run test:ddb-local`). Every table gets a fresh name.
 */
import { randomBytes } from 'node:crypto';
import type { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { localDynamoClient } from '../../dev/dynamodb/client.js';
import { startDynalite } from '../../dev/dynamodb/dynalite.js';
import { ensureTable } from '../../lambdas/store/ensure-table.js';

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
