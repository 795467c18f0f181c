/** `/validator <address>`: a validator's commission, stake, nominators, points and unclaimed eras. */
import type { CommandDefinition } from '../command.js';
import { discord } from './discord.js';
import { help, parse, type ValidatorCommand } from './grammar.js';
import { validatorCommand } from './handler.js';

export const validator: CommandDefinition<ValidatorCommand> = {
  help,
  changesSettings: false,
  parse,
  line: (command) => `/validator ${command.account.address}`,
  run: validatorCommand,
  discord,
};
