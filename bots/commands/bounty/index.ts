/** `/bounty <id>`: one bounty, its child bounties and what can be claimed when. */
import { type DiscordCommand, OPTION, plainRequest } from '../../discord/slash/index.js';
import type { CommandDefinition } from '../command.js';
import { type BountyCommand, bountyLine, help, parse } from './grammar.js';
import { bountyCommand } from './handler.js';

const discord: DiscordCommand = {
  names: ['bounty'],
  definitions: (base) => [
    base(
      'bounty',
      'One bounty: value, curator, status, child bounties and what can be claimed when',
    ).addStringOption((o) =>
      o
        .setName(OPTION.id)
        .setDescription('Bounty number, or m and a number for a multi-asset bounty (m3)')
        .setRequired(true)
        .setMinLength(1)
        .setMaxLength(12),
    ),
  ],
  request: plainRequest('bounty', OPTION.id),
};

export const bounty: CommandDefinition<BountyCommand> = {
  help,
  changesSettings: false,
  parse,
  line: bountyLine,
  run: bountyCommand,
  discord,
};
