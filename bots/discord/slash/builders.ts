/**
 * Options several slash commands share, for @discordjs/builders. Type imports only: the builders
 * are made by the definitions (registration), never in the Lambda that answers interactions.
 */
import type {
  SlashCommandBuilder,
  SlashCommandStringOption,
  SlashCommandSubcommandBuilder,
} from '@discordjs/builders';
import { MAX_REFERENDUM_ID } from '../../../core/commands/limits.js';
import { trackDisplayName } from '../../../core/opengov/tracks.js';
import { MAX_PARA_ID } from '../../../core/subscriptions/limits.js';
import { OPTION, OPTION_MAX_LENGTH, SUBCOMMAND, TRACK_CHOICES } from './names.js';

const TRACKS = TRACK_CHOICES.map((t) => ({ name: `${trackDisplayName(t.name)} (${t.id})`, value: t.name }));

export const addressOption = (o: SlashCommandStringOption, description: string) =>
  o
    .setName(OPTION.address)
    .setDescription(description)
    .setRequired(true)
    .setMinLength(1)
    .setMaxLength(OPTION_MAX_LENGTH.address)
    .setAutocomplete(true);

export const trackOption = (o: SlashCommandStringOption, description: string) =>
  o
    .setName(OPTION.track)
    .setDescription(description)
    .addChoices(...TRACKS);

/** The seven subscription kinds, as subcommands of /subscribe and /alerts. */
export function kindSubcommands(builder: SlashCommandBuilder, where: string): void {
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
    )
    .addSubcommand((s) =>
      s
        .setName(SUBCOMMAND.cards)
        .setDescription(`One live card per ongoing referendum, edited as it moves, ${where}`)
        .addStringOption((o) => trackOption(o, 'Only this track (all tracks when left out)')),
    )
    .addSubcommand((s) =>
      s
        .setName(SUBCOMMAND.treasury)
        .setDescription(`Treasury spends and bounties: approved, claimable, expiring, awarded, ${where}`)
        .addStringOption((o) =>
          o
            .setName(OPTION.asset)
            .setDescription('Only this asset, e.g. KSM, USDT or USDC (every asset when left out)')
            .setMaxLength(OPTION_MAX_LENGTH.asset),
        )
        .addStringOption((o) =>
          o
            .setName(OPTION.minimum)
            .setDescription('Only from this amount, in whole units of the asset (in KSM value without one)')
            .setMaxLength(OPTION_MAX_LENGTH.minimum),
        ),
    )
    .addSubcommand((s) =>
      s
        .setName(SUBCOMMAND.coretime)
        .setDescription(`The coretime sale: each new sale, and the price reaching a level, ${where}`)
        .addStringOption((o) =>
          o
            .setName(OPTION.below)
            .setDescription('Also when the price falls to or below this many KSM a core, e.g. 5')
            .setMaxLength(OPTION_MAX_LENGTH.below),
        ),
    )
    .addSubcommand((s) =>
      s
        .setName(SUBCOMMAND.para)
        .setDescription(`One para: renewals due, lifecycle changes, a stalled head, ${where}`)
        .addIntegerOption((o) =>
          o
            .setName(OPTION.para)
            .setDescription('Para id, e.g. 2000 (/parachains lists them)')
            .setRequired(true)
            .setMinValue(0)
            .setMaxValue(MAX_PARA_ID),
        )
        .addStringOption((o) =>
          o
            .setName(OPTION.stall)
            .setDescription('Alert when its head has not advanced this long, e.g. 30m or 2h (default 1h)')
            .setMaxLength(OPTION_MAX_LENGTH.stall),
        ),
    );
}

export function whichOption(o: SlashCommandStringOption): SlashCommandStringOption {
  return o
    .setName(OPTION.which)
    .setDescription('Subscription id from /subscriptions, a kind (referenda, deadlines, address) or all')
    .setRequired(true)
    .setMinLength(1)
    .setMaxLength(OPTION_MAX_LENGTH.which)
    .setAutocomplete(true);
}

export function kindsOption(o: SlashCommandStringOption, description: string): SlashCommandStringOption {
  return o
    .setName(OPTION.kinds)
    .setDescription(description)
    .setRequired(true)
    .setMinLength(1)
    .setMaxLength(OPTION_MAX_LENGTH.kinds)
    .setAutocomplete(true);
}

/** Which subscription's own settings (its id); left out, the whole channel's. */
export function subscriptionOption(o: SlashCommandStringOption, required: boolean): SlashCommandStringOption {
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
