/**
 * The scheduled snapshot Lambda: one snapshot run per invocation, its summary logged as JSON, then
 * one alert-detection message. The store and era archive live at module level, so a warm container
 * keeps past eras in memory between runs; a cold one reads them from the store's blobs.
 */
import { Logger } from '@aws-lambda-powertools/logger';
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { SendMessageCommand, SQSClient } from '@aws-sdk/client-sqs';
import { endpointsFromEnv } from '../config/endpoints.js';
import { ENV, type EnvName } from '../config/env-names.js';
import { runSnapshotJob, type SnapshotJobDeps, type SnapshotSummary } from '../snapshot/job.js';
import { BlobEraArchive } from '../snapshot/read/blob-era-archive.js';
import { createDynamoStore } from '../store/snapshot/index.js';
import { createSubscriptionStore } from '../store/subscriptions/index.js';
import { encodeAlertDetection } from './alert-message.js';
import { HandlerConfigError } from './errors.js';

export interface SnapshotRuntime {
  job: Omit<SnapshotJobDeps, 'log'>;
  logger: Pick<Logger, 'info' | 'error'>;
  sendAlertMessage: (body: string) => Promise<unknown>;
  run?: (deps: SnapshotJobDeps) => Promise<SnapshotSummary>;
}

/** Runs the job; a failure is logged and rethrown so Lambda counts it (alarms, dead-letter queue). */
export async function runScheduledSnapshot(rt: SnapshotRuntime): Promise<SnapshotSummary> {
  const run = rt.run ?? runSnapshotJob;
  let summary: SnapshotSummary;
  try {
    summary = await run({ ...rt.job, log: (message) => rt.logger.info(message) });
  } catch (error) {
    rt.logger.error('snapshot failed, previous version still served', error as Error);
    throw error;
  }
  rt.logger.info('snapshot committed', { summary });
  try {
    await rt.sendAlertMessage(encodeAlertDetection(summary));
  } catch (error) {
    rt.logger.error(
      `snapshot ${summary.version} committed but its alert message was not sent`,
      error as Error,
    );
    throw error;
  }
  return summary;
}

function required(env: NodeJS.ProcessEnv, name: EnvName): string {
  const value = env[name]?.trim();
  if (!value) throw new HandlerConfigError(`${name} is not set`);
  return value;
}

function optionalMs(env: NodeJS.ProcessEnv, name: EnvName): number | undefined {
  const raw = env[name]?.trim();
  if (!raw) return undefined;
  const ms = Number(raw);
  if (!Number.isSafeInteger(ms) || ms <= 0)
    throw new HandlerConfigError(`${name} must be a positive integer`);
  return ms;
}

export function snapshotRuntimeFromEnv(env: NodeJS.ProcessEnv = process.env): SnapshotRuntime {
  const endpoints = endpointsFromEnv(env);
  if (!endpoints) throw new HandlerConfigError(`${ENV.assetHubRpc} is not set`);
  const queueUrl = required(env, ENV.alertQueueUrl);
  const logger = new Logger({ serviceName: 'herald-snapshot' });
  const client = new DynamoDBClient({});
  const tableName = required(env, ENV.tableName);
  const store = createDynamoStore({ client, tableName });
  const subscriptions = createSubscriptionStore({ client, tableName });
  const sqs = new SQSClient({});
  return {
    job: {
      store,
      endpoints,
      archive: new BlobEraArchive(store, (message) => logger.info(message)),
      watched: () => subscriptions.watchedAddresses(),
      connectTimeoutMs: optionalMs(env, ENV.connectTimeoutMs),
      readTimeoutMs: optionalMs(env, ENV.readTimeoutMs),
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
