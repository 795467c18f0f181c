/**
 * The Discord interactions endpoint (a Function URL): verifies, answers from DynamoDB, and queues
 * slow answers for the follow-up Lambda. Wiring only; the logic is in bots/discord.
 */

import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { SQSClient } from '@aws-sdk/client-sqs';
import { commandConfigFromEnv } from '../../bots/commands/config.js';
import { commandBridge } from '../../bots/discord/command-runner.js';
import { sqsFollowupQueue } from '../../bots/discord/followup/index.js';
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
import { createAlertRecordStore } from '../store/alert-records/index.js';
import { createDynamoStore } from '../store/snapshot/index.js';
import { createSubscriptionStore } from '../store/subscriptions/index.js';

const log = (message: string) =>
  console.error(JSON.stringify({ level: 'warn', service: 'herald-discord', message }));

async function build() {
  const env = process.env;
  const tableName = env[ENV.tableName]?.trim();
  const queueUrl = env[ENV.discordFollowupQueueUrl]?.trim();
  if (!tableName || !queueUrl)
    throw new HandlerConfigError(`${ENV.tableName} and ${ENV.discordFollowupQueueUrl} must be set`);
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
  const followups = sqsFollowupQueue(new SQSClient({}), queueUrl);
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
