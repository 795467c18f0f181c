/** `/referenda`: referenda with their phase, time left and whether they pass. */
import type { CommandDefinition } from '../command.js';
import { discord } from './discord.js';
import { help, parse, type ReferendaCommand, referendaLine } from './grammar.js';
import { referendaCommand } from './handler.js';

export const referenda: CommandDefinition<ReferendaCommand> = {
  help,
  changesSettings: false,
  parse,
  line: referendaLine,
  run: referendaCommand,
  discord,
};
