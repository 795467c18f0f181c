/**
 * The alert-detection Lambda (SQS, fed by the snapshot Lambda): one detection per committed
 * version, its jobs sent to the dispatch queue, then the cursor moved. A failure is returned as a
 * batch item failure so SQS runs it again; the alert ids make the repeat harmless. Invoked without
 * SQS records (a schedule), it checks the newest version against the clock alone: deadlines keep
 * counting down, and stale data is reported, even when no new snapshot arrives.
 */
import { Logger } from '@aws-lambda-powertools/logger';
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { SQSClient } from '@aws-sdk/client-sqs';
import { alertRulesFromEnv, operatorTargetsFrom } from '../alerts/config.js';
import { type DetectorDeps, detectAndEnqueue } from '../alerts/detector.js';
import type { JobQueue } from '../alerts/queue.js';
import { dispatchQueuesFrom } from '../alerts/sqs-queue.js';
import { ENV } from '../config/env-names.js';
import { createAlertRecordStore } from '../store/alert-records.js';
import { createDynamoStore, createSubscriptionStore, DEFAULT_TABLE_NAME } from '../store/index.js';
import { createVersionDiffer } from '../store/version-diff.js';
import { parseAlertDetection } from './alert-message.js';
import { HandlerConfigError } from './errors.js';

const logger = new Logger({ serviceName: 'herald-alert-detector' });

function build(env: NodeJS.ProcessEnv = process.env): DetectorDeps & { queue: JobQueue } {
  const queueUrl = env[ENV.alertDispatchQueueUrl]?.trim();
  if (!queueUrl) throw new HandlerConfigError(`${ENV.alertDispatchQueueUrl} is not set`);
  const client = new DynamoDBClient({});
  const tableName = env[ENV.tableName]?.trim() || DEFAULT_TABLE_NAME;
  return {
    store: createDynamoStore({ client, tableName }),
    differ: createVersionDiffer({ client, tableName }),
    subscriptions: createSubscriptionStore({ client, tableName }),
    records: createAlertRecordStore({ client, tableName }),
    queue: dispatchQueuesFrom(queueUrl, new SQSClient({})),
    rules: alertRulesFromEnv(env),
    operators: operatorTargetsFrom(env[ENV.alertOperatorTargets]),
    log: (line) => logger.info(line),
  };
}

let deps: ReturnType<typeof build> | undefined;

export async function handler(event: { Records?: Array<{ messageId: string; body: string }> }) {
  deps ??= build();
  if (!event?.Records) {
    const run = await detectAndEnqueue(deps);
    logger.info('scheduled alert check', { version: run?.version ?? null, alerts: run?.alerts.length ?? 0 });
    return { batchItemFailures: [] };
  }
  const failures: Array<{ itemIdentifier: string }> = [];
  // Oldest version first, so the cursor moves forward through them.
  const records = [...(event.Records ?? [])]
    .map((r) => {
      try {
        return { record: r, message: parseAlertDetection(r.body), endpoint: endpointOf(r.body) };
      } catch (error) {
        logger.error(`alert-detection message ${r.messageId} dropped`, error as Error);
        return null;
      }
    })
    .filter((r) => r !== null)
    .sort((a, b) => a.message.version - b.message.version);
  for (const { record, message, endpoint } of records) {
    try {
      const run = await detectAndEnqueue(deps, { version: message.version, endpoint });
      logger.info('alerts detected', {
        version: message.version,
        base: run?.base ?? null,
        alerts: run?.alerts.length ?? 0,
        jobs: run?.jobs.length ?? 0,
        stats: run?.stats,
      });
    } catch (error) {
      logger.error(`alert detection for version ${message.version} failed; SQS retries it`, error as Error);
      failures.push({ itemIdentifier: record.messageId });
    }
  }
  return { batchItemFailures: failures };
}

/** The endpoint the snapshot was read from, when the message carries it (for failover alerts). */
function endpointOf(body: string): string | null {
  try {
    const endpoint = (JSON.parse(body) as { endpoint?: unknown }).endpoint;
    return typeof endpoint === 'string' && endpoint.length > 0 ? endpoint : null;
  } catch {
    return null;
  }
}
