/** `/crowdloan <address>`: help text and grammar. */
import { parseAddressArgument } from '../../../core/commands/arguments.js';
import { type CommandSpec, EXAMPLE_ADDRESS } from '../../../core/commands/command-spec.js';
import type { AddressArgument } from '../../../core/commands/command-types.js';
import { ok, type Parsed } from '../../../core/commands/errors.js';
import { exactlyOne } from '../../../core/commands/tokens.js';

export interface CrowdloanCommand {
  name: 'crowdloan';
  account: AddressArgument;
}

export const help: CommandSpec = {
  name: 'crowdloan',
  aliases: [],
  usage: '/crowdloan <address>',
  summary:
    'Crowdloan contributions and lease deposits of an account waiting on Asset Hub, when each can be withdrawn, and the call to make.',
  examples: [`/crowdloan ${EXAMPLE_ADDRESS}`],
};

export function parse(args: readonly string[]): Parsed<CrowdloanCommand> {
  const token = exactlyOne(help, args, 'an address');
  if (!token.ok) return token;
  const account = parseAddressArgument(token.value, help.examples[0]!);
  return account.ok ? ok({ name: 'crowdloan', account: account.value }) : account;
}
