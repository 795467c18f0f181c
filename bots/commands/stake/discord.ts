/** /stake on Discord: one address, autocompleted. */
import { addressOption, type DiscordCommand, OPTION, plainRequest } from '../../discord/slash/index.js';

export const discord: DiscordCommand = {
  names: ['stake'],
  definitions: (base) => [
    base(
      'stake',
      'Bond, nominations, pool, unbonding, unclaimed rewards and return (APR) of an account',
    ).addStringOption((o) => addressOption(o, 'Kusama address (any SS58 prefix)')),
  ],
  request: plainRequest('stake', OPTION.address),
};
