/** `/referendum <id>`: one referendum's phase, tally, deadlines, projection and chart. */
import type { CommandDefinition } from '../command.js';
import { discord } from './discord.js';
import { help, parse, type ReferendumCommand, referendumLine } from './grammar.js';
import { referendumCommand } from './handler.js';

export const referendum: CommandDefinition<ReferendumCommand> = {
  help,
  changesSettings: false,
  parse,
  line: (command) => referendumLine(command.id),
  run: referendumCommand,
  discord,
};
