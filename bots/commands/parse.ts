/**
 * Command line → Command, built from the registry. Total: any string (or anything else) gives
 * either a validated command or one CommandError naming what was wrong and what to type instead.
 * Also which commands change a chat's settings, decided by what the command does.
 */
import { type CommandName, type CommandSpec, findSpec } from '../../core/commands/command-spec.js';
import type { Parsed } from '../../core/commands/errors.js';
import { tokenize, tooManyArguments, unknownCommand } from '../../core/commands/tokens.js';
import type { CommandDefinition, CommandSet } from './command.js';
import { COMMANDS, type Command } from './registry.js';

const SPECS: readonly CommandSpec[] = COMMANDS.map((c) => c.help);

/** The command set as commands see it (/help lists it). */
export const COMMAND_SET: CommandSet = { specs: SPECS, find: (word) => findSpec(SPECS, word) };

/** The command a typed word names (its name or an alias, any letter case). */
export function findCommand(word: string): CommandDefinition<Command> | undefined {
  const spec = findSpec(SPECS, word);
  return spec && COMMANDS.find((c) => c.help === spec);
}

/** The help text of a command by its name. */
export function commandSpec(name: CommandName): CommandSpec | null {
  return findSpec(SPECS, name) ?? null;
}

export function parseCommand(raw: unknown): Parsed<Command> {
  const tokens = tokenize(raw);
  if (!tokens.ok) return tokens;
  const { word, args } = tokens.value;
  const command = findCommand(word);
  if (!command) return unknownCommand(SPECS, word);
  return tooManyArguments(command.help, args.length) ?? command.parse(args, COMMAND_SET);
}

/** The command a line names, even when its arguments are wrong (for the usage line in an error). */
export function commandNameOf(raw: unknown): CommandName | null {
  const tokens = tokenize(raw);
  if (!tokens.ok) return null;
  return findCommand(tokens.value.word)?.help.name ?? null;
}

/**
 * Command → the shortest command line that parses back to it. Inline actions carry these lines so a
 * button press runs exactly what typing would; they stay within Telegram's 64-byte callback data.
 */
export function commandLine(command: Command): string {
  const line = findCommand(command.name)?.line;
  return line ? line(command) : `/${command.name}`;
}

/** Whether this command changes what its chat receives (subscriptions, alert settings). */
export function changesSettings(command: Command): boolean {
  const flag = findCommand(command.name)?.changesSettings ?? false;
  return typeof flag === 'function' ? flag(command) : flag;
}

/**
 * The command a line would run when it changes the chat's settings, else null; decided by what
 * the command does, whatever name, alias or letter case the line uses. A line that does not parse
 * counts by its command, so a refused caller is told so before being told how to fix it.
 */
export function settingsChangeOf(line: unknown): CommandSpec | null {
  const parsed = parseCommand(line);
  if (parsed.ok) return changesSettings(parsed.value) ? commandSpec(parsed.value.name) : null;
  const name = commandNameOf(line);
  const command = name === null ? undefined : findCommand(name);
  return command && command.changesSettings !== false ? command.help : null;
}
