/**
 * The interactions endpoint under `npm start`: POST /discord/interactions on the local stack's
 * HTTP server, answering from the local DynamoDB, with deferred answers (charts) followed up in
 * the same process through @discordjs/rest (real Discord, or a fake via DISCORD_API_ROOT).
 */

import type { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { renderReferendumChart } from '../../bots/chart/render.js';
import { commandConfigFromEnv } from '../../bots/commands/config.js';
import type { ChatAlertRecords } from '../../bots/commands/context.js';
import { commandBridge } from '../../bots/discord/command-runner.js';
import {
  type InProcessFollowupQueue,
  inProcessFollowupQueue,
  runFollowup,
} from '../../bots/discord/followup/index.js';
import { createInteractionHandler, publicKeyFromHex } from '../../bots/discord/interactions/index.js';
import { createDiscordRest } from '../../bots/discord/rest.js';
import { ENV } from '../../core/config/env-names.js';
import type { SnapshotReader } from '../../core/ports/snapshot-reader.js';
import type { SubscriptionStore } from '../../core/ports/subscription-store.js';
import type { HttpRequest, HttpResponse, Route } from '../../dev/stack/http-server.js';
import { FOLLOWUP_INVOKE } from '../../infra/sizing.js';
import { createAlertRecordStore } from '../../lambdas/store/alert-records/index.js';
import { createSubscriptionStore } from '../../lambdas/store/subscriptions/index.js';

export const DISCORD_INTERACTIONS_PATH = '/discord/interactions';

export interface DiscordLocalRouteOptions {
  store: SnapshotReader;
  subscriptions: SubscriptionStore | null;
  alertRecords?: ChatAlertRecords | null;
  /** The application's public key, 64 hex digits. */
  publicKeyHex: string;
  /** Where follow-ups go (default https://discord.com/api). */
  apiRoot?: string;
  staleAfterMs: number;
  answerBudgetMs?: number;
  log?: (message: string) => void;
}

export interface DiscordLocalRoute {
  route: Route;
  followups: InProcessFollowupQueue;
}

export function discordLocalRoute(options: DiscordLocalRouteOptions): DiscordLocalRoute {
  const bridge = commandBridge({
    store: options.store,
    subscriptions: options.subscriptions,
    alertRecords: options.alertRecords ?? null,
    staleAfterMs: options.staleAfterMs,
    log: options.log,
  });
  const rest = createDiscordRest({ token: null, api: options.apiRoot });
  const followups = inProcessFollowupQueue(
    (job) =>
      runFollowup(job, { rest, run: bridge.run, renderChart: renderReferendumChart, log: options.log }),
    options.log,
    // As the follow-up Lambda's asynchronous invocation: retried, then dead-lettered.
    { retryAttempts: FOLLOWUP_INVOKE.retryAttempts },
  );
  const handle = createInteractionHandler({
    publicKey: publicKeyFromHex(options.publicKeyHex),
    bridge,
    subscriptions: options.subscriptions,
    followups,
    answerBudgetMs: options.answerBudgetMs,
    log: options.log,
  });
  const route = async (request: HttpRequest): Promise<HttpResponse> => handle(request);
  return { route, followups };
}

/**
 * The routes to add to the local stack: none (and a log line saying why) without DISCORD_PUBLIC_KEY.
 * With `dynamo`, subscriptions and alert settings are stored in the same table.
 */
export function discordLocalRoutes(
  stack: { store: SnapshotReader; dynamo?: { client: DynamoDBClient; tableName: string } },
  env: NodeJS.ProcessEnv = process.env,
  log: (message: string) => void = () => undefined,
): Record<string, Route> {
  const key = env[ENV.discordPublicKey]?.trim();
  if (!key) {
    log(`Discord interactions off: set ${ENV.discordPublicKey} to serve POST ${DISCORD_INTERACTIONS_PATH}`);
    return {};
  }
  const subscriptions = stack.dynamo ? createSubscriptionStore(stack.dynamo) : null;
  const alertRecords = stack.dynamo ? createAlertRecordStore(stack.dynamo) : null;
  const { route } = discordLocalRoute({
    store: stack.store,
    subscriptions,
    alertRecords,
    publicKeyHex: key,
    apiRoot: env[ENV.discordApiRoot]?.trim() || undefined,
    staleAfterMs: commandConfigFromEnv(env).staleAfterMs,
    log,
  });
  return { [`POST ${DISCORD_INTERACTIONS_PATH}`]: route };
}
