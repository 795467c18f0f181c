/** /unmute on Discord: the kinds or all (autocompleted), optionally for one subscription. */
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
  names: ['unmute'],
  definitions: (base) => [
    base('unmute', 'Let muted kinds of alert through again')
      .setDefaultMemberPermissions(PermissionFlagsBits.ManageChannels)
      .addStringOption((o) => kindsOption(o, 'The kinds to let through again, or all'))
      .addStringOption((o) => subscriptionOption(o, false)),
  ],
  request: ({ options }) => ({
    line: line('unmute', ...words(options, OPTION.kinds), ...forWords(options)),
    scope: 'here',
  }),
};
