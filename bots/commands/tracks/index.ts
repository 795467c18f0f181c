/** `/tracks`: every OpenGov track with its periods, deposit and deciding slots. */
import type { CommandSpec } from '../../../core/commands/command-spec.js';
import { ok } from '../../../core/commands/errors.js';
import { noArguments } from '../../../core/commands/tokens.js';
import { plainRequest } from '../../discord/slash/index.js';
import type { CommandDefinition } from '../command.js';
import { tracksCommand } from './handler.js';

const help: CommandSpec = {
  name: 'tracks',
  aliases: [],
  usage: '/tracks',
  summary: 'Every OpenGov track with its periods, deposit and deciding slots.',
  examples: ['/tracks'],
};

export const tracks: CommandDefinition<{ name: 'tracks' }> = {
  help,
  changesSettings: false,
  parse: (args) => noArguments(help, args) ?? ok({ name: 'tracks' }),
  run: (_command, frame, ctx) => tracksCommand(frame, ctx),
  discord: {
    names: ['tracks'],
    definitions: (base) => [
      base('tracks', 'Every OpenGov track with its periods, deposit and deciding slots'),
    ],
    request: plainRequest('tracks'),
  },
};
