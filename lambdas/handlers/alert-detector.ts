/**
 * The alert-detection Lambda (invoked asynchronously by the snapshot Lambda after each commit, and
 * by a schedule): wiring only. What it does with an event is lambdas/alerts/detector-invocation.ts.
 */
import { Logger } from '@aws-lambda-powertools/logger';
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { SQSClient } from '@aws-sdk/client-sqs';
import { ENV } from '../../core/config/env-names.js';
import { alertRulesFromEnv, operatorTargetsFrom } from '../alerts/config.js';
import type { AlertDetectorDeps } from '../alerts/detector-events.js';
import { handleDetectorInvocation, isDetectionInvocation } from '../alerts/detector-invocation.js';
import { dispatchQueuesFrom } from '../alerts/sqs-queue.js';
import { detectorCards } from '../cards/detector-cards.js';
import { HandlerConfigError } from '../config/errors.js';
import { createAlertRecordStore } from '../store/alert-records/index.js';
import { createDynamoStore, createVersionDiffer } from '../store/snapshot/index.js';
import { createSubscriptionStore } from '../store/subscriptions/index.js';
import { DEFAULT_TABLE_NAME } from '../store/table/index.js';

const logger = new Logger({ serviceName: 'herald-alert-detector' });

function build(env: NodeJS.ProcessEnv = process.env): AlertDetectorDeps {
  const queueUrl = env[ENV.alertDispatchQueueUrl]?.trim();
  if (!queueUrl) throw new HandlerConfigError(`${ENV.alertDispatchQueueUrl} is not set`);
  const client = new DynamoDBClient({});
  const tableName = env[ENV.tableName]?.trim() || DEFAULT_TABLE_NAME;
  const subscriptions = createSubscriptionStore({ client, tableName });
  return {
    store: createDynamoStore({ client, tableName }),
    differ: createVersionDiffer({ client, tableName }),
    subscriptions,
    index: subscriptions,
    records: createAlertRecordStore({ client, tableName }),
    queue: dispatchQueuesFrom(queueUrl, new SQSClient({})),
    rules: alertRulesFromEnv(env),
    operators: operatorTargetsFrom(env[ENV.alertOperatorTargets]),
    log: (line) => logger.info(line),
  };
}

let deps: AlertDetectorDeps | undefined;
const tableName = process.env[ENV.tableName]?.trim() || DEFAULT_TABLE_NAME;
const cards = detectorCards({ client: new DynamoDBClient({}), tableName, env: process.env, log: logger });

export async function handler(event: unknown) {
  deps ??= build();
  const result = await handleDetectorInvocation(deps, event, logger);
  // The live cards follow each detection, not the scheduled check.
  await cards(isDetectionInvocation(event) ? { Records: [event] } : {});
  return result;
}
