/** `/stake <address>`: help text and grammar. */
import { parseAddressArgument } from '../../../core/commands/arguments.js';
import { type CommandSpec, EXAMPLE_ADDRESS } from '../../../core/commands/command-spec.js';
import type { AddressArgument } from '../../../core/commands/command-types.js';
import { ok, type Parsed } from '../../../core/commands/errors.js';
import { exactlyOne } from '../../../core/commands/tokens.js';

export interface StakeCommand {
  name: 'stake';
  account: AddressArgument;
}

export const help: CommandSpec = {
  name: 'stake',
  aliases: [],
  usage: '/stake <address>',
  summary: 'Bond, nominations, pool, unbonding, unclaimed rewards and return (APR) of an account.',
  examples: [`/stake ${EXAMPLE_ADDRESS}`],
};

export function parse(args: readonly string[]): Parsed<StakeCommand> {
  const token = exactlyOne(help, args, 'an address');
  if (!token.ok) return token;
  const account = parseAddressArgument(token.value, help.examples[0]!);
  return account.ok ? ok({ name: 'stake', account: account.value }) : account;
}
