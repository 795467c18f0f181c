/**
 * `npm run discord:register [-- --guild <id>] [-- --print]`: registers the slash commands with
 * Discord (bulk overwrite) using DISCORD_BOT_TOKEN and DISCORD_APPLICATION_ID; globally, or in one
 * guild (--guild or DISCORD_GUILD_ID) where changes show at once. --print writes the definitions
 * as JSON and registers nothing. DISCORD_API_ROOT points it at another API (a local fake).
 */
import './node-support.js';
import { parseArgs } from 'node:util';
import { registerSlashCommands, slashCommandDefinitions } from '../bots/discord/definitions/index.js';
import { createDiscordRest } from '../bots/discord/rest.js';
import { ENV } from '../core/config/env-names.js';

async function main(): Promise<number> {
  const { values } = parseArgs({
    options: { guild: { type: 'string' }, print: { type: 'boolean', default: false } },
    strict: true,
  });
  if (values.print) {
    console.log(JSON.stringify(slashCommandDefinitions(), null, 2));
    return 0;
  }
  const token = process.env[ENV.discordBotToken]?.trim();
  const applicationId = process.env[ENV.discordApplicationId]?.trim();
  if (!token || !applicationId) {
    console.error(
      `Set ${ENV.discordBotToken} and ${ENV.discordApplicationId} (Developer Portal → your app).`,
    );
    return 2;
  }
  const guildId = values.guild ?? (process.env[ENV.discordGuildId]?.trim() || null);
  const rest = createDiscordRest({ token, api: process.env[ENV.discordApiRoot]?.trim() || undefined });
  const result = await registerSlashCommands({ rest, applicationId, guildId });
  const where =
    result.scope === 'global'
      ? 'globally (may take up to an hour to show)'
      : `in guild ${result.scope.guild}`;
  console.log(`Registered ${result.commands.length} commands ${where}:`);
  for (const c of result.commands) console.log(`  /${c.name.padEnd(14)} ${c.id}`);
  return 0;
}

main().then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    console.error(`discord:register failed: ${(error as Error).message}`);
    process.exitCode = 1;
  },
);
