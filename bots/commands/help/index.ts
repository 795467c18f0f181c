/**
 * `/help [command]`: every command, or one in detail with its examples; `/help apy` explains the
 * return (APR) figures. Answers even without a snapshot.
 */
import type { CommandName, CommandSpec } from '../../../core/commands/command-spec.js';
import { ok } from '../../../core/commands/errors.js';
import { exactlyOne, unknownCommand } from '../../../core/commands/tokens.js';
import { helpReply } from '../../../core/reply/builders.js';
import { type DiscordCommand, OPTION, plainRequest } from '../../discord/slash/index.js';
import type { CommandDefinition } from '../command.js';
import { viewContextOf } from '../frame.js';
import { APY_TOPIC_WORDS, apyTopic } from './apy-topic.js';

interface HelpCommand {
  name: 'help';
  topic: CommandName | null;
}

const help: CommandSpec = {
  name: 'help',
  aliases: [],
  usage: '/help [command|apy]',
  summary: 'This list, or one command in detail with examples; /help apy: how the return (APR) is estimated.',
  examples: ['/help', '/help referenda', '/help apy'],
};

const discord: DiscordCommand = {
  names: ['help'],
  // Discord allows at most 25 choices and the command set has more commands than that, so the
  // topic is typed; the parser names the closest command when it is mistyped.
  definitions: (base) => [
    base('help', 'What every command does').addStringOption((o) =>
      o
        .setName(OPTION.command)
        .setDescription('One command in detail (e.g. referenda, coretime, apy)')
        .setMaxLength(32),
    ),
  ],
  request: plainRequest('help', OPTION.command),
};

export const helpCommand: CommandDefinition<HelpCommand> = {
  help,
  changesSettings: false,
  parse: (args, set) => {
    if (args.length === 0) return ok({ name: 'help', topic: null });
    const topic = exactlyOne(help, args, 'one command name');
    if (!topic.ok) return topic;
    const word = topic.value.replace(/^\//, '').toLowerCase();
    if (APY_TOPIC_WORDS.includes(word)) return ok({ name: 'help', topic: 'apy' });
    const found = set.find(word);
    if (!found) return unknownCommand(set.specs, topic.value);
    return ok({ name: 'help', topic: found.name });
  },
  line: (command) => (command.topic === null ? '/help' : `/help ${command.topic}`),
  run: async (command, frame, ctx, set) => {
    if (command.topic !== 'apy') return helpReply(topicOf(command, set), set.specs, frame.freshness);
    return helpReply(apyTopic(await viewContextOf(ctx, frame)), set.specs, frame.freshness);
  },
  offline: (command, set) =>
    helpReply(command.topic === 'apy' ? apyTopic(null) : topicOf(command, set), set.specs, null),
  discord,
};

function topicOf(command: HelpCommand, set: { find(word: string): CommandSpec | undefined }) {
  return command.topic === null ? null : (set.find(command.topic) ?? null);
}
