/**
 * What an error about a referendum number suggests, from the snapshot itself: the range of numbers
 * the chain has given out, and a referendum that exists (the newest ongoing one, else the most
 * recently ended one), never a made-up number.
 */
import { commandError } from '../../../core/commands/errors.js';
import { errorReply } from '../../../core/reply/builders.js';
import type { Reply } from '../../../core/reply/reply-types.js';
import type { CommandContext } from '../context.js';
import { type Frame, referendaIndexOf } from '../frame.js';

export interface ReferendumSuggestion {
  /** "Referendum numbers run from 0 to 39.", or that the snapshot holds none. */
  range: string;
  /** A referendum in the snapshot to show as an example, or null when it holds none. */
  example: number | null;
  /** Whether the example is ongoing (else it has ended). */
  ongoing: boolean;
}

export async function suggestReferendum(ctx: CommandContext, frame: Frame): Promise<ReferendumSuggestion> {
  const index = await referendaIndexOf(ctx, frame);
  const count = index?.referendumCount ?? 0;
  const range =
    count === 0 ? 'No referendum is in this snapshot.' : `Referendum numbers run from 0 to ${count - 1}.`;
  const newestOngoing = (index?.ongoing ?? []).reduce<number | null>(
    (max, r) => (max === null || r.id > max ? r.id : max),
    null,
  );
  if (newestOngoing !== null) return { range, example: newestOngoing, ongoing: true };
  const ended = index?.recentlyEnded[0]?.id ?? null;
  return { range, example: ended, ongoing: false };
}

/** "/referenda lists the ongoing ones, e.g. /referendum 39 (the newest)", with a real number. */
export function referendumHint(s: ReferendumSuggestion, line: (id: number) => string): string {
  if (s.example === null) return '/referenda lists the ongoing ones once there are some.';
  const which = s.ongoing ? 'the newest ongoing one' : 'the most recently ended one';
  return `/referenda lists the ongoing ones, e.g. ${line(s.example)} (${which}).`;
}

/** The error a referendum command answers for an id the snapshot does not hold, with a suggestion. */
export async function unknownReferendumReply(
  id: number,
  frame: Frame,
  ctx: CommandContext,
  command: string,
  line: (id: number) => string,
): Promise<Reply> {
  const suggestion = await suggestReferendum(ctx, frame);
  return errorReply(
    commandError(
      'unknown-referendum',
      `Referendum ${id} is not in the snapshot at relay block ${frame.freshness.relayBlock}. ${suggestion.range}`,
      referendumHint(suggestion, line),
      String(id),
    ),
    command,
    frame.freshness,
  );
}
