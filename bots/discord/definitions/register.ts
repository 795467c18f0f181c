/**
 * Registers the slash commands with Discord through @discordjs/rest: globally, or in one guild
 * for testing (guild commands update at once; global ones within the hour). A bulk PUT replaces
 * the whole set, so a removed command disappears too.
 */
import type { REST } from '@discordjs/rest';
import { type RESTPutAPIApplicationCommandsResult, Routes } from 'discord-api-types/v10';
import { DiscordConfigError } from '../errors.js';
import { slashCommandDefinitions } from './definitions.js';

export interface RegisterOptions {
  rest: REST;
  applicationId: string;
  /** Register in this guild only; globally when null. */
  guildId: string | null;
}

export interface Registered {
  scope: 'global' | { guild: string };
  commands: Array<{ id: string; name: string }>;
}

const SNOWFLAKE = /^[0-9]{15,21}$/;

export async function registerSlashCommands(options: RegisterOptions): Promise<Registered> {
  if (!SNOWFLAKE.test(options.applicationId))
    throw new DiscordConfigError(
      `the application id must be a snowflake (15-21 digits), not "${options.applicationId}"`,
    );
  if (options.guildId !== null && !SNOWFLAKE.test(options.guildId))
    throw new DiscordConfigError(`the guild id must be a snowflake (15-21 digits), not "${options.guildId}"`);
  const route = options.guildId
    ? Routes.applicationGuildCommands(options.applicationId, options.guildId)
    : Routes.applicationCommands(options.applicationId);
  const result = (await options.rest.put(route, {
    body: slashCommandDefinitions(),
  })) as RESTPutAPIApplicationCommandsResult;
  return {
    scope: options.guildId ? { guild: options.guildId } : 'global',
    commands: result.map((c) => ({ id: c.id, name: c.name })),
  };
}
