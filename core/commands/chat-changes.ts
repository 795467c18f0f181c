/**
 * Which command lines change what a chat receives (its subscriptions and alert settings): in a
 * group or channel only its admins may run those. `/quiet` alone only shows the quiet hours.
 */
import type { Command } from './command-types.js';
import type { CommandName } from './grammar.js';
import { commandNameOf, parseCommand } from './parse.js';

export const CHAT_CHANGING_COMMANDS: ReadonlySet<CommandName> = new Set([
  'subscribe',
  'unsubscribe',
  'quiet',
  'mute',
  'unmute',
]);

export function changesChat(command: Command): boolean {
  if (command.name === 'quiet') return command.change !== null;
  return CHAT_CHANGING_COMMANDS.has(command.name);
}

/**
 * The command a line would run when it changes the chat, else null. A line that does not parse
 * counts by its command name, so a refused caller is told so before being told how to fix it.
 */
export function chatChangeOf(line: unknown): CommandName | null {
  const parsed = parseCommand(line);
  if (parsed.ok) return changesChat(parsed.value) ? parsed.value.name : null;
  const name = commandNameOf(line);
  return name !== null && CHAT_CHANGING_COMMANDS.has(name) ? name : null;
}
