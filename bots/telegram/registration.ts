/**
 * What the operator scripts tell Telegram: the webhook (URL, secret token, the update types the
 * bot handles) and the command menu, built from the shared command grammar.
 */
import type { Telegram } from 'telegraf';
import type { BotCommand } from 'telegraf/types';
import { COMMANDS } from '../commands/registry.js';
import { ALLOWED_UPDATES } from './bot.js';
import { TelegramConfigError } from './errors.js';
import { secretTokenProblem } from './secret.js';

/** The Bot API calls registration makes. */
export type RegistrationApi = Pick<Telegram, 'setWebhook' | 'getWebhookInfo' | 'setMyCommands'>;

export interface WebhookRegistration {
  url: string;
  secret: string;
  dropPendingUpdates?: boolean;
  /** Parallel connections Telegram opens to the webhook (1-100, default 40). */
  maxConnections?: number;
}

export function webhookProblem(reg: WebhookRegistration, allowHttp = false): string | null {
  let url: URL;
  try {
    url = new URL(reg.url);
  } catch {
    return `"${reg.url}" is not a URL`;
  }
  if (url.protocol !== 'https:' && !(allowHttp && url.protocol === 'http:'))
    return `Telegram only calls https:// webhooks, not ${url.protocol}//`;
  const secret = secretTokenProblem(reg.secret);
  if (secret) return secret;
  const max = reg.maxConnections;
  if (max !== undefined && (!Number.isInteger(max) || max < 1 || max > 100))
    return `max connections must be 1-100, not ${max}`;
  return null;
}

export async function registerWebhook(api: RegistrationApi, reg: WebhookRegistration, allowHttp = false) {
  const problem = webhookProblem(reg, allowHttp);
  if (problem) throw new TelegramConfigError(problem);
  await api.setWebhook(reg.url, {
    secret_token: reg.secret,
    allowed_updates: [...ALLOWED_UPDATES],
    drop_pending_updates: reg.dropPendingUpdates ?? false,
    max_connections: reg.maxConnections ?? 40,
  });
  return api.getWebhookInfo();
}

/** The menu Telegram shows after "/": every command but the /start alias, with its summary. */
export function commandMenu(): BotCommand[] {
  return COMMANDS.map(({ help }) => ({ command: help.name, description: help.summary.slice(0, 256) }));
}

export async function registerCommands(api: RegistrationApi): Promise<BotCommand[]> {
  const menu = commandMenu();
  for (const c of menu) {
    if (!/^[a-z0-9_]{1,32}$/.test(c.command) || c.description.length < 1)
      throw new TelegramConfigError(`command "${c.command}" cannot be registered with Telegram`);
  }
  await api.setMyCommands(menu);
  return menu;
}
