/**
 * The whole Telegram webhook from its parts: settings, the snapshot and subscription stores, the
 * update ledger and a chart renderer. The Lambda handler and the local route both build it here.
 */

import type { SnapshotReader } from '../../core/ports/snapshot-reader.js';
import type { SubscriptionStore } from '../../core/ports/subscription-store.js';
import type { ChatAlertRecords } from '../commands/context.js';
import type { SnapshotCache } from '../commands/snapshot-cache.js';
import { createTelegramBot } from './bot.js';
import type { TelegramSettings } from './config.js';
import type { ChartRenderer } from './send-answer.js';
import type { UpdateLedger } from './update-ledger.js';
import { createWebhookHandler, type WebhookRequest, type WebhookResponse } from './webhook.js';

export interface TelegramAppDeps {
  settings: TelegramSettings;
  store: SnapshotReader;
  subscriptions: SubscriptionStore | null;
  alertRecords?: ChatAlertRecords | null;
  ledger: UpdateLedger;
  staleAfterMs: number;
  renderChart?: ChartRenderer;
  cache?: SnapshotCache;
  now?: () => number;
  log?: (line: string) => void;
}

export type TelegramWebhook = (request: WebhookRequest) => Promise<WebhookResponse>;

export function createTelegramWebhook(deps: TelegramAppDeps): TelegramWebhook {
  const bot = createTelegramBot({
    token: deps.settings.token,
    username: deps.settings.username,
    apiRoot: deps.settings.apiRoot,
    store: deps.store,
    subscriptions: deps.subscriptions,
    alertRecords: deps.alertRecords ?? null,
    staleAfterMs: deps.staleAfterMs,
    renderChart: deps.renderChart,
    cache: deps.cache,
    now: deps.now,
    log: deps.log,
  });
  return createWebhookHandler({ bot, secret: deps.settings.secret, ledger: deps.ledger, log: deps.log });
}
