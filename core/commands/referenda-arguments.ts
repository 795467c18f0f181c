/**
 * `/referenda [track] [status] [page N]`, in any order: status words (a phase of the ongoing ones,
 * `ended`, one outcome such as `approved` or `timedout`, or `all`) and the page are recognised,
 * the remaining words name the track ("small spender" works as well as small_spender or 32).
 */
import { parsePage } from './arguments.js';
import { REFERENDA_STATUSES, type ReferendaStatus, type TrackQuery } from './command-types.js';
import { fail, ok, type Parsed } from './errors.js';

export interface ReferendaArguments {
  track: TrackQuery | null;
  status: ReferendaStatus;
  page: number;
}

const STATUS_WORDS = new Map<string, ReferendaStatus>(REFERENDA_STATUSES.map((s) => [s, s]));
STATUS_WORDS.set('active', 'ongoing');
STATUS_WORDS.set('open', 'ongoing');
STATUS_WORDS.set('past', 'ended');
STATUS_WORDS.set('closed', 'ended');
STATUS_WORDS.set('timed-out', 'timedout');
STATUS_WORDS.set('timed_out', 'timedout');
STATUS_WORDS.set('canceled', 'cancelled');
STATUS_WORDS.set('passed', 'approved');

export function parseReferendaArguments(args: readonly string[]): Parsed<ReferendaArguments> {
  let status: ReferendaStatus | null = null;
  let page: number | null = null;
  const trackWords: string[] = [];
  for (let i = 0; i < args.length; i++) {
    const token = args[i]!;
    const lower = token.toLowerCase();
    const pageText = /^page[:=]/.test(lower) ? lower.slice(5) : lower === 'page' ? args[++i] : undefined;
    if (pageText !== undefined || lower === 'page') {
      if (page !== null)
        return fail('extra-argument', 'The page is given twice.', '/referenda page 2', token);
      if (pageText === undefined || pageText === '')
        return fail('missing-argument', '"page" needs a number after it.', '/referenda page 2', token);
      const parsed = parsePage(pageText);
      if (!parsed.ok) return parsed;
      page = parsed.value;
      continue;
    }
    const word = STATUS_WORDS.get(lower);
    if (word) {
      if (status !== null)
        return fail(
          'extra-argument',
          `Only one status at a time: got both ${status} and ${word}.`,
          '/referenda deciding',
          token,
        );
      status = word;
      continue;
    }
    trackWords.push(token);
  }
  return ok({
    track: trackWords.length > 0 ? trackWords.join(' ') : null,
    status: status ?? 'ongoing',
    page: page ?? 1,
  });
}
