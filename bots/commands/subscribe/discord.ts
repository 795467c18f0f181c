/** /subscribe on Discord: one subcommand per subscription kind (shared with /alerts). */
import { PermissionFlagsBits } from 'discord-api-types/v10';
import {
  type DiscordCommand,
  kindSubcommands,
  line,
  OPTION,
  type OptionValue,
  optionText,
  SUBCOMMAND,
  words,
} from '../../discord/slash/index.js';

/** A kind subcommand of /subscribe or /alerts and its options → the words after the command word. */
export function subscribeWords(kind: string | null, options: OptionValue[]): string[] {
  switch (kind) {
    case SUBCOMMAND.referenda:
      return ['referenda', ...words(options, OPTION.track)];
    case SUBCOMMAND.deadlines: {
      const id = optionText(options.find((o) => o.name === OPTION.referendum)?.value);
      return [
        'deadlines',
        ...words(options, OPTION.track),
        ...(id ? [`#${id}`] : []),
        ...words(options, OPTION.lead),
      ];
    }
    case SUBCOMMAND.address:
      return ['address', ...words(options, OPTION.address)];
    case SUBCOMMAND.cards:
      return ['cards', ...words(options, OPTION.track)];
    case SUBCOMMAND.treasury:
      return ['treasury', ...words(options, OPTION.asset), ...words(options, OPTION.minimum)];
    case SUBCOMMAND.coretime: {
      const level = words(options, OPTION.below);
      return ['coretime', ...(level.length > 0 ? ['below', ...level] : [])];
    }
    case SUBCOMMAND.para: {
      const stall = words(options, OPTION.stall);
      return ['para', ...words(options, OPTION.para), ...(stall.length > 0 ? ['stall', ...stall] : [])];
    }
    default:
      return kind ? [kind] : [];
  }
}

export const discord: DiscordCommand = {
  names: ['subscribe'],
  definitions: (base) => {
    const subscribe = base(
      'subscribe',
      'Alerts in this channel (or in this DM with the bot)',
    ).setDefaultMemberPermissions(PermissionFlagsBits.ManageChannels);
    kindSubcommands(subscribe, 'in this channel');
    return [subscribe];
  },
  request: ({ subcommand, options }) => ({
    line: line('subscribe', ...subscribeWords(subcommand, options)),
    scope: 'here',
  }),
};
