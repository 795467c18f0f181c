/**
 * The webhook under `npm start`: `POST /telegram/webhook` on the local HTTP server, with the same
 * handler as the Lambda. Settings come from the environment (TELEGRAM_BOT_TOKEN, _USERNAME,
 * TELEGRAM_WEBHOOK_SECRET, and TELEGRAM_API_ROOT for a local fake); until they are set the route
 * answers 503 saying which is missing, so the rest of the stack runs without Telegram.
 */

import { renderReferendumChart } from '../../bots/chart/render.js';
import { commandConfigFromEnv } from '../../bots/commands/config.js';
import type { ChatAlertRecords } from '../../bots/commands/context.js';
import { createTelegramWebhook, type TelegramWebhook } from '../../bots/telegram/app.js';
import { type TelegramSettings, telegramSettingsFromEnv } from '../../bots/telegram/config.js';
import { MemoryUpdateLedger } from '../../bots/telegram/update-ledger.js';
import type { SnapshotReader } from '../../core/ports/snapshot-reader.js';
import type { SubscriptionStore } from '../../core/ports/subscription-store.js';
import type { HttpRequest, HttpResponse, Route } from '../../dev/stack/http-server.js';

export const TELEGRAM_WEBHOOK_PATH = '/telegram/webhook';

export interface TelegramLocalOptions {
  store: SnapshotReader;
  subscriptions?: SubscriptionStore | null;
  alertRecords?: ChatAlertRecords | null;
  /** Defaults to the environment. */
  settings?: TelegramSettings;
  env?: NodeJS.ProcessEnv;
  log?: (line: string) => void;
}

export function telegramLocalRoute(options: TelegramLocalOptions): Route {
  const env = options.env ?? process.env;
  let webhook: TelegramWebhook | undefined;
  let problem: string | null = null;
  try {
    webhook = createTelegramWebhook({
      settings: options.settings ?? telegramSettingsFromEnv(env),
      store: options.store,
      subscriptions: options.subscriptions ?? null,
      alertRecords: options.alertRecords ?? null,
      ledger: new MemoryUpdateLedger(),
      staleAfterMs: commandConfigFromEnv(env).staleAfterMs,
      renderChart: renderReferendumChart,
      log: options.log,
    });
  } catch (error) {
    problem = `Telegram is not configured: ${(error as Error).message}`;
    options.log?.(problem);
  }
  return async (request: HttpRequest): Promise<HttpResponse> => {
    if (!webhook) return { status: 503, body: JSON.stringify({ ok: false, error: problem }) };
    const response = await webhook({ method: request.method, headers: request.headers, body: request.body });
    return { status: response.status, headers: response.headers, body: response.body };
  };
}

/** The route entry for the local stack's route table. */
export function telegramLocalRoutes(options: TelegramLocalOptions): Record<string, Route> {
  return { [`POST ${TELEGRAM_WEBHOOK_PATH}`]: telegramLocalRoute(options) };
}
