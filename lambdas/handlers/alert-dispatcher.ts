/**
 * The alert-dispatch Lambda (SQS): wiring only. Each job goes through the platform's notifier with
 * exactly-once records (lambdas/alerts/sqs-batch.ts); the notifiers are the same as `npm start`'s
 * (bots/alert-notifiers), pacing this dispatcher's share of the bots' global limits.
 */

import { randomUUID } from 'node:crypto';
import { Logger } from '@aws-lambda-powertools/logger';
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { SQSClient } from '@aws-sdk/client-sqs';
import { createAlertNotifiers } from '../../bots/alert-notifiers/index.js';
import { ENV } from '../../core/config/env-names.js';
import type { DispatcherDeps } from '../alerts/dispatch-run.js';
import { batchTotals, dispatchSqsBatch, type SqsRecord } from '../alerts/sqs-batch.js';
import { dispatchQueuesFrom } from '../alerts/sqs-queue.js';
import { dispatcherShareFromEnv } from '../config/dispatcher-share.js';
import { requiredEnv } from '../config/env-values.js';
import { HandlerConfigError } from '../config/errors.js';
import { botAccessFromEnv } from '../config/secrets.js';
import { createAlertRecordStore } from '../store/alert-records/index.js';
import { createSubscriptionStore } from '../store/subscriptions/index.js';
import { DEFAULT_TABLE_NAME } from '../store/table/index.js';

const logger = new Logger({ serviceName: 'herald-alert-dispatcher' });

async function build(env: NodeJS.ProcessEnv = process.env): Promise<DispatcherDeps> {
  const queueUrl = requiredEnv(env, ENV.alertDispatchQueueUrl);
  const client = new DynamoDBClient({});
  const tableName = env[ENV.tableName]?.trim() || DEFAULT_TABLE_NAME;
  const access = await botAccessFromEnv(env, (line) => logger.warn(line));
  if (!access.telegram && !access.discord)
    throw new HandlerConfigError('no bot token: set the Telegram or the Discord token (or their parameters)');
  const notifiers = createAlertNotifiers({
    ...access,
    subscriptions: createSubscriptionStore({ client, tableName }),
    share: dispatcherShareFromEnv(env),
    log: (line) => logger.info(line),
  });
  return {
    records: createAlertRecordStore({ client, tableName }),
    notifiers,
    queue: dispatchQueuesFrom(queueUrl, new SQSClient({})),
    owner: `lambda-${randomUUID().slice(0, 8)}`,
    log: (line) => logger.info(line),
  };
}

let deps: Promise<DispatcherDeps> | undefined;

export async function handler(event: { Records?: SqsRecord[] }) {
  deps ??= build().catch((error: unknown) => {
    deps = undefined;
    throw error;
  });
  const outcome = await dispatchSqsBatch(event.Records ?? [], await deps);
  logger.info('dispatch batch', batchTotals(outcome));
  return { batchItemFailures: outcome.batchItemFailures };
}
