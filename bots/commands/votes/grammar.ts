/** `/votes <address>`: help text and grammar. */
import { parseAddressArgument } from '../../../core/commands/arguments.js';
import { type CommandSpec, EXAMPLE_ADDRESS } from '../../../core/commands/command-spec.js';
import type { AddressArgument } from '../../../core/commands/command-types.js';
import { ok, type Parsed } from '../../../core/commands/errors.js';
import { exactlyOne } from '../../../core/commands/tokens.js';

export interface VotesCommand {
  name: 'votes';
  account: AddressArgument;
}

export const help: CommandSpec = {
  name: 'votes',
  aliases: [],
  usage: '/votes <address>',
  summary:
    'Conviction votes, delegations and every voting lock of an account, what can be unlocked now and the calls that do it.',
  examples: [`/votes ${EXAMPLE_ADDRESS}`],
};

export function parse(args: readonly string[]): Parsed<VotesCommand> {
  const token = exactlyOne(help, args, 'an address');
  if (!token.ok) return token;
  const account = parseAddressArgument(token.value, help.examples[0]!);
  return account.ok ? ok({ name: 'votes', account: account.value }) : account;
}
