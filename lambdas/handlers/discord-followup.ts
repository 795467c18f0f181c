/**
 * The Discord follow-up Lambda (SQS): answers deferred interactions, drawing referendum charts.
 * Chart assets copied next to the bundle are used when present. A Discord or network failure
 * worth retrying is returned as a batch item failure; a malformed or expired job is dropped.
 */
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { configureChartAssets } from '../../bots/chart/assets.js';
import { renderReferendumChart, warmUpChartRenderer } from '../../bots/chart/render.js';
import { commandConfigFromEnv } from '../../bots/commands/config.js';
import { classifyDiscordError } from '../../bots/discord/delivery/index.js';
import { decodeFollowupJob, runFollowup } from '../../bots/discord/followup/index.js';
import { commandBridge, type SqsBatchResult, type SqsEvent } from '../../bots/discord/interactions/index.js';
import { createDiscordRest } from '../../bots/discord/rest.js';
import { ENV } from '../../core/config/env-names.js';
import { HandlerConfigError } from '../config/errors.js';
import { createAlertRecordStore } from '../store/alert-records/index.js';
import { createDynamoStore } from '../store/snapshot/index.js';
import { createSubscriptionStore } from '../store/subscriptions/index.js';

const log = (message: string) =>
  console.error(JSON.stringify({ level: 'warn', service: 'herald-discord-followup', message }));
const assets = join(dirname(fileURLToPath(import.meta.url)), 'chart-assets');
if (existsSync(join(assets, 'index_bg.wasm')))
  configureChartAssets({
    wasm: join(assets, 'index_bg.wasm'),
    fonts: ['DejaVuSans.ttf', 'DejaVuSans-Bold.ttf'].map((f) => join(assets, f)),
  });
const warm = warmUpChartRenderer().catch((error: unknown) =>
  log(`chart warm-up failed: ${(error as Error).message}`),
);

function build() {
  const env = process.env;
  const tableName = env[ENV.tableName]?.trim();
  if (!tableName) throw new HandlerConfigError(`${ENV.tableName} is not set`);
  const client = new DynamoDBClient({});
  const bridge = commandBridge({
    store: createDynamoStore({ client, tableName }),
    subscriptions: createSubscriptionStore({ client, tableName }),
    alertRecords: createAlertRecordStore({ client, tableName }),
    staleAfterMs: commandConfigFromEnv(env).staleAfterMs,
    log,
  });
  const rest = createDiscordRest({ token: null, api: env[ENV.discordApiRoot]?.trim() || undefined });
  return { rest, run: bridge.run, renderChart: renderReferendumChart, log };
}

let deps: ReturnType<typeof build> | undefined;

export async function handler(event: SqsEvent): Promise<SqsBatchResult> {
  await warm;
  deps ??= build();
  const failures: SqsBatchResult['batchItemFailures'] = [];
  for (const record of event.Records ?? []) {
    try {
      const job = decodeFollowupJob(record.body);
      await runFollowup(job, deps);
    } catch (error) {
      const verdict = classifyDiscordError(error);
      log(`follow-up ${record.messageId}: ${verdict.reason}`);
      if (verdict.status === 'retry' && !(error instanceof Error && error.name === 'FollowupJobError'))
        failures.push({ itemIdentifier: record.messageId });
    }
  }
  return { batchItemFailures: failures };
}
