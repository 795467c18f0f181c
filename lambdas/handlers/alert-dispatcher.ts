/**
 * The alert-dispatch Lambda (SQS): sends each job through the Telegram or Discord notifier with
 * exactly-once records. Jobs another dispatcher holds, or that hit a table error, come back as
 * batch item failures; retries and quiet-hour deferrals are re-enqueued with a delay. A target the
 * platform reports gone has its subscriptions disabled.
 */
import { randomUUID } from 'node:crypto';
import { Logger } from '@aws-lambda-powertools/logger';
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { SQSClient } from '@aws-sdk/client-sqs';
import { Telegram } from 'telegraf';
import { DiscordNotifier } from '../../bots/discord/delivery/index.js';
import { createDiscordRest } from '../../bots/discord/rest.js';
import { createTelegramNotifier } from '../../bots/telegram/notifier.js';
import { ENV } from '../../core/config/env-names.js';
import type { DeliveryTarget, Notifier, Platform } from '../../core/ports/notifier.js';
import type { DispatcherDeps } from '../alerts/dispatcher.js';
import { dispatchSqsBatch, type SqsRecord } from '../alerts/sqs-batch.js';
import { dispatchQueuesFrom } from '../alerts/sqs-queue.js';
import { HandlerConfigError } from '../config/errors.js';
import { secretOrEnv } from '../config/secrets.js';
import { createAlertRecordStore } from '../store/alert-records/index.js';
import { createSubscriptionStore } from '../store/subscriptions/index.js';
import { DEFAULT_TABLE_NAME } from '../store/table/index.js';
import { dispatcherShareFromEnv, sharedLimiters } from './dispatcher-limits.js';

const logger = new Logger({ serviceName: 'herald-alert-dispatcher' });

async function build(env: NodeJS.ProcessEnv = process.env): Promise<DispatcherDeps> {
  const queueUrl = env[ENV.alertDispatchQueueUrl]?.trim();
  if (!queueUrl) throw new HandlerConfigError(`${ENV.alertDispatchQueueUrl} is not set`);
  const client = new DynamoDBClient({});
  const tableName = env[ENV.tableName]?.trim() || DEFAULT_TABLE_NAME;
  const subscriptions = createSubscriptionStore({ client, tableName });
  const disable = async (target: DeliveryTarget, reason: string) => {
    await subscriptions.disableTarget(target, reason);
  };
  const notifiers: Partial<Record<Platform, Notifier>> = {};
  const limiters = sharedLimiters(dispatcherShareFromEnv(env));
  // One platform may be left unconfigured; say why its token is missing (e.g. the put-parameter to run).
  const tokenOrNull = (platform: Platform) => (error: Error) => {
    logger.warn(`no ${platform} bot token: ${error.message}`);
    return null;
  };
  const [telegramToken, discordToken] = await Promise.all([
    secretOrEnv(ENV.telegramBotToken, ENV.telegramBotTokenSecret, env).catch(tokenOrNull('telegram')),
    secretOrEnv(ENV.discordBotToken, ENV.discordBotTokenSecret, env).catch(tokenOrNull('discord')),
  ]);
  if (telegramToken) {
    const apiRoot = env[ENV.telegramApiRoot]?.trim() || undefined;
    notifiers.telegram = createTelegramNotifier({
      telegram: new Telegram(telegramToken, apiRoot ? { apiRoot } : {}),
      limiter: limiters.telegram,
      disableTarget: disable,
      log: (line) => logger.info(line),
    });
  }
  if (discordToken)
    notifiers.discord = new DiscordNotifier({
      rest: createDiscordRest({ token: discordToken, api: env[ENV.discordApiRoot]?.trim() || undefined }),
      limiter: limiters.discord,
      onGone: disable,
      log: (line) => logger.info(line),
    });
  if (!notifiers.telegram && !notifiers.discord)
    throw new HandlerConfigError('no bot token: set the Telegram or the Discord token (or their parameters)');
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
  const sum = (key: keyof (typeof outcome.results)[number]) =>
    outcome.results.reduce((n, r) => n + r[key], 0);
  logger.info('dispatch batch', {
    jobs: outcome.results.length,
    dropped: outcome.dropped,
    sent: sum('sent'),
    alreadyDone: sum('alreadyDone'),
    retrying: sum('retrying'),
    deferred: sum('deferred'),
    failed: sum('failed'),
    gone: sum('gone'),
    busy: sum('busy'),
    unsendable: sum('unsendable'),
  });
  return { batchItemFailures: outcome.batchItemFailures };
}
