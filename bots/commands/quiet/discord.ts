/** /quiet on Discord: set, off, show and default subcommands, each optionally for one subscription. */
import type { SlashCommandStringOption } from '@discordjs/builders';
import { PermissionFlagsBits } from 'discord-api-types/v10';
import {
  type DiscordCommand,
  forWords,
  line,
  OPTION,
  OPTION_MAX_LENGTH,
  type SlashBase,
  type SlashInput,
  type SlashRequest,
  SUBCOMMAND,
  subscriptionOption,
  words,
} from '../../discord/slash/index.js';

/** IANA zone names run to about 32 characters (America/Argentina/ComodRivadavia). */
const ZONE_MAX_CHARS = 40;

/** "+2" → "UTC+2"; a bare number is taken as east of UTC; anything else goes to the parser as typed. */
function utcWord(value: string): string {
  const v = value.trim();
  if (/^[+-]/.test(v)) return `UTC${v}`;
  return /^[0-9]/.test(v) ? `UTC+${v}` : v;
}

function request({ subcommand, options }: SlashInput): SlashRequest {
  const scope = forWords(options);
  if (subcommand === SUBCOMMAND.off || subcommand === SUBCOMMAND.default)
    return { line: line('quiet', subcommand, ...scope), scope: 'here' };
  if (subcommand !== SUBCOMMAND.set) return { line: line('quiet', ...scope), scope: 'here' };
  const [from = '', to = ''] = [words(options, OPTION.from)[0], words(options, OPTION.to)[0]];
  const utc = words(options, OPTION.utc).map(utcWord);
  const all = options.find((o) => o.name === OPTION.all)?.value === true ? ['all'] : [];
  return { line: line('quiet', `${from.trim()}-${to.trim()}`, ...utc, ...all, ...scope), scope: 'here' };
}

function definition(base: SlashBase) {
  const time = (o: SlashCommandStringOption, name: string, description: string) =>
    o.setName(name).setDescription(description).setRequired(true).setMaxLength(OPTION_MAX_LENGTH.time);
  return base('quiet', 'Quiet hours for this channel (or this DM): alerts wait until they end')
    .setDefaultMemberPermissions(PermissionFlagsBits.ManageChannels)
    .addSubcommand((s) =>
      s
        .setName(SUBCOMMAND.set)
        .setDescription('Set the daily quiet hours')
        .addStringOption((o) => time(o, OPTION.from, 'Start, e.g. 22:00'))
        .addStringOption((o) => time(o, OPTION.to, 'End, e.g. 07:00'))
        .addStringOption((o) =>
          o
            .setName(OPTION.utc)
            .setDescription('Your time zone, e.g. Europe/Berlin, or UTC offset, e.g. +2 (UTC when left out)')
            .setMaxLength(ZONE_MAX_CHARS),
        )
        .addBooleanOption((o) =>
          o
            .setName(OPTION.all)
            .setDescription('Hold critical alerts too (by default they still come through)'),
        )
        .addStringOption((o) => subscriptionOption(o, false)),
    )
    .addSubcommand((s) =>
      s
        .setName(SUBCOMMAND.off)
        .setDescription('No quiet hours (for one subscription: none even when the channel has some)')
        .addStringOption((o) => subscriptionOption(o, false)),
    )
    .addSubcommand((s) =>
      s
        .setName(SUBCOMMAND.show)
        .setDescription('The quiet hours and muted alerts now')
        .addStringOption((o) => subscriptionOption(o, false)),
    )
    .addSubcommand((s) =>
      s
        .setName(SUBCOMMAND.default)
        .setDescription("Let a subscription follow the channel's quiet hours again")
        .addStringOption((o) => subscriptionOption(o, true)),
    );
}

export const discord: DiscordCommand = {
  names: ['quiet'],
  definitions: (base) => [definition(base)],
  request,
};
