/**
 * The dev chain seeded with the small scenario, one real snapshot run into a dynalite table, and
 * command contexts over it: what the command tests answer from.
 */

import { type CommandContext, commandContext, SnapshotCache } from '../../../bots/commands/index.js';
import type { AlertRecordStore } from '../../../core/ports/alert-records.js';
import type { SnapshotStore } from '../../../core/ports/snapshot-store.js';
import type { SubscriptionStore } from '../../../core/ports/subscription-store.js';
import type { Target } from '../../../core/subscriptions/subscription-model.js';
import { type DevChain, startDevChain } from '../../../dev/chain/devchain.js';
import { generateScenario, type Scenario, seedStorage } from '../../../dev/scenario/index.js';
import { runSnapshotJob, type SnapshotSummary } from '../../../lambdas/snapshot/job.js';
import { MemoryEraArchive } from '../../../lambdas/snapshot/read/era-archive.js';
import { createAlertRecordStore } from '../../../lambdas/store/alert-records/index.js';
import { createDynamoStore } from '../../../lambdas/store/snapshot/index.js';
import { createSubscriptionStore } from '../../../lambdas/store/subscriptions/index.js';
import { scanTable, startTestDynamo, type TestDynamo } from '../../helpers/dynamo.js';

export interface CommandHarness {
  scenario: Scenario;
  summary: SnapshotSummary;
  store: SnapshotStore;
  subscriptions: SubscriptionStore;
  alertRecords: AlertRecordStore;
  dynamo: TestDynamo;
  tableName: string;
  context(options?: {
    caller?: Target | null;
    now?: () => number;
    staleAfterMs?: number;
    alertRecords?: AlertRecordStore | null;
  }): CommandContext;
  /** Every item key and its attributes, to prove a command wrote nothing. */
  tableState(): Promise<string>;
  close(): Promise<void>;
}

export const CHAT: Target = { platform: 'telegram', kind: 'chat', id: '-1009876543', createdBy: '4242' };

export async function startCommandHarness(seed = 42): Promise<CommandHarness> {
  let chain: DevChain | undefined;
  let dynamo: TestDynamo | undefined;
  try {
    chain = await startDevChain();
    const scenario = generateScenario({ size: 'small', seed });
    await seedStorage(chain.endpoint, scenario.storage);
    dynamo = await startTestDynamo();
    const tableName = await dynamo.newTable('commands');
    const store = createDynamoStore({ client: dynamo.client, tableName });
    const summary = await runSnapshotJob({
      store,
      endpoints: { assetHub: [chain.endpoint] },
      archive: new MemoryEraArchive(),
    });
    const subscriptions = createSubscriptionStore({ client: dynamo.client, tableName });
    const alertRecords = createAlertRecordStore({ client: dynamo.client, tableName });
    const cache = new SnapshotCache();
    const d = dynamo;
    const c = chain;
    return {
      scenario,
      summary,
      store,
      subscriptions,
      alertRecords,
      dynamo: d,
      tableName,
      context: (options = {}) =>
        commandContext({
          store,
          subscriptions,
          alertRecords: options.alertRecords === undefined ? alertRecords : options.alertRecords,
          caller: options.caller === undefined ? CHAT : options.caller,
          now: options.now,
          staleAfterMs: options.staleAfterMs ?? 15 * 60_000,
          cache,
        }),
      tableState: async () => JSON.stringify(await scanTable(d.client, tableName)),
      close: async () => {
        await d.close();
        await c.close();
      },
    };
  } catch (error) {
    await dynamo?.close();
    await chain?.close();
    throw error;
  }
}
