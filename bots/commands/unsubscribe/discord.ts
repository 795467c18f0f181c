/** /unsubscribe on Discord: which subscription(s), autocompleted. */
import { PermissionFlagsBits } from 'discord-api-types/v10';
import { type DiscordCommand, OPTION, plainRequest, whichOption } from '../../discord/slash/index.js';

export const discord: DiscordCommand = {
  names: ['unsubscribe'],
  definitions: (base) => [
    base('unsubscribe', 'Stop alerts in this channel (or in this DM with the bot)')
      .setDefaultMemberPermissions(PermissionFlagsBits.ManageChannels)
      .addStringOption(whichOption),
  ],
  request: plainRequest('unsubscribe', OPTION.which),
};
