/** `/era`: the active era, its progress, and network staking figures. */
import type { CommandSpec } from '../../../core/commands/command-spec.js';
import { ok } from '../../../core/commands/errors.js';
import { noArguments } from '../../../core/commands/tokens.js';
import { plainRequest } from '../../discord/slash/index.js';
import type { CommandDefinition } from '../command.js';
import { eraCommand } from './handler.js';

const help: CommandSpec = {
  name: 'era',
  aliases: [],
  usage: '/era',
  summary: 'The active era, its progress, and network staking figures.',
  examples: ['/era'],
};

export const era: CommandDefinition<{ name: 'era' }> = {
  help,
  changesSettings: false,
  parse: (args) => noArguments(help, args) ?? ok({ name: 'era' }),
  run: (_command, frame, ctx) => eraCommand(frame, ctx),
  discord: {
    names: ['era'],
    definitions: (base) => [base('era', 'The active era, its progress and network staking figures')],
    request: plainRequest('era'),
  },
};
