/**
 * The scheduled snapshot Lambda: wiring only (lambdas/snapshot/scheduled-run.ts runs it). The store
 * and era archive live at module level, so a warm container keeps past eras in memory between runs;
 * a cold one reads them from the store's blobs.
 */
import { Logger } from '@aws-lambda-powertools/logger';
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { SendMessageCommand, SQSClient } from '@aws-sdk/client-sqs';
import { ENV } from '../../core/config/env-names.js';
import { endpointsFromEnv } from '../config/endpoints.js';
import { optionalPositiveInt, requiredEnv } from '../config/env-values.js';
import { HandlerConfigError } from '../config/errors.js';
import { titleSourceFromEnv } from '../config/titles.js';
import type { SnapshotSummary } from '../snapshot/job.js';
import { BlobEraArchive } from '../snapshot/read/blob-era-archive.js';
import { runScheduledSnapshot, type SnapshotRuntime } from '../snapshot/scheduled-run.js';
import { createDynamoStore } from '../store/snapshot/index.js';
import { createSubscriptionStore } from '../store/subscriptions/index.js';

export function snapshotRuntimeFromEnv(env: NodeJS.ProcessEnv = process.env): SnapshotRuntime {
  const endpoints = endpointsFromEnv(env);
  if (!endpoints) throw new HandlerConfigError(`${ENV.assetHubRpc} is not set`);
  const queueUrl = requiredEnv(env, ENV.alertQueueUrl);
  const logger = new Logger({ serviceName: 'herald-snapshot' });
  const client = new DynamoDBClient({});
  const tableName = requiredEnv(env, ENV.tableName);
  const store = createDynamoStore({ client, tableName });
  const subscriptions = createSubscriptionStore({ client, tableName });
  const sqs = new SQSClient({});
  return {
    job: {
      store,
      endpoints,
      archive: new BlobEraArchive(store, (message) => logger.info(message)),
      watched: () => subscriptions.watchedAddresses(),
      connectTimeoutMs: optionalPositiveInt(env, ENV.connectTimeoutMs),
      readTimeoutMs: optionalPositiveInt(env, ENV.readTimeoutMs),
      titles: titleSourceFromEnv(env),
    },
    logger,
    sendAlertMessage: (body) => sqs.send(new SendMessageCommand({ QueueUrl: queueUrl, MessageBody: body })),
  };
}

let runtime: SnapshotRuntime | undefined;

export async function handler(): Promise<SnapshotSummary> {
  runtime ??= snapshotRuntimeFromEnv();
  return runScheduledSnapshot(runtime);
}
