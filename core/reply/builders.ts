/** Pure builders of reply intents that do not need the store: errors, help, and the shared pieces. */

import type { CommandName, CommandSpec } from '../commands/command-spec.js';
import { type CommandError, commandError } from '../commands/errors.js';
import { MAX_INPUT_CHARS } from '../commands/limits.js';
import { trackDisplayName, trackName } from '../opengov/tracks.js';
import {
  MAX_ADDRESS_SUBSCRIPTIONS_PER_TARGET,
  MAX_SUBSCRIPTIONS_PER_TARGET,
} from '../subscriptions/limits.js';
import type { TrackInfo } from '../types/governance.js';
import type { Freshness } from './freshness.js';
import type { ErrorReply, HelpReply, ReplyAction, TrackLabel } from './reply-types.js';

/**
 * `usage` is the command's usage line; where a handler leaves it out, the command set fills it in
 * before the reply leaves (every error about a named command carries its usage).
 */
export function errorReply(
  error: CommandError,
  command: CommandName | null,
  freshness: Freshness | null,
  usage: string | null = null,
): ErrorReply {
  return {
    type: 'error',
    command,
    error,
    usage,
    freshness,
    actions: [],
    attachments: [],
  };
}

export function noSnapshotReply(command: CommandName | null): ErrorReply {
  return errorReply(
    commandError(
      'no-snapshot',
      'No snapshot has been taken yet, so there is no data to answer from.',
      'Try again after the next snapshot (one runs every few minutes); /status shows when.',
    ),
    command,
    null,
  );
}

export function unavailableReply(command: CommandName | null, freshness: Freshness | null): ErrorReply {
  return errorReply(
    commandError(
      'unavailable',
      'The data store could not be reached, so this could not be answered.',
      'Try again in a minute.',
    ),
    command,
    freshness,
  );
}

export function helpReply(
  topic: CommandSpec | null,
  commands: readonly CommandSpec[],
  freshness: Freshness | null,
): HelpReply {
  return {
    type: 'help',
    topic,
    commands: [...commands],
    limits: {
      subscriptionsPerChat: MAX_SUBSCRIPTIONS_PER_TARGET,
      addressSubscriptionsPerChat: MAX_ADDRESS_SUBSCRIPTIONS_PER_TARGET,
      inputChars: MAX_INPUT_CHARS,
    },
    freshness,
    actions: [],
    attachments: [],
  };
}

export function trackLabel(track: TrackInfo): TrackLabel {
  const name = trackName(track.name);
  return { id: track.id, name, displayName: trackDisplayName(name) };
}

/** Previous/next buttons for a paged list; `lineFor(page)` is the command line of that page. */
export function pageActions(
  page: number,
  pageCount: number,
  lineFor: (page: number) => string,
): ReplyAction[] {
  const actions: ReplyAction[] = [];
  if (page > 1 && page <= pageCount + 1)
    actions.push({
      type: 'page',
      direction: 'previous',
      page: page - 1,
      pageCount,
      command: lineFor(page - 1),
    });
  if (page < pageCount)
    actions.push({ type: 'page', direction: 'next', page: page + 1, pageCount, command: lineFor(page + 1) });
  return actions;
}
