/** `/parachains`: live paras with names, onboarding and offboarding ones, cores in use and free. */
import type { CommandSpec } from '../../../core/commands/command-spec.js';
import { ok } from '../../../core/commands/errors.js';
import { noArguments } from '../../../core/commands/tokens.js';
import { plainRequest } from '../../discord/slash/index.js';
import type { CommandDefinition } from '../command.js';
import { parachainsCommand } from './handler.js';

const help: CommandSpec = {
  name: 'parachains',
  aliases: [],
  usage: '/parachains',
  summary:
    'The live Kusama parachains with their names and cores, those onboarding and offboarding, and the relay cores in use and free.',
  examples: ['/parachains'],
};

export const parachains: CommandDefinition<{ name: 'parachains' }> = {
  help,
  changesSettings: false,
  parse: (args) => noArguments(help, args) ?? ok({ name: 'parachains' }),
  run: (_command, frame, ctx) => parachainsCommand(frame, ctx),
  discord: {
    names: ['parachains'],
    definitions: (base) => [
      base('parachains', 'Live parachains, onboarding and offboarding ones, cores in use'),
    ],
    request: plainRequest('parachains'),
  },
};
