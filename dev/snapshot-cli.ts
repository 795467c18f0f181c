/**
 * `npm run snapshot`: one snapshot run. It uses the running local stack (found through its /health)
 * or, when none runs, brings up its own dev chain and the on-disk local DB. Real endpoints come
 * from KUSAMA_AH_RPC / KUSAMA_RELAY_RPC. The last line is the run's JSON summary.
 */
import { join } from 'node:path';
import { ENV } from '../core/config/env-names.js';
import { endpointsFromEnv } from '../lambdas/config/endpoints.js';
import type { ChainEndpoints } from '../lambdas/snapshot/chain-reader.js';
import { runSnapshotJob } from '../lambdas/snapshot/job.js';
import { BlobEraArchive } from '../lambdas/snapshot/read/blob-era-archive.js';
import { createDynamoStore } from '../lambdas/store/snapshot/index.js';
import { createSubscriptionStore } from '../lambdas/store/subscriptions/index.js';
import { ensureTable } from '../lambdas/store/table/index.js';
import { startDevChain } from './chain/devchain.js';
import { localDynamoClient } from './dynamodb/client.js';
import { startDynalite } from './dynamodb/dynalite.js';
import { generateScenario, seedStorage } from './scenario/index.js';

const log = (line: string) => console.error(line);

async function runningStack(): Promise<{ endpoints: ChainEndpoints; dynamodb: string } | null> {
  const port = process.env.PORT ?? '3000';
  try {
    const res = await fetch(`http://127.0.0.1:${port}/health`, { signal: AbortSignal.timeout(1_000) });
    const health = (await res.json()) as {
      chain: { assetHub: string[]; relay: string[]; people?: string[] };
      dynamodb: string;
    };
    return {
      endpoints: { assetHub: health.chain.assetHub, relay: health.chain.relay, people: health.chain.people },
      dynamodb: health.dynamodb,
    };
  } catch {
    return null;
  }
}

async function main(): Promise<void> {
  const cleanup: Array<() => Promise<void>> = [];
  try {
    const stack = await runningStack();
    let dynamoEndpoint = process.env[ENV.dynamoEndpoint] ?? stack?.dynamodb;
    let endpoints = endpointsFromEnv() ?? stack?.endpoints ?? null;
    if (!dynamoEndpoint) {
      const dynamo = await startDynalite({ path: join(process.cwd(), '.data', 'dynamodb') });
      cleanup.push(() => dynamo.close());
      dynamoEndpoint = dynamo.endpoint;
    }
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
    const tableName = process.env[ENV.tableName] ?? 'herald-local';
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
  console.error(`snapshot failed: ${(error as Error).message}`);
  process.exit(1);
});
