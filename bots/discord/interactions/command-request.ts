/**
 * A slash command's options → the command line the shared command set parses, so a Discord user
 * gets exactly the answers and errors someone typing the line would. The command's own folder
 * turns its options into words; whether the line changes the channel's settings is decided from
 * the command the line resolves to, never from the slash name.
 */
import type { CommandSpec } from '../../../core/commands/command-spec.js';
import type { CommandDefinition } from '../../commands/command.js';
import { findCommand, settingsChangeOf } from '../../commands/parse.js';
import { COMMANDS, type Command } from '../../commands/registry.js';
import {
  leafOptions,
  line as lineOf,
  type Scope,
  type SlashInput,
  type SlashRequest,
} from '../slash/index.js';

export interface CommandRequest {
  line: string;
  /** Whose alerts a command is about: this channel (or DM), or the caller's DMs. */
  scope: Scope;
  /**
   * The command when it changes the chat's subscriptions or alert settings: it needs the
   * permission to, and is never answered twice (not raced against the answer budget).
   */
  writes: CommandSpec | null;
}

/** The registered slash commands, by their exact name. */
const BY_SLASH = new Map<string, CommandDefinition<Command>>(
  COMMANDS.flatMap((c) => c.discord.names.map((name) => [name, c] as const)),
);

/**
 * A name this bot never registered (another letter case, an alias the parser accepts) is read as
 * the command it resolves to, through that command's own option mapping under its registered
 * name: option values never become free words of a line. A name that resolves to nothing becomes
 * just `/<name>`, which the parser answers as an unknown command.
 */
function requestOf({ name, subcommand, options }: SlashInput): SlashRequest {
  const registered = BY_SLASH.get(name);
  if (registered) return registered.discord.request({ name, subcommand, options });
  const command = findCommand(name);
  const canonical = command?.discord.names[0];
  if (command && canonical) return command.discord.request({ name: canonical, subcommand, options });
  return { line: lineOf(command?.help.name ?? name), scope: 'here' as const };
}

export function commandRequest(data: Record<string, unknown>): CommandRequest {
  const name = typeof data.name === 'string' ? data.name : '';
  const { subcommand, options } = leafOptions(data);
  const { line, scope } = requestOf({ name, subcommand, options });
  // The permission check follows the command the line resolves to, never the slash name.
  return { line, scope, writes: settingsChangeOf(line) };
}
