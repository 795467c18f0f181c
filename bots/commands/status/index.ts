/** `/status`: which relay block the data is from, how old it is, and whether it is stale. */
import type { CommandSpec } from '../../../core/commands/command-spec.js';
import { ok } from '../../../core/commands/errors.js';
import { noArguments } from '../../../core/commands/tokens.js';
import { plainRequest } from '../../discord/slash/index.js';
import type { CommandDefinition } from '../command.js';
import { statusCommand } from './handler.js';

const help: CommandSpec = {
  name: 'status',
  aliases: [],
  usage: '/status',
  summary: 'Which relay block the data is from, how old it is, and whether it is stale.',
  examples: ['/status'],
};

export const status: CommandDefinition<{ name: 'status' }> = {
  help,
  changesSettings: false,
  parse: (args) => noArguments(help, args) ?? ok({ name: 'status' }),
  run: (_command, frame) => statusCommand(frame),
  discord: {
    names: ['status'],
    definitions: (base) => [
      base('status', 'Which relay block the data is from, how old it is, and whether it is stale'),
    ],
    request: plainRequest('status'),
  },
};
