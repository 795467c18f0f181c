/** `/treasury`: holdings, the next spend period, open and expiring spends. */
import type { CommandSpec } from '../../../core/commands/command-spec.js';
import { ok } from '../../../core/commands/errors.js';
import { noArguments } from '../../../core/commands/tokens.js';
import { plainRequest } from '../../discord/slash/index.js';
import type { CommandDefinition } from '../command.js';
import { treasuryCommand } from './handler.js';

const help: CommandSpec = {
  name: 'treasury',
  aliases: [],
  usage: '/treasury',
  summary:
    'What the Kusama treasury holds, the next spend period with what it funds and burns, open spends per asset and those expiring within 7 days.',
  examples: ['/treasury'],
};

export const treasury: CommandDefinition<{ name: 'treasury' }> = {
  help,
  changesSettings: false,
  parse: (args) => noArguments(help, args) ?? ok({ name: 'treasury' }),
  run: (_command, frame, ctx) => treasuryCommand(frame, ctx),
  discord: {
    names: ['treasury'],
    definitions: (base) => [
      base('treasury', 'Treasury holdings, the next spend period, open and expiring spends'),
    ],
    request: plainRequest('treasury'),
  },
};
