/**
 * The slash commands, built with @discordjs/builders: one per command of the shared command set,
 * plus /alerts for subscriptions in the caller's DMs. Changing a channel's alerts (subscribing,
 * quiet hours, muting) needs Manage Channels (default_member_permissions); /alerts, /missed and
 * /subscriptions are open to everyone. Only the registration script and its tests import this file.
 */
import {
  SlashCommandBuilder,
  type SlashCommandStringOption,
  type SlashCommandSubcommandBuilder,
} from '@discordjs/builders';
import {
  ApplicationIntegrationType,
  InteractionContextType,
  PermissionFlagsBits,
  type RESTPostAPIChatInputApplicationCommandsJSONBody,
} from 'discord-api-types/v10';
import { REFERENDA_STATUSES } from '../../core/commands/command-types.js';
import { COMMANDS } from '../../core/commands/grammar.js';
import { MAX_PAGE, MAX_REFERENDUM_ID } from '../../core/commands/limits.js';
import { trackDisplayName } from '../../core/opengov/tracks.js';
import { alertSettingsCommands } from './alert-command-definitions.js';
import { OPTION, OPTION_MAX_LENGTH, SLASH, SUBCOMMAND, TRACK_CHOICES } from './slash-names.js';

const TRACKS = TRACK_CHOICES.map((t) => ({ name: `${trackDisplayName(t.name)} (${t.id})`, value: t.name }));

function base(name: string, description: string): SlashCommandBuilder {
  return new SlashCommandBuilder()
    .setName(name)
    .setDescription(description)
    .setContexts(InteractionContextType.Guild, InteractionContextType.BotDM)
    .setIntegrationTypes(ApplicationIntegrationType.GuildInstall);
}

const addressOption = (o: SlashCommandStringOption, description: string) =>
  o
    .setName(OPTION.address)
    .setDescription(description)
    .setRequired(true)
    .setMinLength(1)
    .setMaxLength(OPTION_MAX_LENGTH.address)
    .setAutocomplete(true);

const trackOption = (o: SlashCommandStringOption, description: string) =>
  o
    .setName(OPTION.track)
    .setDescription(description)
    .addChoices(...TRACKS);

/** The three subscription kinds, as subcommands of /subscribe and /alerts. */
function kindSubcommands(builder: SlashCommandBuilder, where: string): void {
  builder
    .addSubcommand((s: SlashCommandSubcommandBuilder) =>
      s
        .setName(SUBCOMMAND.referenda)
        .setDescription(`New referenda and every phase change, ${where}`)
        .addStringOption((o) => trackOption(o, 'Only this track (all tracks when left out)')),
    )
    .addSubcommand((s) =>
      s
        .setName(SUBCOMMAND.deadlines)
        .setDescription(`Decision and confirm ends ahead of time, ${where}`)
        .addStringOption((o) => trackOption(o, 'Only this track'))
        .addIntegerOption((o) =>
          o
            .setName(OPTION.referendum)
            .setDescription('Only this referendum')
            .setMinValue(0)
            .setMaxValue(MAX_REFERENDUM_ID)
            .setAutocomplete(true),
        )
        .addStringOption((o) =>
          o
            .setName(OPTION.lead)
            .setDescription('Lead times, e.g. 24h,1h (default) or 2d,6h')
            .setMaxLength(OPTION_MAX_LENGTH.lead),
        ),
    )
    .addSubcommand((s) =>
      s
        .setName(SUBCOMMAND.address)
        .setDescription(`Staking and governance events of an address, ${where}`)
        .addStringOption((o) => addressOption(o, 'Kusama address (any SS58 prefix)')),
    );
}

function whichOption(o: SlashCommandStringOption): SlashCommandStringOption {
  return o
    .setName(OPTION.which)
    .setDescription('Subscription id from /subscriptions, a kind (referenda, deadlines, address) or all')
    .setRequired(true)
    .setMinLength(1)
    .setMaxLength(OPTION_MAX_LENGTH.which)
    .setAutocomplete(true);
}

function buildAll(): Array<{ toJSON(): RESTPostAPIChatInputApplicationCommandsJSONBody }> {
  const stake = base(
    SLASH.stake,
    'Bond, nominations, pool, unbonding, unclaimed rewards and APY of an account',
  ).addStringOption((o) => addressOption(o, 'Kusama address (any SS58 prefix)'));
  const validator = base(
    SLASH.validator,
    'Commission, stake, nominators, era points and unclaimed eras of a validator',
  ).addStringOption((o) => addressOption(o, 'Validator stash address'));
  const era = base(SLASH.era, 'The active era, its progress and network staking figures');
  const referenda = base(SLASH.referenda, 'Referenda with phase, time left and whether they pass')
    .addStringOption((o) => trackOption(o, 'Only this track'))
    .addStringOption((o) =>
      o
        .setName(OPTION.status)
        .setDescription('Which referenda (ongoing by default)')
        .addChoices(...REFERENDA_STATUSES.map((s) => ({ name: s, value: s }))),
    )
    .addIntegerOption((o) =>
      o.setName(OPTION.page).setDescription('Page number').setMinValue(1).setMaxValue(MAX_PAGE),
    );
  const referendum = base(
    SLASH.referendum,
    'One referendum: phase, tally against the curves, deadlines and chart',
  ).addIntegerOption((o) =>
    o
      .setName(OPTION.id)
      .setDescription('Referendum number')
      .setRequired(true)
      .setMinValue(0)
      .setMaxValue(MAX_REFERENDUM_ID)
      .setAutocomplete(true),
  );
  const tracks = base(SLASH.tracks, 'Every OpenGov track with its periods, deposit and deciding slots');
  const subscribe = base(
    SLASH.subscribe,
    'Alerts in this channel (or in this DM with the bot)',
  ).setDefaultMemberPermissions(PermissionFlagsBits.ManageChannels);
  kindSubcommands(subscribe, 'in this channel');
  const unsubscribe = base(SLASH.unsubscribe, 'Stop alerts in this channel (or in this DM with the bot)')
    .setDefaultMemberPermissions(PermissionFlagsBits.ManageChannels)
    .addStringOption(whichOption);
  const subscriptions = base(SLASH.subscriptions, "This channel's subscriptions and their ids");
  const alerts = base(SLASH.alerts, 'Alerts in your own DMs, from any server');
  kindSubcommands(alerts, 'in your DMs');
  alerts
    .addSubcommand((s) =>
      s
        .setName(SUBCOMMAND.remove)
        .setDescription('Stop one of your DM alerts, a kind of them, or all')
        .addStringOption(whichOption),
    )
    .addSubcommand((s) => s.setName(SUBCOMMAND.list).setDescription('Your DM alerts and their ids'));
  const status = base(
    SLASH.status,
    'Which relay block the data is from, how old it is, and whether it is stale',
  );
  const help = base(SLASH.help, 'What every command does').addStringOption((o) =>
    o
      .setName(OPTION.command)
      .setDescription('One command in detail')
      .addChoices(...COMMANDS.map((c) => ({ name: c.name, value: c.name }))),
  );
  return [
    stake,
    validator,
    era,
    referenda,
    referendum,
    tracks,
    subscribe,
    unsubscribe,
    subscriptions,
    alerts,
    ...alertSettingsCommands(base),
    status,
    help,
  ];
}

/** The JSON body `PUT /applications/{id}/commands` takes. */
export function slashCommandDefinitions(): RESTPostAPIChatInputApplicationCommandsJSONBody[] {
  return buildAll().map((b) => b.toJSON());
}
