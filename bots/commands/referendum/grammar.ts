/** `/referendum <id>`: help text, grammar and the line that opens one referendum. */
import { parseReferendumId } from '../../../core/commands/arguments.js';
import type { CommandSpec } from '../../../core/commands/command-spec.js';
import { fail, ok, type Parsed } from '../../../core/commands/errors.js';
import { exactlyOne } from '../../../core/commands/tokens.js';

export interface ReferendumCommand {
  name: 'referendum';
  id: number;
}

export const help: CommandSpec = {
  name: 'referendum',
  aliases: ['ref'],
  usage: '/referendum <id>',
  summary: 'One referendum: phase, tally against the curves, deadlines, projection and chart.',
  examples: ['/referendum 412'],
};

export function parse(args: readonly string[]): Parsed<ReferendumCommand> {
  // No number to check yet, so no example number either: /referenda shows the real ones.
  if (args.length === 0)
    return fail(
      'missing-argument',
      '/referendum needs a referendum number.',
      '/referenda lists the ongoing ones with their numbers; then /referendum <number>',
    );
  const token = exactlyOne(help, args, 'a referendum number');
  const id = parseReferendumId(args[0]!);
  if (!token.ok) {
    // More than one word: suggest the first, when it is a number, rather than an example.
    return id.ok ? { ok: false, error: { ...token.error, hint: referendumLine(id.value) } } : token;
  }
  return id.ok ? ok({ name: 'referendum', id: id.value }) : id;
}

export const referendumLine = (id: number) => `/referendum ${id}`;
