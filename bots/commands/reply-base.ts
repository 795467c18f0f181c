/** Pieces every command reply shares: the frame's data age, and the "data missing" error. */

import type { CommandName } from '../../core/commands/command-spec.js';
import { commandError } from '../../core/commands/errors.js';
import { errorReply } from '../../core/reply/builders.js';
import type { Freshness } from '../../core/reply/freshness.js';
import type { ErrorReply, ReplyAction, ReplyAttachment } from '../../core/reply/reply-types.js';
import type { Frame } from './frame.js';

export function base(
  frame: Frame,
  actions: ReplyAction[] = [],
  attachments: ReplyAttachment[] = [],
): { freshness: Freshness; actions: ReplyAction[]; attachments: ReplyAttachment[] } {
  return { freshness: frame.freshness, actions, attachments };
}

/** The snapshot is committed but lacks an aggregate this command needs. */
export function missingData(command: CommandName, what: string, frame: Frame): ErrorReply {
  return errorReply(
    commandError(
      'no-snapshot',
      `The current snapshot (version ${frame.pointer.version}) has no ${what}, so this cannot be answered.`,
      'Try again after the next snapshot; /status shows when the last one ran.',
    ),
    command,
    frame.freshness,
  );
}

export function activeIssuance(frame: Frame): bigint {
  const issuance = frame.status?.issuance;
  return issuance ? issuance.total - issuance.inactive : 0n;
}
