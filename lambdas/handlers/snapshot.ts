/**
 * The scheduled snapshot Lambda: wiring only (lambdas/snapshot/scheduled-run.ts runs it); after a
 * commit it invokes the alert detector asynchronously with the detection message. The store
 * and era archive live at module level, so a warm container keeps past eras in memory between runs;
 * a cold one reads them from the store's blobs.
 */
import { Logger } from '@aws-lambda-powertools/logger';
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { ENV } from '../../core/config/env-names.js';
import { endpointsFromEnv } from '../config/endpoints.js';
import { optionalPositiveInt, requiredEnv } from '../config/env-values.js';
import { HandlerConfigError } from '../config/errors.js';
import { titleSourceFromEnv } from '../config/titles.js';
import { lambdaAsyncInvoker } from '../invoke/async-invoke.js';
import type { SnapshotSummary } from '../snapshot/job.js';
import { BlobEraArchive } from '../snapshot/read/blob-era-archive.js';
import { runScheduledSnapshot, type SnapshotRuntime } from '../snapshot/scheduled-run.js';
import { createDynamoStore } from '../store/snapshot/index.js';
import { createSubscriptionStore } from '../store/subscriptions/index.js';

export function snapshotRuntimeFromEnv(env: NodeJS.ProcessEnv = process.env): SnapshotRuntime {
  const endpoints = endpointsFromEnv(env);
  if (!endpoints) throw new HandlerConfigError(`${ENV.assetHubRpc} is not set`);
  const detector = lambdaAsyncInvoker(requiredEnv(env, ENV.alertDetectorFunction), env);
  const logger = new Logger({ serviceName: 'herald-snapshot' });
  const client = new DynamoDBClient({});
  const tableName = requiredEnv(env, ENV.tableName);
  const store = createDynamoStore({ client, tableName });
  const subscriptions = createSubscriptionStore({ client, tableName });
  return {
    job: {
      store,
      endpoints,
      archive: new BlobEraArchive(store, (message) => logger.info(message)),
      watched: () => subscriptions.watchedAddresses(),
      connectTimeoutMs: optionalPositiveInt(env, ENV.connectTimeoutMs),
      readTimeoutMs: optionalPositiveInt(env, ENV.readTimeoutMs),
      requestTimeoutMs: optionalPositiveInt(env, ENV.requestTimeoutMs),
      titles: titleSourceFromEnv(env),
    },
    logger,
    // Asynchronous: Lambda queues it, retries a failed detection and dead-letters what still fails.
    sendAlertMessage: (body) => detector.invoke(body),
  };
}

let runtime: SnapshotRuntime | undefined;

export async function handler(): Promise<SnapshotSummary> {
  runtime ??= snapshotRuntimeFromEnv();
  return runScheduledSnapshot(runtime);
}
