/** /delegate on Discord: one address, autocompleted. */
import { addressOption, type DiscordCommand, OPTION, plainRequest } from '../../discord/slash/index.js';

export const discord: DiscordCommand = {
  names: ['delegate'],
  definitions: (base) => [
    base(
      'delegate',
      'A delegate: its delegators per track and how it votes on ongoing referenda',
    ).addStringOption((o) => addressOption(o, 'Kusama address (any SS58 prefix)')),
  ],
  request: plainRequest('delegate', OPTION.address),
};
