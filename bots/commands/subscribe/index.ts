/** `/subscribe`: alerts in this chat about referenda, deadlines or an address. */
import type { CommandDefinition } from '../command.js';
import { discord } from './discord.js';
import { help, parse, type SubscribeCommand, subscribeLine } from './grammar.js';
import { subscribeCommand } from './handler.js';

export const subscribe: CommandDefinition<SubscribeCommand> = {
  help,
  changesSettings: true,
  parse,
  line: (command) => subscribeLine(command.request),
  run: subscribeCommand,
  discord,
};
