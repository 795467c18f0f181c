/** `/unsubscribe`: stops alerts, by id, by kind or all. */
import type { CommandDefinition } from '../command.js';
import { discord } from './discord.js';
import { help, parse, type UnsubscribeCommand, unsubscribeLine } from './grammar.js';
import { unsubscribeCommand } from './handler.js';

export const unsubscribe: CommandDefinition<UnsubscribeCommand> = {
  help,
  changesSettings: true,
  parse,
  line: (command) => unsubscribeLine(command.selector),
  run: unsubscribeCommand,
  discord,
};
