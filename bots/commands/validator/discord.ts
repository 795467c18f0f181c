/** /validator on Discord: one stash address, autocompleted. */
import { addressOption, type DiscordCommand, OPTION, plainRequest } from '../../discord/slash/index.js';

export const discord: DiscordCommand = {
  names: ['validator'],
  definitions: (base) => [
    base(
      'validator',
      'Commission, stake, nominators, era points and unclaimed eras of a validator',
    ).addStringOption((o) => addressOption(o, 'Validator stash address')),
  ],
  request: plainRequest('validator', OPTION.address),
};
