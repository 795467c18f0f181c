/**
 * The Discord follow-up Lambda, invoked asynchronously by the interactions Lambda with one job:
 * wiring only. It answers deferred interactions, drawing referendum charts with the assets copied
 * next to the bundle (bots/discord/followup); a failure worth retrying is thrown for Lambda's retry.
 */
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { useBundledChartAssets } from '../../bots/chart/assets.js';
import { renderReferendumChart, warmUpChartRenderer } from '../../bots/chart/render.js';
import { commandConfigFromEnv } from '../../bots/commands/config.js';
import { commandBridge } from '../../bots/discord/command-runner.js';
import { classifyDiscordError } from '../../bots/discord/delivery/index.js';
import { type FollowupDeps, runFollowupInvocation } from '../../bots/discord/followup/index.js';
import { createDiscordRest } from '../../bots/discord/rest.js';
import { ENV } from '../../core/config/env-names.js';
import { requiredEnv } from '../config/env-values.js';
import { createAlertRecordStore } from '../store/alert-records/index.js';
import { createDynamoStore } from '../store/snapshot/index.js';
import { createSubscriptionStore } from '../store/subscriptions/index.js';

const log = (message: string) =>
  console.error(JSON.stringify({ level: 'warn', service: 'herald-discord-followup', message }));
useBundledChartAssets(join(dirname(fileURLToPath(import.meta.url)), 'chart-assets'));
const warm = warmUpChartRenderer().catch((error: unknown) =>
  log(`chart warm-up failed: ${(error as Error).message}`),
);

function build(env: NodeJS.ProcessEnv = process.env): FollowupDeps {
  const tableName = requiredEnv(env, ENV.tableName);
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

let deps: FollowupDeps | undefined;

export async function handler(event: unknown): Promise<void> {
  await warm;
  deps ??= build();
  await runFollowupInvocation(event, deps, classifyDiscordError);
}
