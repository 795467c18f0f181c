/** `/bounties [status]`: help text and grammar. */
import type { CommandSpec } from '../../../core/commands/command-spec.js';
import { fail, ok, type Parsed, quote } from '../../../core/commands/errors.js';
import { BOUNTIES_FILTERS, type BountiesFilter } from '../../../core/reply/treasury-replies.js';

export interface BountiesCommand {
  name: 'bounties';
  filter: BountiesFilter;
}

/** The words users type: the filters, with `payout` for `claimable`. */
const WORDS: Record<string, BountiesFilter> = {
  ...Object.fromEntries(BOUNTIES_FILTERS.map((f) => [f, f])),
  payout: 'claimable',
};

export const help: CommandSpec = {
  name: 'bounties',
  aliases: [],
  usage: '/bounties [proposed|funded|curator|active|payout|all]',
  summary:
    'Bounties with value, curator and status: proposed, funded (no curator), curator (proposed), active, payout (awarded), or all; all but proposed by default.',
  examples: ['/bounties', '/bounties active'],
};

export function parse(args: readonly string[]): Parsed<BountiesCommand> {
  if (args.length > 1)
    return fail(
      'extra-argument',
      `/bounties takes one status word at most, but got ${args.length} words.`,
      `${help.usage}, e.g. ${help.examples[1]}`,
      args.slice(1).join(' '),
    );
  if (args.length === 0) return ok({ name: 'bounties', filter: 'live' });
  const filter = WORDS[args[0]!.toLowerCase()];
  if (!filter)
    return fail(
      'unknown-bounty-status',
      `${quote(args[0]!)} is not a bounty status; use one of ${Object.keys(WORDS).join(', ')}.`,
      `${help.usage}, e.g. ${help.examples[1]}`,
      args[0]!,
    );
  return ok({ name: 'bounties', filter });
}

export const bountiesLine = (command: Omit<BountiesCommand, 'name'>): string =>
  command.filter === 'live' ? '/bounties' : `/bounties ${command.filter}`;
