/**
 * `npm run telegram:commands`: sets the bot's command menu (setMyCommands) from the shared command
 * grammar. Reads TELEGRAM_BOT_TOKEN and TELEGRAM_API_ROOT.
 */
import './node-support.js';
import { Telegram } from 'telegraf';
import { DEFAULT_API_ROOT } from '../bots/telegram/config.js';
import { registerCommands } from '../bots/telegram/registration.js';
import { ENV } from '../core/config/env-names.js';

async function main() {
  const token = process.env[ENV.telegramBotToken]?.trim();
  if (!token) throw new Error(`${ENV.telegramBotToken} is not set`);
  const telegram = new Telegram(token, {
    apiRoot: process.env[ENV.telegramApiRoot]?.trim() || DEFAULT_API_ROOT,
  });
  const menu = await registerCommands(telegram);
  console.log(`Command menu set (${menu.length} commands):`);
  for (const c of menu) console.log(`  /${c.command.padEnd(14)} ${c.description}`);
}

main().catch((error) => {
  console.error(`telegram:commands failed: ${(error as Error).message}`);
  process.exit(1);
});
