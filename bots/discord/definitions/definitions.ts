/**
 * The slash commands, built with @discordjs/builders from the command set: each command's folder
 * gives its own (the subscriptions' adds /alerts, for the caller's DMs). Changing a channel's
 * alerts (subscribing, quiet hours, muting) needs Manage Channels (default_member_permissions);
 * /alerts, /missed and /subscriptions are open to everyone. Only the registration script and its
 * tests import this file.
 */
import { SlashCommandBuilder } from '@discordjs/builders';
import {
  ApplicationIntegrationType,
  InteractionContextType,
  type RESTPostAPIChatInputApplicationCommandsJSONBody,
} from 'discord-api-types/v10';
import { COMMANDS } from '../../commands/registry.js';
import type { SlashBase } from '../slash/index.js';

const base: SlashBase = (name, description) =>
  new SlashCommandBuilder()
    .setName(name)
    .setDescription(description)
    .setContexts(InteractionContextType.Guild, InteractionContextType.BotDM)
    .setIntegrationTypes(ApplicationIntegrationType.GuildInstall);

/** The JSON body `PUT /applications/{id}/commands` takes. */
export function slashCommandDefinitions(): RESTPostAPIChatInputApplicationCommandsJSONBody[] {
  const specs = COMMANDS.map((c) => c.help);
  return COMMANDS.flatMap((c) => c.discord.definitions(base, specs)).map((b) => b.toJSON());
}
