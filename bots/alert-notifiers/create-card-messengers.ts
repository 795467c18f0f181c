/**
 * The live cards' messengers, built one way for the AWS card job and for `npm start`: each
 * configured platform's client and the bots' send limits (edits count like sends).
 */
import { Telegram } from 'telegraf';
import type { CardMessenger } from '../../core/ports/card-messenger.js';
import type { Platform } from '../../core/ports/notifier.js';
import { createDiscordCardMessenger } from '../discord/delivery/index.js';
import { createDiscordRest } from '../discord/rest.js';
import { createTelegramCardMessenger } from '../telegram/card-messenger.js';
import { DEFAULT_API_ROOT } from '../telegram/config.js';
import type { PlatformAccess } from './create-alert-notifiers.js';
import { sharedLimiters } from './shared-limiters.js';

export interface CardMessengersConfig {
  telegram?: PlatformAccess | null;
  discord?: PlatformAccess | null;
  /** How many processes post cards and alerts at once and share the bots' global limits (default 1). */
  share?: number;
}

export function createCardMessengers(config: CardMessengersConfig): Partial<Record<Platform, CardMessenger>> {
  const limiters = sharedLimiters(config.share ?? 1);
  const messengers: Partial<Record<Platform, CardMessenger>> = {};
  if (config.telegram)
    messengers.telegram = createTelegramCardMessenger({
      telegram: new Telegram(config.telegram.token, { apiRoot: config.telegram.apiRoot ?? DEFAULT_API_ROOT }),
      limiter: limiters.telegram,
    });
  if (config.discord)
    messengers.discord = createDiscordCardMessenger({
      rest: createDiscordRest({ token: config.discord.token, api: config.discord.apiRoot }),
      limiter: limiters.discord,
    });
  return messengers;
}
