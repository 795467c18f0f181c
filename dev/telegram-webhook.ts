/**
 * `npm run telegram:webhook -- [--url URL] [--drop-pending] [--delete] [--info]`: points Telegram at
 * the webhook with the secret token and the update types the bot handles, then prints what
 * Telegram reports. Reads TELEGRAM_BOT_TOKEN, TELEGRAM_WEBHOOK_SECRET, TELEGRAM_WEBHOOK_URL and
 * TELEGRAM_API_ROOT (a local fake accepts http:// URLs).
 */
import './node-support.js';
import { parseArgs } from 'node:util';
import { Telegram } from 'telegraf';
import { DEFAULT_API_ROOT } from '../bots/telegram/config.js';
import { registerWebhook } from '../bots/telegram/registration.js';
import { ENV } from '../core/config/env-names.js';

async function main() {
  const { values } = parseArgs({
    options: {
      url: { type: 'string' },
      'drop-pending': { type: 'boolean', default: false },
      delete: { type: 'boolean', default: false },
      info: { type: 'boolean', default: false },
    },
  });
  const token = process.env[ENV.telegramBotToken]?.trim();
  if (!token) throw new Error(`${ENV.telegramBotToken} is not set`);
  const apiRoot = process.env[ENV.telegramApiRoot]?.trim() || DEFAULT_API_ROOT;
  const telegram = new Telegram(token, { apiRoot });
  if (values.delete) {
    await telegram.deleteWebhook({ drop_pending_updates: values['drop-pending'] });
    console.log('Webhook deleted.');
  } else if (!values.info) {
    const url = values.url ?? process.env[ENV.telegramWebhookUrl]?.trim() ?? '';
    const secret = process.env[ENV.telegramWebhookSecret]?.trim() ?? '';
    await registerWebhook(
      telegram,
      { url, secret, dropPendingUpdates: values['drop-pending'] },
      apiRoot !== DEFAULT_API_ROOT,
    );
    console.log(`Webhook set to ${url}`);
  }
  const info = await telegram.getWebhookInfo();
  console.log(JSON.stringify(info, null, 2));
}

main().catch((error) => {
  console.error(`telegram:webhook failed: ${(error as Error).message}`);
  process.exit(1);
});
