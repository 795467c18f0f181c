/** `/bounties [status]`: bounties of both pallets by status. */
import { type DiscordCommand, OPTION, plainRequest } from '../../discord/slash/index.js';
import type { CommandDefinition } from '../command.js';
import { type BountiesCommand, bountiesLine, help, parse } from './grammar.js';
import { bountiesCommand } from './handler.js';

const CHOICES = ['proposed', 'funded', 'curator', 'active', 'payout', 'all'];

const discord: DiscordCommand = {
  names: ['bounties'],
  definitions: (base) => [
    base('bounties', 'Bounties with value, curator and status').addStringOption((o) =>
      o
        .setName(OPTION.status)
        .setDescription('Which bounties (the live ones by default)')
        .addChoices(...CHOICES.map((s) => ({ name: s, value: s }))),
    ),
  ],
  request: plainRequest('bounties', OPTION.status),
};

export const bounties: CommandDefinition<BountiesCommand> = {
  help,
  changesSettings: false,
  parse,
  line: bountiesLine,
  run: bountiesCommand,
  discord,
};
