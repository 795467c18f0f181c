/**
 * The alert engine's notifiers, built one way for the AWS dispatcher and for `npm start`: each
 * configured platform's client, the bots' global limits (split between concurrent dispatchers), and
 * a target the platform reports gone has its subscriptions disabled with the platform's reason.
 */
import { Telegram } from 'telegraf';
import type { DeliveryTarget, Notifier, Platform } from '../../core/ports/notifier.js';
import type { SubscriptionStore } from '../../core/ports/subscription-store.js';
import { DiscordNotifier } from '../discord/delivery/index.js';
import { createDiscordRest } from '../discord/rest.js';
import { DEFAULT_API_ROOT } from '../telegram/config.js';
import { createTelegramNotifier } from '../telegram/notifier.js';
import { sharedLimiters } from './shared-limiters.js';

export interface PlatformAccess {
  token: string;
  /** The platform's API root; its public one when absent (a local fake in development). */
  apiRoot?: string;
}

export interface AlertNotifiersConfig {
  /** A platform left out (or null) gets no notifier: its alerts stay pending until one is set. */
  telegram?: PlatformAccess | null;
  discord?: PlatformAccess | null;
  /** Where a gone target's subscriptions are disabled; null leaves them alone. */
  subscriptions: Pick<SubscriptionStore, 'disableTarget'> | null;
  /** How many dispatchers send at once and share the bots' global limits (default 1). */
  share?: number;
  log?: (line: string) => void;
}

const PLATFORM_NAME: Record<Platform, string> = { telegram: 'Telegram', discord: 'Discord' };

/** Disables the target's subscriptions, recording the platform's reason ("Telegram: 403: …"). */
function disableOnGone(
  subscriptions: Pick<SubscriptionStore, 'disableTarget'> | null,
  platform: Platform,
): ((target: DeliveryTarget, reason: string) => Promise<void>) | undefined {
  if (!subscriptions) return undefined;
  return async (target, reason) => {
    await subscriptions.disableTarget(
      { platform: target.platform, kind: target.kind, id: target.id },
      `${PLATFORM_NAME[platform]}: ${reason}`,
    );
  };
}

export function createAlertNotifiers(config: AlertNotifiersConfig): Partial<Record<Platform, Notifier>> {
  const limiters = sharedLimiters(config.share ?? 1);
  const notifiers: Partial<Record<Platform, Notifier>> = {};
  if (config.telegram)
    notifiers.telegram = createTelegramNotifier({
      telegram: new Telegram(config.telegram.token, { apiRoot: config.telegram.apiRoot ?? DEFAULT_API_ROOT }),
      limiter: limiters.telegram,
      disableTarget: disableOnGone(config.subscriptions, 'telegram'),
      log: config.log,
    });
  if (config.discord)
    notifiers.discord = new DiscordNotifier({
      rest: createDiscordRest({ token: config.discord.token, api: config.discord.apiRoot }),
      limiter: limiters.discord,
      onGone: disableOnGone(config.subscriptions, 'discord'),
      log: config.log,
    });
  return notifiers;
}
