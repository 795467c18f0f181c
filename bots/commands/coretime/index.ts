/** `/coretime`: the bulk sale, the next renewal deadlines and the on-demand price. */
import type { CommandSpec } from '../../../core/commands/command-spec.js';
import { ok } from '../../../core/commands/errors.js';
import { noArguments } from '../../../core/commands/tokens.js';
import { plainRequest } from '../../discord/slash/index.js';
import type { CommandDefinition } from '../command.js';
import { coretimeCommand } from './handler.js';

const help: CommandSpec = {
  name: 'coretime',
  aliases: [],
  usage: '/coretime',
  summary:
    "The coretime sale's phase, the price now and where it is heading, cores available, the next renewal deadlines and the on-demand spot price.",
  examples: ['/coretime'],
};

export const coretime: CommandDefinition<{ name: 'coretime' }> = {
  help,
  changesSettings: false,
  parse: (args) => noArguments(help, args) ?? ok({ name: 'coretime' }),
  run: (_command, frame, ctx) => coretimeCommand(frame, ctx),
  discord: {
    names: ['coretime'],
    definitions: (base) => [
      base('coretime', 'The coretime sale, its price, renewal deadlines and the on-demand price'),
    ],
    request: plainRequest('coretime'),
  },
};
