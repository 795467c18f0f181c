/** The Telegram webhook Lambda: wires secrets, DynamoDB and the chart renderer to bots/telegram. */
import { Logger } from '@aws-lambda-powertools/logger';
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { renderReferendumChart } from '../../bots/chart/render.js';
import { commandConfigFromEnv } from '../../bots/commands/config.js';
import { createTelegramWebhook } from '../../bots/telegram/app.js';
import { botIdOf, telegramSettings } from '../../bots/telegram/config.js';
import { httpEventHandler, useChartAssetsDir } from '../../bots/telegram/http-event.js';
import { ENV } from '../../core/config/env-names.js';
import { secretOrEnv } from '../config/secrets.js';
import { createAlertRecordStore } from '../store/alert-records/index.js';
import { createDynamoStore } from '../store/snapshot/index.js';
import { createSubscriptionStore } from '../store/subscriptions/index.js';
import { DEFAULT_TABLE_NAME } from '../store/table/index.js';
import { DynamoUpdateLedger } from '../store/update-ledger/index.js';

const logger = new Logger({ serviceName: 'herald-telegram' });

async function setUp(env: NodeJS.ProcessEnv = process.env) {
  const [token, secret] = await Promise.all([
    secretOrEnv(ENV.telegramBotToken, ENV.telegramBotTokenSecret, env),
    secretOrEnv(ENV.telegramWebhookSecret, ENV.telegramWebhookSecretSecret, env),
  ]);
  const username = env[ENV.telegramBotUsername];
  const settings = telegramSettings({ token, secret, username, apiRoot: env[ENV.telegramApiRoot] });
  useChartAssetsDir(env[ENV.chartAssetsDir]);
  const client = new DynamoDBClient({});
  const tableName = env[ENV.tableName]?.trim() || DEFAULT_TABLE_NAME;
  return createTelegramWebhook({
    settings,
    store: createDynamoStore({ client, tableName }),
    subscriptions: createSubscriptionStore({ client, tableName }),
    alertRecords: createAlertRecordStore({ client, tableName }),
    ledger: new DynamoUpdateLedger({ client, tableName, botId: botIdOf(token) }),
    staleAfterMs: commandConfigFromEnv(env).staleAfterMs,
    renderChart: renderReferendumChart,
    log: (line) => logger.info(line),
  });
}

export const handler = httpEventHandler(setUp, (error) =>
  logger.error('telegram webhook set-up failed', error),
);
