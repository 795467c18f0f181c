/**
 * What one command of the command set is: its help text, whether it changes what a chat receives,
 * its grammar, its handler and its Discord slash commands. Each command's folder exports one of
 * these; registry.ts lists them.
 */
import type { CommandSpec } from '../../core/commands/command-spec.js';
import type { Parsed } from '../../core/commands/errors.js';
import type { Reply } from '../../core/reply/reply-types.js';
import type { DiscordCommand } from '../discord/slash/index.js';
import type { CommandContext } from './context.js';
import type { Frame } from './frame.js';

/** What a command may read of the command set itself (/help lists it). */
export interface CommandSet {
  specs: readonly CommandSpec[];
  find(word: string): CommandSpec | undefined;
}

export interface CommandDefinition<C extends { name: string }> {
  help: CommandSpec;
  /**
   * Whether it changes a chat's subscriptions or alert settings, so in a group or channel only
   * those who manage it may run it; a function when that depends on the arguments. A line that
   * does not parse counts as changing unless this is `false`.
   */
  changesSettings: boolean | Bivariant<C>;
  /** The argument words (after the command word) → the command, or why not. Pure. */
  parse(args: readonly string[], set: CommandSet): Parsed<C>;
  /** The shortest line that parses back to the command (`/name` when left out). */
  line?(command: C): string;
  run(command: C, frame: Frame, ctx: CommandContext, set: CommandSet): Reply | Promise<Reply>;
  /** The answer when there is no snapshot to answer from, for a command that needs none. */
  offline?(command: C, set: CommandSet): Reply;
  discord: DiscordCommand;
}

/** A method's type, so a definition of one command is a definition of the union of them all. */
type Bivariant<C> = { check(command: C): boolean }['check'];

/** The command a definition parses to. */
export type CommandOf<D> = D extends CommandDefinition<infer C> ? C : never;
