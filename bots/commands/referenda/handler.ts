/**
 * `/referenda [track] [status] [page N]`: ongoing referenda by default, newest first, with phase,
 * time left and verdict; ended ones (all, or of one outcome) most recently ended first.
 */
import { endedMatches, listsEnded } from '../../../core/commands/command-types.js';
import { commandError } from '../../../core/commands/errors.js';
import { REFERENDA_PAGE_SIZE } from '../../../core/commands/limits.js';
import { blockTime } from '../../../core/opengov/time.js';
import { errorReply, pageActions, rowMatches, trackLabel } from '../../../core/reply/index.js';
import type { EndedRow, Reply, ReplyAction } from '../../../core/reply/reply-types.js';
import type { ReferendaIndex } from '../../../core/snapshot/entities.js';
import type { EndedStatus, TrackInfo } from '../../../core/types/governance.js';
import type { CommandContext } from '../context.js';
import { type Frame, referendaIndexOf, tracksOf } from '../frame.js';
import { ongoingRows, resolveTrack } from '../governance.js';
import { referendumLine } from '../referendum/grammar.js';
import { base, missingData } from '../reply-base.js';
import { type ReferendaCommand, referendaLine } from './grammar.js';

/** Recently ended referenda, when the status asks for them (they have no track to filter by). */
function endedRows(
  command: ReferendaCommand,
  track: TrackInfo | null,
  recentlyEnded: ReferendaIndex['recentlyEnded'],
  frame: Frame,
): EndedRow[] {
  if (!listsEnded(command.status) || track) return [];
  const anchor = { relayBlock: frame.freshness.relayBlock, timestampMs: frame.freshness.chainTimeMs };
  return recentlyEnded
    .filter((e) => endedMatches(command.status, e.status))
    .map((e) => ({
      id: e.id,
      status: e.status as EndedStatus,
      ended: blockTime(e.block, anchor),
      ...(e.title ? { title: e.title } : {}),
    }));
}

export async function referendaCommand(
  command: ReferendaCommand,
  frame: Frame,
  ctx: CommandContext,
): Promise<Reply> {
  const [index, tracks, rows] = await Promise.all([
    referendaIndexOf(ctx, frame),
    tracksOf(ctx, frame),
    ongoingRows(ctx, frame),
  ]);
  if (!index || !rows) return missingData('referenda', 'referenda list', frame);
  let track: TrackInfo | null = null;
  if (command.track !== null) {
    const found = resolveTrack(command.track, tracks, '/referenda small_spender');
    if (!found.ok) return errorReply(found.error, 'referenda', frame.freshness);
    track = found.value;
  }
  const titles = new Map(index.ongoing.flatMap((r) => (r.title ? [[r.id, r.title] as const] : [])));
  // Newest first: the one just submitted is the one people ask about.
  const ongoing = rows
    .filter((r) => rowMatches(r, command.status) && (!track || r.track?.id === track.id))
    .sort((a, b) => b.id - a.id)
    .map((r) => {
      const title = titles.get(r.id);
      return title ? { ...r, title } : r;
    });
  const ended = endedRows(command, track, index.recentlyEnded, frame);
  const total = ongoing.length + ended.length;
  const pageCount = Math.max(1, Math.ceil(total / REFERENDA_PAGE_SIZE));
  if (command.page > pageCount) {
    const error = commandError(
      'invalid-page',
      `There ${pageCount === 1 ? 'is only 1 page' : `are only ${pageCount} pages`} of these referenda; page ${command.page} is past the end.`,
      referendaLine({ ...command, page: pageCount }),
      String(command.page),
    );
    return errorReply(error, 'referenda', frame.freshness);
  }
  const start = (command.page - 1) * REFERENDA_PAGE_SIZE;
  const pageOngoing = ongoing.slice(start, start + REFERENDA_PAGE_SIZE);
  const endedStart = Math.max(0, start - ongoing.length);
  const pageEnded = ended.slice(endedStart, endedStart + REFERENDA_PAGE_SIZE - pageOngoing.length);
  // Buttons name the track by id: shorter, and unambiguous whatever the user typed.
  const lineFor = (page: number) =>
    referendaLine({ ...command, track: track ? String(track.id) : null, page });
  const actions: ReplyAction[] = [
    ...pageActions(command.page, pageCount, lineFor),
    ...pageOngoing.map((r) => ({
      type: 'open-referendum' as const,
      referendum: r.id,
      command: referendumLine(r.id),
    })),
  ];
  return {
    type: 'referenda',
    filter: { track: track ? trackLabel(track) : null, status: command.status },
    page: command.page,
    pageCount,
    total,
    rows: pageOngoing,
    ended: pageEnded,
    endedOmittedByTrack: listsEnded(command.status) && track !== null,
    ...base(frame, actions),
  };
}
