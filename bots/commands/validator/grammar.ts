/** `/validator <address>`: help text and grammar. */
import { parseAddressArgument } from '../../../core/commands/arguments.js';
import { type CommandSpec, EXAMPLE_ADDRESS } from '../../../core/commands/command-spec.js';
import type { AddressArgument } from '../../../core/commands/command-types.js';
import { ok, type Parsed } from '../../../core/commands/errors.js';
import { exactlyOne } from '../../../core/commands/tokens.js';

export interface ValidatorCommand {
  name: 'validator';
  account: AddressArgument;
}

export const help: CommandSpec = {
  name: 'validator',
  aliases: [],
  usage: '/validator <address>',
  summary: 'Commission, stake, nominators, era points and unclaimed eras of a validator.',
  examples: [`/validator ${EXAMPLE_ADDRESS}`],
};

export function parse(args: readonly string[]): Parsed<ValidatorCommand> {
  const token = exactlyOne(help, args, 'an address');
  if (!token.ok) return token;
  const account = parseAddressArgument(token.value, help.examples[0]!);
  return account.ok ? ok({ name: 'validator', account: account.value }) : account;
}
