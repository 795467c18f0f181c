/** `/spend <index>`: one treasury spend and what to do about it. */
import { type DiscordCommand, OPTION, plainRequest } from '../../discord/slash/index.js';
import type { CommandDefinition } from '../command.js';
import { help, parse, type SpendCommand, spendLine } from './grammar.js';
import { spendCommand } from './handler.js';

const discord: DiscordCommand = {
  names: ['spend'],
  definitions: (base) => [
    base(
      'spend',
      'One treasury spend: amount, beneficiary, claim window, status and the call to make',
    ).addIntegerOption((o) =>
      o
        .setName(OPTION.id)
        .setDescription('Spend number')
        .setRequired(true)
        .setMinValue(0)
        .setMaxValue(4_294_967_295),
    ),
  ],
  request: plainRequest('spend', OPTION.id),
};

export const spend: CommandDefinition<SpendCommand> = {
  help,
  changesSettings: false,
  parse,
  line: spendLine,
  run: spendCommand,
  discord,
};
