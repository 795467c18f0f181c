/**
 * The world most end-to-end tests start from: the dev chain seeded with a scenario, a fresh
 * dynalite table, and one real snapshot of the chain committed into it.
 */

import type { SnapshotStore } from '../../core/ports/snapshot-store.js';
import type { SubscriptionStore } from '../../core/ports/subscription-store.js';
import { type DevChain, startDevChain } from '../../dev/chain/devchain.js';
import { generateScenario, type Scenario, seedStorage } from '../../dev/scenario/index.js';
import { runSnapshotJob, type SnapshotSummary } from '../../lambdas/snapshot/job.js';
import { MemoryEraArchive } from '../../lambdas/snapshot/read/era-archive.js';
import { createDynamoStore } from '../../lambdas/store/snapshot/index.js';
import { createSubscriptionStore } from '../../lambdas/store/subscriptions/index.js';
import { startTestDynamo, type TestDynamo } from './dynamo.js';

export interface SnapshotWorld {
  chain: DevChain;
  scenario: Scenario;
  dynamo: TestDynamo;
  tableName: string;
  store: SnapshotStore;
  subscriptions: SubscriptionStore;
  snapshot: SnapshotSummary;
  close(): Promise<void>;
}

export async function startSnapshotWorld(label: string, seed = 42): Promise<SnapshotWorld> {
  const closers: Array<() => Promise<void>> = [];
  const close = async () => {
    for (const c of closers.reverse()) await c();
  };
  try {
    const chain = await startDevChain();
    closers.push(() => chain.close());
    const scenario = generateScenario({ size: 'small', seed });
    await seedStorage(chain.endpoint, scenario.storage);
    const dynamo = await startTestDynamo();
    closers.push(() => dynamo.close());
    const tableName = await dynamo.newTable(label);
    const store = createDynamoStore({ client: dynamo.client, tableName });
    const snapshot = await runSnapshotJob({
      store,
      endpoints: { assetHub: [chain.endpoint] },
      archive: new MemoryEraArchive(),
    });
    const subscriptions = createSubscriptionStore({ client: dynamo.client, tableName });
    return { chain, scenario, dynamo, tableName, store, subscriptions, snapshot, close };
  } catch (error) {
    await close();
    throw error;
  }
}
