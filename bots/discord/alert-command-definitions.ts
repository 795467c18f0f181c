/**
 * The slash commands about a channel's alerts beyond its subscriptions: /missed, /quiet, /mute and
 * /unmute. Changing settings needs Manage Channels; /missed is open. Only command-definitions.ts
 * imports this file (the Lambda that answers interactions never loads @discordjs/builders).
 */
import type { SlashCommandBuilder, SlashCommandStringOption } from '@discordjs/builders';
import {
  PermissionFlagsBits,
  type RESTPostAPIChatInputApplicationCommandsJSONBody,
} from 'discord-api-types/v10';
import { DEFAULT_MISSED_HOURS, MAX_MISSED_HOURS } from '../../core/commands/limits.js';
import { OPTION, OPTION_MAX_LENGTH, SLASH, SUBCOMMAND } from './slash-names.js';

function kindsOption(o: SlashCommandStringOption, description: string): SlashCommandStringOption {
  return o
    .setName(OPTION.kinds)
    .setDescription(description)
    .setRequired(true)
    .setMinLength(1)
    .setMaxLength(OPTION_MAX_LENGTH.kinds)
    .setAutocomplete(true);
}

/** Which subscription's own settings (its id); left out, the whole channel's. */
function subscriptionOption(o: SlashCommandStringOption, required: boolean): SlashCommandStringOption {
  return o
    .setName(OPTION.subscription)
    .setDescription(
      required
        ? 'Subscription id from /subscriptions'
        : 'Only this subscription (id from /subscriptions); the whole channel when left out',
    )
    .setRequired(required)
    .setMinLength(1)
    .setMaxLength(OPTION_MAX_LENGTH.subscription)
    .setAutocomplete(true);
}

/**
 * /missed, /quiet, /mute and /unmute: the alerts of the channel (or DM) they are used in; the
 * settings commands take an optional subscription to change only its own settings.
 */
export function alertSettingsCommands(
  base: (name: string, description: string) => SlashCommandBuilder,
): Array<{ toJSON(): RESTPostAPIChatInputApplicationCommandsJSONBody }> {
  const missed = base(
    SLASH.missed,
    "This channel's recent alerts again, with what became of each",
  ).addIntegerOption((o) =>
    o
      .setName(OPTION.hours)
      .setDescription(
        `How far back, in hours (${DEFAULT_MISSED_HOURS} by default, at most ${MAX_MISSED_HOURS})`,
      )
      .setMinValue(1)
      .setMaxValue(MAX_MISSED_HOURS),
  );
  const time = (o: SlashCommandStringOption, name: string, description: string) =>
    o.setName(name).setDescription(description).setRequired(true).setMaxLength(OPTION_MAX_LENGTH.time);
  const quiet = base(SLASH.quiet, 'Quiet hours for this channel (or this DM): alerts wait until they end')
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
            .setDescription('Your UTC offset, e.g. +2 or -5:30 (UTC when left out)')
            .setMaxLength(OPTION_MAX_LENGTH.utc),
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
  const mute = base(SLASH.mute, 'Stop kinds of alert in this channel (or this DM)')
    .setDefaultMemberPermissions(PermissionFlagsBits.ManageChannels)
    .addStringOption((o) =>
      kindsOption(o, 'e.g. staking, deadlines or era-paid; several separated by spaces'),
    )
    .addStringOption((o) => subscriptionOption(o, false));
  const unmute = base(SLASH.unmute, 'Let muted kinds of alert through again')
    .setDefaultMemberPermissions(PermissionFlagsBits.ManageChannels)
    .addStringOption((o) => kindsOption(o, 'The kinds to let through again, or all'))
    .addStringOption((o) => subscriptionOption(o, false));
  return [missed, quiet, mute, unmute];
}
