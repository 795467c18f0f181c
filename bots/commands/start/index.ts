/**
 * `/start`: what a new user sees first (Telegram sends it when a chat with the bot is opened): a
 * greeting, what Herald does, and buttons for a stake, the ongoing referenda and subscribing.
 * Answers without a snapshot too. Discord has no such first message (a user finds the slash commands
 * by typing "/", each with its description, and /help), so it registers no slash command there.
 */
import type { CommandSpec } from '../../../core/commands/command-spec.js';
import { ok } from '../../../core/commands/errors.js';
import type { Freshness } from '../../../core/reply/freshness.js';
import type { ReplyAction, StartReply } from '../../../core/reply/reply-types.js';
import type { Target } from '../../../core/subscriptions/subscription-model.js';
import type { DiscordCommand } from '../../discord/slash/index.js';
import type { CommandDefinition } from '../command.js';

interface StartCommand {
  name: 'start';
}

const help: CommandSpec = {
  name: 'start',
  aliases: [],
  usage: '/start',
  summary: 'What Herald does, and where to begin: your stake, the ongoing referenda, alerts.',
  examples: ['/start'],
};

const discord: DiscordCommand = {
  names: [],
  definitions: () => [],
  request: () => ({ line: '/start', scope: 'here' }),
};

/** The buttons: each runs what typing would. */
export const START_ACTIONS: readonly ReplyAction[] = [
  { type: 'start-option', option: 'stake', command: '/help stake' },
  { type: 'start-option', option: 'referenda', command: '/referenda' },
  { type: 'start-option', option: 'subscribe', command: '/help subscribe' },
];

/** A bare address is read as /stake only in a Telegram private chat (see bots/telegram). */
function addressByMessage(caller: Target | null): boolean {
  return caller?.platform === 'telegram' && caller.kind === 'dm';
}

function startReply(caller: Target | null, freshness: Freshness | null): StartReply {
  return {
    type: 'start',
    addressByMessage: addressByMessage(caller),
    freshness,
    actions: [...START_ACTIONS],
    attachments: [],
  };
}

export const start: CommandDefinition<StartCommand> = {
  help,
  changesSettings: false,
  // Anything after /start (a t.me/<bot>?start= payload) is not an argument.
  parse: () => ok({ name: 'start' }),
  run: (_command, frame, ctx) => startReply(ctx.caller, frame.freshness),
  offline: () => startReply(null, null),
  discord,
};
