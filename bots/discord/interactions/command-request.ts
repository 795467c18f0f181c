/**
 * A slash command's options → the command line the shared command set parses, so a Discord user
 * gets exactly the answers and errors someone typing the line would. The command's own folder
 * turns its options into words; whether the line changes the channel's settings is decided from
 * the command the line resolves to, never from the slash name.
 */
import type { CommandSpec } from '../../../core/commands/command-spec.js';
import type { CommandDefinition } from '../../commands/command.js';
import { settingsChangeOf } from '../../commands/parse.js';
import { COMMANDS, type Command } from '../../commands/registry.js';
import { leafOptions, line as lineOf, type Scope, words } from '../slash/index.js';

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

export function commandRequest(data: Record<string, unknown>): CommandRequest {
  const name = typeof data.name === 'string' ? data.name : '';
  const { subcommand, options } = leafOptions(data);
  const command = BY_SLASH.get(name);
  // A name this bot never registered (another letter case, an alias): the parser decides what it
  // is, and the permission check follows the command it resolves to.
  const { line, scope } = command
    ? command.discord.request({ name, subcommand, options })
    : { line: lineOf(name, ...options.flatMap((o) => words([o], o.name))), scope: 'here' as const };
  return { line, scope, writes: settingsChangeOf(line) };
}
