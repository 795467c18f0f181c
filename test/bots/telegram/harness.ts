/**
 * The Telegram bot end to end: the dev chain with the small scenario, one real snapshot in a
 * dynalite table, the fake Bot API, and the webhook served over HTTP on 127.0.0.1 exactly as the
 * local stack serves it. Tests post updates and read what the bot sent from the fake.
 */
import type { AlertRecordStore } from '../../../core/ports/alert-records.js';
import type { SnapshotStore } from '../../../core/ports/snapshot-store.js';
import type { SubscriptionStore } from '../../../core/ports/subscription-store.js';
import type { Scenario } from '../../../dev/scenario/index.js';
import { type LocalHttpServer, startHttpServer } from '../../../dev/stack/http-server.js';
import { telegramLocalRoutes } from '../../../dev/stack/telegram-route.js';
import { createAlertRecordStore } from '../../../lambdas/store/alert-records/index.js';
import type { TestDynamo } from '../../helpers/dynamo.js';
import { type FakeTelegram, startFakeTelegram } from '../../helpers/fake-telegram.js';
import { startSnapshotWorld } from '../../helpers/snapshot-world.js';

export const SECRET = 'test-secret_0123456789';

export interface PostOptions {
  /** null sends no secret header. */
  secret?: string | null;
  raw?: boolean;
  contentType?: string;
}

export interface TelegramHarness {
  scenario: Scenario;
  store: SnapshotStore;
  subscriptions: SubscriptionStore;
  alertRecords: AlertRecordStore;
  dynamo: TestDynamo;
  tableName: string;
  fake: FakeTelegram;
  http: LocalHttpServer;
  logs: string[];
  /** Posts an update (or a raw body) to the webhook. */
  post(update: unknown, options?: PostOptions): Promise<{ status: number; body: Record<string, unknown> }>;
  close(): Promise<void>;
}

export async function startTelegramHarness(seed = 42): Promise<TelegramHarness> {
  const closers: Array<() => Promise<void>> = [];
  const close = async () => {
    for (const c of closers.reverse()) await c();
  };
  try {
    const world = await startSnapshotWorld('telegram', seed);
    closers.push(() => world.close());
    const { scenario, dynamo, tableName, store, subscriptions } = world;
    const fake = await startFakeTelegram();
    closers.push(() => fake.close());
    const logs: string[] = [];
    const alertRecords = createAlertRecordStore({ client: dynamo.client, tableName });
    const routes = telegramLocalRoutes({
      store,
      subscriptions,
      alertRecords,
      settings: { token: fake.token, username: fake.bot.username, secret: SECRET, apiRoot: fake.apiRoot },
      log: (line) => logs.push(line),
    });
    const http = await startHttpServer(0, routes);
    closers.push(() => http.close());
    return {
      scenario,
      store,
      subscriptions,
      alertRecords,
      dynamo,
      tableName,
      fake,
      http,
      logs,
      close,
      post: async (update, options = {}) => {
        const headers: Record<string, string> = { 'content-type': options.contentType ?? 'application/json' };
        const secret = options.secret === undefined ? SECRET : options.secret;
        if (secret !== null) headers['x-telegram-bot-api-secret-token'] = secret;
        const response = await fetch(`${http.url}/telegram/webhook`, {
          method: 'POST',
          headers,
          body: options.raw ? String(update) : JSON.stringify(update),
        });
        return { status: response.status, body: (await response.json()) as Record<string, unknown> };
      },
    };
  } catch (error) {
    await close();
    throw error;
  }
}
