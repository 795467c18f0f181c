/** `/subscriptions`: this chat's subscriptions and their ids, quiet hours and muted alerts. */
import type { CommandSpec } from '../../../core/commands/command-spec.js';
import { ok } from '../../../core/commands/errors.js';
import { noArguments } from '../../../core/commands/tokens.js';
import type { CommandDefinition } from '../command.js';
import { discord } from './discord.js';
import { subscriptionsCommand } from './handler.js';

const help: CommandSpec = {
  name: 'subscriptions',
  aliases: ['subs'],
  usage: '/subscriptions',
  summary:
    "This chat's subscriptions and their ids, its quiet hours and muted alerts, and each subscription's own.",
  examples: ['/subscriptions'],
};

export const subscriptions: CommandDefinition<{ name: 'subscriptions' }> = {
  help,
  changesSettings: false,
  parse: (args) => noArguments(help, args) ?? ok({ name: 'subscriptions' }),
  run: (_command, frame, ctx) => subscriptionsCommand(frame, ctx),
  discord,
};
