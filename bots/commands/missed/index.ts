/** `/missed [hours]`: this chat's recent alerts again, with what became of each. */
import { DEFAULT_MISSED_HOURS } from '../../../core/commands/limits.js';
import type { CommandDefinition } from '../command.js';
import { discord } from './discord.js';
import { help, type MissedCommand, parse } from './grammar.js';
import { missedCommand } from './handler.js';

export const missed: CommandDefinition<MissedCommand> = {
  help,
  changesSettings: false,
  parse,
  line: (command) => (command.hours === DEFAULT_MISSED_HOURS ? '/missed' : `/missed ${command.hours}`),
  run: missedCommand,
  discord,
};
