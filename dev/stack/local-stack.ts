/**
 * The embedded local stack: DynamoDB (dynalite, on disk under .data/dynamodb), the alert runner's
 * queues and clock (under .data/alerts), the Kusama dev chains seeded with a scenario (Asset Hub,
 * the relay chain with its paras and cores, the People chain with the scenario's identities, and the
 * Coretime chain with its sale; or real endpoints from the environment), the snapshot loop and the HTTP front door, all on 127.0.0.1.
 * `close()` stops every part.
 */
import { join } from 'node:path';
import type { SnapshotStore } from '../../core/ports/snapshot-store.js';
import { ALERT_SIZING } from '../../infra/sizing.js';
import { endpointsFromEnv } from '../../lambdas/config/endpoints.js';
import type { ChainEndpoints } from '../../lambdas/snapshot/chain-reader.js';
import type { SnapshotSummary } from '../../lambdas/snapshot/job.js';
import { BlobEraArchive } from '../../lambdas/snapshot/read/blob-era-archive.js';
import { createAlertRecordStore } from '../../lambdas/store/alert-records/index.js';
import { createDynamoStore } from '../../lambdas/store/snapshot/index.js';
import { createSubscriptionStore } from '../../lambdas/store/subscriptions/index.js';
import { ensureTable } from '../../lambdas/store/table/index.js';
import { startCoretimeChain } from '../chain/coretime-chain.js';
import { type DevChain, startDevChain } from '../chain/devchain.js';
import { startPeopleChain } from '../chain/people-chain.js';
import { startRelayChain } from '../chain/relay-chain.js';
import { assetHubRuntime, CORETIME_RUNTIME, PEOPLE_RUNTIME, RELAY_RUNTIME } from '../chain/runtimes.js';
import { localDynamoClient } from '../dynamodb/client.js';
import { type RunningDynamo, startDynalite } from '../dynamodb/dynalite.js';
import { startStackTitles } from '../offchain/stack-titles.js';
import { generateScenario, seedStorage } from '../scenario/index.js';
import { inProcessAsyncInvoker } from './async-invoke.js';
import { discordLocalRoutes } from './discord-route.js';
import { healthRoute } from './health.js';
import { type LocalHttpServer, type Route, startHttpServer } from './http-server.js';
import { startStackAlerts } from './local-alerts.js';
import { RUNTIME_UPGRADE_PATH, runtimeUpgradeRoute } from './runtime-upgrade-route.js';
import { type SnapshotLoop, startSnapshotLoop } from './snapshot-loop.js';
import { telegramLocalRoutes } from './telegram-route.js';

export interface LocalStackOptions {
  httpPort: number;
  dynamoPort: number;
  chainPort: number;
  /** The dev relay chain's port (0 picks a free one). */
  relayChainPort?: number;
  /** The dev People chain's port (0 picks a free one). */
  peopleChainPort?: number;
  /** The dev Coretime chain's port (0 picks a free one). */
  coretimeChainPort?: number;
  /** Directory for dynalite's files and the alert runner's state; in memory when null. */
  dataDir: string | null;
  tableName: string;
  snapshotIntervalMs: number;
  scenario: 'small' | 'kusama';
  seed: number;
  /** The dev Asset Hub runtime's spec version (statemine 2,003,000 unless said otherwise). */
  runtime?: number;
  log: (line: string) => void;
}

export interface LocalStack {
  endpoints: ChainEndpoints;
  dynamoEndpoint: string;
  http: LocalHttpServer;
  store: SnapshotStore;
  snapshots: SnapshotLoop;
  close(): Promise<void>;
}

