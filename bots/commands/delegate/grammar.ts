/** `/delegate <address>`: help text and grammar. */
import { parseAddressArgument } from '../../../core/commands/arguments.js';
import { type CommandSpec, EXAMPLE_ADDRESS } from '../../../core/commands/command-spec.js';
import type { AddressArgument } from '../../../core/commands/command-types.js';
import { ok, type Parsed } from '../../../core/commands/errors.js';
import { exactlyOne } from '../../../core/commands/tokens.js';

export interface DelegateCommand {
  name: 'delegate';
  account: AddressArgument;
}

export const help: CommandSpec = {
  name: 'delegate',
  aliases: [],
  usage: '/delegate <address>',
  summary:
    'A delegate: who delegates to it on each track (accounts, capital, votes) and how it votes on ongoing referenda.',
  examples: [`/delegate ${EXAMPLE_ADDRESS}`],
};

export function parse(args: readonly string[]): Parsed<DelegateCommand> {
  const token = exactlyOne(help, args, 'an address');
  if (!token.ok) return token;
  const account = parseAddressArgument(token.value, help.examples[0]!);
  return account.ok ? ok({ name: 'delegate', account: account.value }) : account;
}
