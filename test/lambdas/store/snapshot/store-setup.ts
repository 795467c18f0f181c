/** Per-file DynamoDB and a fresh table (hence a fresh store) per test. */
import { afterAll, beforeAll } from 'vitest';
import type { SnapshotStore } from '../../../../core/ports/snapshot-store.js';
import { createDynamoStore, type DynamoStoreOptions } from '../../../../lambdas/store/snapshot/index.js';
import { startTestDynamo, type TestDynamo } from '../../../helpers/dynamo.js';

export interface StoreHarness {
  dynamo(): TestDynamo;
  fresh(
    label: string,
    options?: Partial<DynamoStoreOptions>,
  ): Promise<{ store: SnapshotStore; tableName: string }>;
}

export function useStoreHarness(): StoreHarness {
  let dynamo: TestDynamo | undefined;
  beforeAll(async () => {
    dynamo = await startTestDynamo();
  });
  afterAll(async () => {
    await dynamo?.close();
  });
  return {
    dynamo: () => dynamo!,
    fresh: async (label, options = {}) => {
      const tableName = await dynamo!.newTable(label);
      return { store: createDynamoStore({ client: dynamo!.client, tableName, ...options }), tableName };
    },
  };
}
