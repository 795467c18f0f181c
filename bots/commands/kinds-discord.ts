/** What /mute and /unmute share on Discord: the kinds (autocompleted), optionally for one subscription. */
import { PermissionFlagsBits } from 'discord-api-types/v10';
import {
  type DiscordCommand,
  forWords,
  kindsOption,
  line,
  OPTION,
  subscriptionOption,
  words,
} from '../discord/slash/index.js';

export function kindsCommand(
  name: 'mute' | 'unmute',
  description: string,
  kindsHint: string,
): DiscordCommand {
  return {
    names: [name],
    definitions: (base) => [
      base(name, description)
        .setDefaultMemberPermissions(PermissionFlagsBits.ManageChannels)
        .addStringOption((o) => kindsOption(o, kindsHint))
        .addStringOption((o) => subscriptionOption(o, false)),
    ],
    request: ({ options }) => ({
      line: line(name, ...words(options, OPTION.kinds), ...forWords(options)),
      scope: 'here',
    }),
  };
}
