/** `/start`'s buttons, and the hint for plain text in a private chat. */
import type { ReplyAction } from '../../core/reply/reply-types.js';

type StartOption = Extract<ReplyAction, { type: 'start-option' }>['option'];

/** The label of a /start button, the same on every platform. */
export function startOptionLabel(option: StartOption): string {
  switch (option) {
    case 'stake':
      return 'Your stake';
    case 'referenda':
      return 'Ongoing referenda';
    case 'subscribe':
      return 'Subscribe to alerts';
  }
}

/** The answer to plain text in a private chat that is neither an address nor a command. */
export const PRIVATE_TEXT_HINT = 'Send an address to see its stake, or /help for everything else.';
