/** /votes on Discord: one address, autocompleted. */
import { addressOption, type DiscordCommand, OPTION, plainRequest } from '../../discord/slash/index.js';

export const discord: DiscordCommand = {
  names: ['votes'],
  definitions: (base) => [
    base(
      'votes',
      'Conviction votes, delegations and voting locks of an account, and what can be unlocked now',
    ).addStringOption((o) => addressOption(o, 'Kusama address (any SS58 prefix)')),
  ],
  request: plainRequest('votes', OPTION.address),
};
