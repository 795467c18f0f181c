/** What a command of the command set tells Discord: its slash commands, and how their options make its line. */
import type { SlashCommandBuilder } from '@discordjs/builders';
import type { RESTPostAPIChatInputApplicationCommandsJSONBody } from 'discord-api-types/v10';
import type { CommandSpec } from '../../../core/commands/command-spec.js';
import { line, type OptionValue, words } from './options.js';

/** Alerts go to the channel (or DM) the command came from, or to the caller's own DMs. */
export type Scope = 'here' | 'dm';

/** A new slash command with the settings every one of Herald's shares (contexts, install type). */
export type SlashBase = (name: string, description: string) => SlashCommandBuilder;

export interface SlashDefinition {
  toJSON(): RESTPostAPIChatInputApplicationCommandsJSONBody;
}

/** One slash command as invoked: its name, the subcommand chosen, and the leaf options. */
export interface SlashInput {
  name: string;
  subcommand: string | null;
  options: OptionValue[];
}

export interface SlashRequest {
  /** The command line the shared command set parses. */
  line: string;
  scope: Scope;
}

export interface DiscordCommand {
  /** The slash commands this command registers, answered by `request`. */
  names: readonly string[];
  /** Their definitions, in the order they are registered (`commands`: the whole command set). */
  definitions(base: SlashBase, commands: readonly CommandSpec[]): SlashDefinition[];
  request(input: SlashInput): SlashRequest;
}

/** A slash command whose options are, in order, the words of the command's line. */
export function plainRequest(name: string, ...optionNames: string[]): (input: SlashInput) => SlashRequest {
  return (input) => ({ line: line(name, ...words(input.options, ...optionNames)), scope: 'here' });
}
