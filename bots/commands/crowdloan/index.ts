/** `/crowdloan <address>`: what comes back to an account from the crowdloans, and how. */
import { addressOption, type DiscordCommand, OPTION, plainRequest } from '../../discord/slash/index.js';
import type { CommandDefinition } from '../command.js';
import { type CrowdloanCommand, help, parse } from './grammar.js';
import { crowdloanCommand } from './handler.js';

const discord: DiscordCommand = {
  names: ['crowdloan'],
  definitions: (base) => [
    base(
      'crowdloan',
      'Crowdloan contributions and deposits waiting on Asset Hub, and how to withdraw them',
    ).addStringOption((o) => addressOption(o, 'Kusama address (any SS58 prefix)')),
  ],
  request: plainRequest('crowdloan', OPTION.address),
};

export const crowdloan: CommandDefinition<CrowdloanCommand> = {
  help,
  changesSettings: false,
  parse,
  line: (command) => `/crowdloan ${command.account.address}`,
  run: crowdloanCommand,
  discord,
};