export async function startLocalStack(options: LocalStackOptions): Promise<LocalStack> {
  const { log } = options;
  const closers: Array<() => Promise<void>> = [];
  const close = async () => {
    for (const c of closers.reverse()) await c().catch((e) => log(`while stopping: ${(e as Error).message}`));
  };
  try {
    const dynamo: RunningDynamo = await startDynalite({
      path: options.dataDir ? join(options.dataDir, 'dynamodb') : undefined,
      port: options.dynamoPort,
    });
    closers.push(() => dynamo.close());
    const client = localDynamoClient(dynamo.endpoint);
    closers.push(async () => client.destroy());
    await ensureTable(client, options.tableName);
    const store = createDynamoStore({ client, tableName: options.tableName });
    log(
      `DynamoDB (dynalite)   ${dynamo.endpoint}  table ${options.tableName}${options.dataDir ? `, data in ${options.dataDir}` : ', in memory'}`,
    );

    let endpoints = endpointsFromEnv();
    let chain: DevChain | null = null;
    let seededGovernance: Parameters<typeof startStackTitles>[0] = null;
    if (endpoints) {
      log(`Kusama Asset Hub      ${endpoints.assetHub.join(', ')} (from the environment)`);
    } else {
      const runtime = assetHubRuntime(options.runtime);
      const identity = `${options.scenario}/${options.seed}`;
      const scenario = generateScenario({
        size: options.scenario,
        seed: options.seed,
        runtime: runtime.specVersion,
      });
      seededGovernance = scenario.expected.governance;
      const relayBlock = scenario.expected.anchor.relayBlock;
      // The four chains start and take their seeds side by side.
      const started = await Promise.allSettled([
        (async () => {
          const ah = await startDevChain({ port: options.chainPort, runtime, identity });
          try {
            await seedStorage(ah.endpoint, scenario.storage);
          } catch (error) {
            await ah.close();
            throw error;
          }
          return ah;
        })(),
        // The relay chain holds the block the seeded Asset Hub block was built on, finalized.
        startRelayChain(scenario.relay, relayBlock, { port: options.relayChainPort ?? 0, identity }),
        startPeopleChain(scenario.people, { port: options.peopleChainPort ?? 0, identity }),
        startCoretimeChain(scenario.coretime, { port: options.coretimeChainPort ?? 0, identity }),
      ]);
      for (const s of started) if (s.status === 'fulfilled') closers.push(() => s.value.close());
      const failed = started.find((s) => s.status === 'rejected');
      if (failed) throw (failed as PromiseRejectedResult).reason;
      const [ah, relay, people, coretime] = started.map((s) => (s as PromiseFulfilledResult<DevChain>).value);
      chain = ah!;
      endpoints = {
        assetHub: [chain.endpoint],
        relay: [relay!.endpoint],
        people: [people!.endpoint],
        coretime: [coretime!.endpoint],
      };
      const sale = scenario.expected.parachains.coretime?.sale;
      log(
        `Kusama dev People     ${people!.endpoint}  (stub runtime, ${PEOPLE_RUNTIME.specName} ${PEOPLE_RUNTIME.specVersion}, ${Object.keys(scenario.people.expected).length} named accounts)`,
      );
      log(
        `Kusama dev Coretime   ${coretime!.endpoint}  (stub runtime, ${CORETIME_RUNTIME.specName} ${CORETIME_RUNTIME.specVersion}, sale of region ${sale?.regionBegin ?? '-'}..${sale?.regionEnd ?? '-'}, ${sale?.coresSold ?? 0}/${sale?.coresOffered ?? 0} cores sold)`,
      );
      log(
        `Kusama dev relay      ${relay!.endpoint}  (stub runtime, kusama ${RELAY_RUNTIME.specVersion}, finalized at relay block ${relayBlock}, ${scenario.expected.parachains.relay?.paras.length ?? 0} paras on ${scenario.expected.parachains.relay?.coreCount ?? 0} cores)`,
      );
      log(
        `Kusama dev chain      ${chain.endpoint}  (stub runtime, ${runtime.specName} ${runtime.specVersion}, "${options.scenario}" scenario, seed ${options.seed})`,
      );
    }

    const subscriptions = createSubscriptionStore({ client, tableName: options.tableName });
    const { alerts, platforms } = startStackAlerts({
      client,
      tableName: options.tableName,
      store,
      subscriptions,
      dataDir: options.dataDir ? join(options.dataDir, 'alerts') : null,
      log,
    });
    closers.push(async () => {
      await alerts.close();
    });
    const delivering = platforms.length
      ? platforms.join(' and ')
      : 'no platform yet (set TELEGRAM_BOT_TOKEN or DISCORD_BOT_TOKEN)';
    log(`Alerts                detected after each snapshot, delivered to ${delivering}`);
    const archive = new BlobEraArchive(store, log);
    const titles = await startStackTitles(seededGovernance, log);
    closers.push(() => titles.close());
    const detection = inProcessAsyncInvoker((summary: SnapshotSummary) => alerts.afterSnapshot(summary), {
      name: 'alert detection',
      retryAttempts: ALERT_SIZING.detectorRetryAttempts,
      log,
    });
    const snapshots = startSnapshotLoop(
      {
        store,
        endpoints,
        archive,
        log,
        watched: () => subscriptions.watchedAddresses(),
        titles: titles.source,
      },
      options.snapshotIntervalMs,
      log,
      // As on AWS: the detector is invoked asynchronously after each commit, retried, then dead-lettered.
      (summary) => detection.invoke(summary),
    );
    closers.push(() => snapshots.stop());
    await snapshots.runNow();

    const routes: Record<string, Route> = {
      'GET /health': healthRoute({
        store,
        endpoints,
        snapshots,
        dynamoEndpoint: dynamo.endpoint,
        tableName: options.tableName,
      }),
      ...telegramLocalRoutes({
        store,
        subscriptions,
        alertRecords: createAlertRecordStore({ client, tableName: options.tableName }),
        log,
      }),
      ...discordLocalRoutes({ store, dynamo: { client, tableName: options.tableName } }, process.env, log),
      ...(chain
        ? { [`POST ${RUNTIME_UPGRADE_PATH}`]: runtimeUpgradeRoute(chain, snapshots.runNow, log) }
        : {}),
    };
    const http = await startHttpServer(options.httpPort, routes);
    closers.push(() => http.close());
    log(`HTTP                  ${http.url}  (${Object.keys(routes).join(', ')})`);
    return { endpoints, dynamoEndpoint: dynamo.endpoint, http, store, snapshots, close };
  } catch (error) {
    await close();
    throw error;
  }
}
