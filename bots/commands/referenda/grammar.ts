/** `/referenda [track] [status] [page N]`: help text, grammar and the line that names a page. */
import type { CommandSpec } from '../../../core/commands/command-spec.js';
import type { ReferendaStatus, TrackQuery } from '../../../core/commands/command-types.js';
import { ok, type Parsed } from '../../../core/commands/errors.js';
import { parseReferendaArguments } from '../../../core/commands/referenda-arguments.js';

export interface ReferendaCommand {
  name: 'referenda';
  track: TrackQuery | null;
  status: ReferendaStatus;
  page: number;
}

export const help: CommandSpec = {
  name: 'referenda',
  aliases: [],
  usage:
    '/referenda [track] [ongoing|preparing|queued|deciding|confirming|ended|approved|rejected|cancelled|timedout|killed|all] [page N]',
  summary:
    'Referenda with their phase, time left and whether they pass, newest first (ongoing ones by default; ended ones, or those of one outcome, most recently ended first).',
  examples: [
    '/referenda',
    '/referenda small_spender deciding',
    '/referenda approved',
    '/referenda 30 page 2',
  ],
};

export function parse(args: readonly string[]): Parsed<ReferendaCommand> {
  const parsed = parseReferendaArguments(args);
  return parsed.ok ? ok({ name: 'referenda', ...parsed.value }) : parsed;
}

/** The shortest line that parses back to this command. */
export function referendaLine(command: ReferendaCommand): string {
  const words = ['/referenda'];
  if (command.track !== null) words.push(command.track);
  if (command.status !== 'ongoing') words.push(command.status);
  if (command.page > 1) words.push('page', String(command.page));
  return words.join(' ');
}
