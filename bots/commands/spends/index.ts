/** `/spends [filter] [address]`: treasury spends by phase, optionally to one beneficiary. */
import { SPENDS_FILTERS } from '../../../core/reply/treasury-replies.js';
import { type DiscordCommand, OPTION, OPTION_MAX_LENGTH, plainRequest } from '../../discord/slash/index.js';
import type { CommandDefinition } from '../command.js';
import { help, parse, type SpendsCommand, spendsLine } from './grammar.js';
import { spendsCommand } from './handler.js';

const discord: DiscordCommand = {
  names: ['spends'],
  definitions: (base) => [
    base('spends', 'Treasury spends: pending, claimable, expiring within 7 days or failed')
      .addStringOption((o) =>
        o
          .setName(OPTION.status)
          .setDescription('Which spends (pending by default)')
          .addChoices(...SPENDS_FILTERS.map((s) => ({ name: s, value: s }))),
      )
      .addStringOption((o) =>
        o
          .setName(OPTION.address)
          .setDescription('Only spends to this beneficiary (any SS58 prefix)')
          .setMinLength(1)
          .setMaxLength(OPTION_MAX_LENGTH.address),
      ),
  ],
  request: plainRequest('spends', OPTION.status, OPTION.address),
};

export const spends: CommandDefinition<SpendsCommand> = {
  help,
  changesSettings: false,
  parse,
  line: spendsLine,
  run: spendsCommand,
  discord,
};
