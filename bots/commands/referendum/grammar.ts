/** `/referendum <id>`: help text, grammar and the line that opens one referendum. */
import { parseReferendumId } from '../../../core/commands/arguments.js';
import type { CommandSpec } from '../../../core/commands/command-spec.js';
import { ok, type Parsed } from '../../../core/commands/errors.js';
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
  const token = exactlyOne(help, args, 'a referendum number');
  if (!token.ok) return token;
  const id = parseReferendumId(token.value);
  return id.ok ? ok({ name: 'referendum', id: id.value }) : id;
}

export const referendumLine = (id: number) => `/referendum ${id}`;
