/** `/para <id|name>`: one parachain, its coretime, renewal and latest head. */
import { type DiscordCommand, OPTION, plainRequest } from '../../discord/slash/index.js';
import type { CommandDefinition } from '../command.js';
import { help, type ParaCommand, paraLine, parse } from './grammar.js';
import { paraCommand } from './handler.js';

const discord: DiscordCommand = {
  names: ['para'],
  definitions: (base) => [
    base('para', 'One parachain: lifecycle, manager, cores, renewal and latest head').addStringOption((o) =>
      o
        .setName(OPTION.id)
        .setDescription('Para id or name, e.g. 2000 or karura')
        .setRequired(true)
        .setMaxLength(40),
    ),
  ],
  request: plainRequest('para', OPTION.id),
};

export const para: CommandDefinition<ParaCommand> = {
  help,
  changesSettings: false,
  parse,
  line: paraLine,
  run: paraCommand,
  discord,
};
