/**
 * `npm run snapshot`: one snapshot run. It uses the running local stack (.data/stack.json, or its
 * /health on PORT) or, when none runs, brings up its own dev chain and the on-disk local DB. Real endpoints come
 * from KUSAMA_AH_RPC / KUSAMA_RELAY_RPC. The last line is the run's JSON summary.
 */
import './node-support.js';
import { endpointsFromEnv } from '../lambdas/config/endpoints.js';
import { runSnapshotJob } from '../lambdas/snapshot/job.js';
import { BlobEraArchive } from '../lambdas/snapshot/read/blob-era-archive.js';
import { createDynamoStore } from '../lambdas/store/snapshot/index.js';
import { createSubscriptionStore } from '../lambdas/store/subscriptions/index.js';
import { ensureTable } from '../lambdas/store/table/index.js';
import { startDevChain } from './chain/devchain.js';
import { localDynamoClient } from './dynamodb/client.js';
import { generateScenario, seedStorage } from './scenario/index.js';
import { localDb, StackProblem } from './stack/find-stack.js';

const log = (line: string) => console.error(line);

async function main(): Promise<void> {
  const cleanup: Array<() => Promise<void>> = [];
  try {
    const db = await localDb({ create: true, log });
    cleanup.push(() => db.close());
    const { endpoint: dynamoEndpoint, tableName, stack } = db;
    let endpoints =
      endpointsFromEnv() ??
      (stack
        ? {
            assetHub: stack.chain.assetHub,
            relay: stack.chain.relay,
            people: stack.chain.people ?? [],
            coretime: stack.chain.coretime ?? [],
          }
        : null);
    if (!endpoints) {
      const chain = await startDevChain({ identity: 'small/42' });
      cleanup.push(() => chain.close());
      log(`dev chain ${chain.endpoint}: seeding the small scenario`);
      await seedStorage(chain.endpoint, generateScenario({ size: 'small', seed: 42 }).storage);
      endpoints = { assetHub: [chain.endpoint] };
    }
    log(`reading ${endpoints.assetHub.join(', ')} into ${dynamoEndpoint}`);
    const client = localDynamoClient(dynamoEndpoint);
    cleanup.push(async () => client.destroy());
    await ensureTable(client, tableName);
    const store = createDynamoStore({ client, tableName });
    const subscriptions = createSubscriptionStore({ client, tableName });
    const summary = await runSnapshotJob({
      store,
      endpoints,
      archive: new BlobEraArchive(store, log),
      watched: () => subscriptions.watchedAddresses(),
      log,
    });
    console.log(JSON.stringify(summary));
  } finally {
    for (const c of cleanup.reverse()) await c().catch(() => undefined);
  }
}

main().catch((error) => {
  console.error(
    error instanceof StackProblem ? error.message : `snapshot failed: ${(error as Error).message}`,
  );
  process.exit(1);
});
