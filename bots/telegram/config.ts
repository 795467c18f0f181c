/**
 * The bot's identity and settings. `botInfoFor` builds what `getMe` would answer from the token and
 * username, so a cold start makes no Bot API call and `/cmd@botname` is recognised at once.
 */
import type { UserFromGetMe } from 'telegraf/types';
import { ENV } from '../../core/config/env-names.js';
import { TelegramConfigError } from './errors.js';
import { secretTokenProblem } from './secret.js';

export const DEFAULT_API_ROOT = 'https://api.telegram.org';

export interface TelegramSettings {
  token: string;
  username: string;
  secret: string;
  apiRoot: string;
}

const TOKEN_PATTERN = /^([0-9]{1,20}):[A-Za-z0-9_-]{20,}$/;

/** The bot's numeric id, from the part of the token before ":". */
export function botIdOf(token: string): string {
  const match = TOKEN_PATTERN.exec(token);
  if (!match)
    throw new TelegramConfigError('the bot token is not "<bot id>:<secret>" as @BotFather gives it');
  return match[1]!;
}

export function botInfoFor(token: string, username: string): UserFromGetMe {
  const name = username.replace(/^@/, '');
  if (!/^[A-Za-z][A-Za-z0-9_]{3,31}$/.test(name))
    throw new TelegramConfigError(`"${username}" is not a Telegram bot username (5-32 letters, digits or _)`);
  return {
    id: Number(botIdOf(token)),
    is_bot: true,
    first_name: name,
    username: name,
    can_join_groups: true,
    can_read_all_group_messages: false,
    supports_inline_queries: false,
  };
}

/** Settings from plain values (the token and secret may come from Secrets Manager first). */
export function telegramSettings(values: {
  token: string | undefined;
  username: string | undefined;
  secret: string | undefined;
  apiRoot?: string | undefined;
}): TelegramSettings {
  const token = values.token?.trim() ?? '';
  if (!token) throw new TelegramConfigError(`${ENV.telegramBotToken} is not set`);
  botIdOf(token);
  const username = values.username?.trim().replace(/^@/, '') ?? '';
  if (!username) throw new TelegramConfigError(`${ENV.telegramBotUsername} is not set`);
  botInfoFor(token, username);
  const secret = values.secret?.trim() ?? '';
  const problem = secretTokenProblem(secret);
  if (problem) throw new TelegramConfigError(`${ENV.telegramWebhookSecret}: ${problem}`);
  const apiRoot = values.apiRoot?.trim() || DEFAULT_API_ROOT;
  if (!/^https?:\/\/[^\s/]+/.test(apiRoot))
    throw new TelegramConfigError(`${ENV.telegramApiRoot}: "${apiRoot}" is not an http(s) URL`);
  return { token, username, secret, apiRoot: apiRoot.replace(/\/+$/, '') };
}

export function telegramSettingsFromEnv(env: NodeJS.ProcessEnv = process.env): TelegramSettings {
  return telegramSettings({
    token: env[ENV.telegramBotToken],
    username: env[ENV.telegramBotUsername],
    secret: env[ENV.telegramWebhookSecret],
    apiRoot: env[ENV.telegramApiRoot],
  });
}
