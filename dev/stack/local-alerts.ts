/**
 * Alerts under `npm start`: detection after each local snapshot and delivery through the platforms
 * configured in the environment (real ones, or local fakes through TELEGRAM_API_ROOT /
 * DISCORD_API_ROOT). Without a bot token a platform gets no notifier, and its alerts stay recorded
 * as pending until one is configured. With a data directory the runner's queues and clock survive
 * a restart of the stack.
 */
import type { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { createAlertNotifiers, createCardMessengers } from '../../bots/alert-notifiers/index.js';
import { ENV, type EnvName } from '../../core/config/env-names.js';
import type { Notifier, Platform } from '../../core/ports/notifier.js';
import type { SnapshotReader } from '../../core/ports/snapshot-reader.js';
import type { SubscriptionStore } from '../../core/ports/subscription-store.js';
import { type LocalAlerts, startLocalAlerts } from '../alerts/local-runner.js';

export interface LocalAlertsSetup {
  client: DynamoDBClient;
  tableName: string;
  store: SnapshotReader;
  subscriptions: SubscriptionStore;
  env?: NodeJS.ProcessEnv;
  /** Where the alert runner keeps its queues and clock between runs; nothing is kept when null. */
  dataDir?: string | null;
  log: (line: string) => void;
}

function accessFromEnv(env: NodeJS.ProcessEnv) {
  const access = (token: EnvName, apiRoot: EnvName) => {
    const value = env[token]?.trim();
    const root = env[apiRoot]?.trim();
    return value ? { token: value, ...(root ? { apiRoot: root } : {}) } : null;
  };
  return {
    telegram: access(ENV.telegramBotToken, ENV.telegramApiRoot),
    discord: access(ENV.discordBotToken, ENV.discordApiRoot),
  };
}

export function notifiersFromEnv(setup: LocalAlertsSetup): Partial<Record<Platform, Notifier>> {
  return createAlertNotifiers({
    ...accessFromEnv(setup.env ?? process.env),
    subscriptions: setup.subscriptions,
    log: setup.log,
  });
}

export function startStackAlerts(setup: LocalAlertsSetup): { alerts: LocalAlerts; platforms: Platform[] } {
  const notifiers = notifiersFromEnv(setup);
  // The dev chain's clock is not today's: run detection on the snapshot's chain time.
  const alerts = startLocalAlerts({
    client: setup.client,
    tableName: setup.tableName,
    store: setup.store,
    notifiers,
    clock: 'chain',
    dataDir: setup.dataDir,
    log: setup.log,
    cards: createCardMessengers(accessFromEnv(setup.env ?? process.env)),
  });
  return { alerts, platforms: Object.keys(notifiers) as Platform[] };
}
