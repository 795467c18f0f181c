/** /mute on Discord: the kinds (autocompleted), optionally for one subscription. */
import { PermissionFlagsBits } from 'discord-api-types/v10';
import {
  type DiscordCommand,
  forWords,
  kindsOption,
  line,
  OPTION,
  subscriptionOption,
  words,
} from '../../discord/slash/index.js';

export const discord: DiscordCommand = {
  names: ['mute'],
  definitions: (base) => [
    base('mute', 'Stop kinds of alert in this channel (or this DM)')
      .setDefaultMemberPermissions(PermissionFlagsBits.ManageChannels)
      .addStringOption((o) =>
        kindsOption(o, 'e.g. staking, deadlines or era-paid; several separated by spaces'),
      )
      .addStringOption((o) => subscriptionOption(o, false)),
  ],
  request: ({ options }) => ({
    line: line('mute', ...words(options, OPTION.kinds), ...forWords(options)),
    scope: 'here',
  }),
};
