/** `/calldata <referendum> [aye|nay <amount> [conviction]]`: vote call data to sign in one's own wallet. */
import type { CommandDefinition } from '../command.js';
import { discord } from './discord.js';
import { type CallDataCommand, callDataLine, help, parse } from './grammar.js';
import { callDataCommand } from './handler.js';

export const calldata: CommandDefinition<CallDataCommand> = {
  help,
  changesSettings: false,
  parse,
  line: callDataLine,
  run: callDataCommand,
  discord,
};
