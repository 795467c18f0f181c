/** `/start`: the greeting, what Herald does in three lines, and where to begin. */
import type { ReplyAction, StartReply } from '../../core/reply/reply-types.js';

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

export function startText(reply: StartReply): string[] {
  const begin = reply.addressByMessage
    ? 'Send me a Kusama address to see its stake, or start with a button below.'
    : 'Type /stake followed by a Kusama address to see its stake, or start with a button below.';
  return [
    'Welcome to Herald',
    'Herald follows Kusama for you:',
    '• Staking: the bond, nominations, rewards and unbonding of any address.',
    '• OpenGov: ongoing referenda, their tally against the curves, and their deadlines.',
    "• Alerts: new referenda, deadlines, and an address's staking and votes, as they happen.",
    '',
    begin,
    '/help lists every command; /help <command> explains one with an example.',
  ];
}

/** The answer to plain text in a private chat that is neither an address nor a command. */
export const PRIVATE_TEXT_HINT = 'Send an address to see its stake, or /help for everything else.';
