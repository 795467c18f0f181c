/** `/spends [pending|claimable|expiring|failed] [address]`: help text and grammar. */
import { parseAddressArgument } from '../../../core/commands/arguments.js';
import { type CommandSpec, EXAMPLE_ADDRESS } from '../../../core/commands/command-spec.js';
import type { AddressArgument } from '../../../core/commands/command-types.js';
import { fail, ok, type Parsed, quote } from '../../../core/commands/errors.js';
import { SPENDS_FILTERS, type SpendsFilter } from '../../../core/reply/treasury-replies.js';

export interface SpendsCommand {
  name: 'spends';
  filter: SpendsFilter;
  beneficiary: AddressArgument | null;
}

export const help: CommandSpec = {
  name: 'spends',
  aliases: [],
  usage: '/spends [pending|claimable|expiring|failed] [address]',
  summary:
    'Treasury spends, soonest expiry first: pending (the default), claimable, expiring within 7 days or failed; with an address, only those to it.',
  examples: ['/spends claimable', `/spends expiring ${EXAMPLE_ADDRESS}`],
};

const isFilter = (word: string): word is SpendsFilter => (SPENDS_FILTERS as readonly string[]).includes(word);

/** Looks like a word rather than an address: letters only and short. */
const looksLikeWord = (token: string): boolean => /^[a-z]{1,20}$/i.test(token);

export function parse(args: readonly string[]): Parsed<SpendsCommand> {
  const usage = `${help.usage}, e.g. ${help.examples[1]}`;
  if (args.length > 2)
    return fail(
      'extra-argument',
      `/spends takes a filter and an address at most, but got ${args.length} words.`,
      usage,
      args.slice(2).join(' '),
    );
  let filter: SpendsFilter | null = null;
  let beneficiary: AddressArgument | null = null;
  for (const token of args) {
    const word = token.toLowerCase();
    if (isFilter(word)) {
      if (filter)
        return fail(
          'extra-argument',
          `/spends takes one filter, but got ${filter} and ${word}.`,
          usage,
          token,
        );
      filter = word;
    } else if (looksLikeWord(token)) {
      return fail(
        'unknown-spend-filter',
        `${quote(token)} is not a spend filter; the filters are ${SPENDS_FILTERS.join(', ')}.`,
        usage,
        token,
      );
    } else {
      if (beneficiary) return fail('extra-argument', '/spends takes one address.', usage, token);
      const parsed = parseAddressArgument(token, help.examples[1]!);
      if (!parsed.ok) return parsed;
      beneficiary = parsed.value;
    }
  }
  return ok({ name: 'spends', filter: filter ?? 'pending', beneficiary });
}

export function spendsLine(command: Omit<SpendsCommand, 'name'>): string {
  return ['/spends', command.filter, ...(command.beneficiary ? [command.beneficiary.address] : [])].join(' ');
}
