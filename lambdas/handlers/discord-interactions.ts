/**
 * The Discord interactions endpoint (a Function URL): verifies, answers from DynamoDB, and hands
 * slow answers to the follow-up Lambda by asynchronous invocation (no queue to poll). Wiring only;
 * the logic is in bots/discord.
 */

import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { commandConfigFromEnv } from '../../bots/commands/config.js';
import { commandBridge } from '../../bots/discord/command-runner.js';
import { encodeFollowupJob, type FollowupQueue } from '../../bots/discord/followup/index.js';
import {
  createInteractionHandler,
  type HttpEvent,
  type HttpResult,
  httpResult,
  interactionRequest,
  publicKeyFromHex,
} from '../../bots/discord/interactions/index.js';
import { ENV } from '../../core/config/env-names.js';
import { requiredEnv } from '../config/env-values.js';
import { HandlerConfigError } from '../config/errors.js';
import { lambdaAsyncInvoker } from '../invoke/async-invoke.js';
import { createAlertRecordStore } from '../store/alert-records/index.js';
import { createDynamoStore } from '../store/snapshot/index.js';
import { createSubscriptionStore } from '../store/subscriptions/index.js';

const log = (message: string) =>
  console.error(JSON.stringify({ level: 'warn', service: 'herald-discord', message }));

async function build() {
  const env = process.env;
  const tableName = env[ENV.tableName]?.trim();
  const followupFunction = env[ENV.discordFollowupFunction]?.trim();
  if (!tableName || !followupFunction)
    throw new HandlerConfigError(`${ENV.tableName} and ${ENV.discordFollowupFunction} must be set`);
  // Not a secret: a plain setting, so this public endpoint reads no parameter and holds no token.
  const publicKey = publicKeyFromHex(requiredEnv(env, ENV.discordPublicKey));
  const client = new DynamoDBClient({});
  const subscriptions = createSubscriptionStore({ client, tableName });
  const store = createDynamoStore({ client, tableName });
  const bridge = commandBridge({
    store,
    subscriptions,
    alertRecords: createAlertRecordStore({ client, tableName }),
    staleAfterMs: commandConfigFromEnv(env).staleAfterMs,
    log,
  });
  const followup = lambdaAsyncInvoker(followupFunction, env);
  const followups: FollowupQueue = { enqueue: (job) => followup.invoke(encodeFollowupJob(job)) };
  return createInteractionHandler({ publicKey, bridge, subscriptions, followups, log });
}

let ready: ReturnType<typeof build> | undefined;

export async function handler(event: HttpEvent): Promise<HttpResult> {
  ready ??= build().catch((error: unknown) => {
    ready = undefined;
    throw error;
  });
  return httpResult(await (await ready)(interactionRequest(event)));
}
