/**
 * The Telegram notifier as the alert engine builds it: telegraf's Bot API client, one rate limiter
 * per process, and a gone chat's subscriptions disabled in the store with Telegram's reason.
 */
import { Telegram } from 'telegraf';
import type { DeliveryTarget, Notifier } from '../../core/ports/notifier.js';
import type { SubscriptionStore } from '../../core/ports/subscription-store.js';
import { DEFAULT_API_ROOT } from './config.js';
import { createTelegramNotifier, type DisableTarget } from './notifier.js';
import type { TelegramRateLimiter } from './rate-limiter.js';

/** The `disableTarget` that disables the chat's subscriptions in the store, recording why. */
export function disableSubscriptionsOnGone(
  subscriptions: Pick<SubscriptionStore, 'disableTarget'>,
): DisableTarget {
  return async (target: DeliveryTarget, reason: string) => {
    await subscriptions.disableTarget(
      { platform: target.platform, kind: target.kind, id: target.id },
      `Telegram: ${reason}`,
    );
  };
}

export interface TelegramAlertNotifierSetup {
  token: string;
  /** Default https://api.telegram.org. */
  apiRoot?: string;
  /** Subscriptions of a gone chat are disabled here; null leaves them alone. */
  subscriptions: Pick<SubscriptionStore, 'disableTarget'> | null;
  /** Share one per process so concurrent sends keep the bot-wide limit together. */
  limiter?: TelegramRateLimiter;
  maxWaitMs?: number;
  log?: (line: string) => void;
}

export function createTelegramAlertNotifier(setup: TelegramAlertNotifierSetup): Notifier {
  return createTelegramNotifier({
    telegram: new Telegram(setup.token, { apiRoot: setup.apiRoot ?? DEFAULT_API_ROOT }),
    limiter: setup.limiter,
    maxWaitMs: setup.maxWaitMs,
    disableTarget: setup.subscriptions ? disableSubscriptionsOnGone(setup.subscriptions) : undefined,
    log: setup.log,
  });
}
