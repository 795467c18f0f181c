/**
 * Who sent an interaction and from where, read defensively from the payload: the user, the guild
 * channel or DM, and the permissions Discord computed for the member and for the bot there.
 * Changing a guild channel's alerts (subscriptions, quiet hours, muting) needs Manage Channels;
 * the caller's own DMs are open to everyone.
 */
import { PermissionFlagsBits } from 'discord-api-types/v10';
import type { CommandSpec } from '../../../core/commands/command-spec.js';
import { type CommandError, commandError } from '../../../core/commands/errors.js';
import { errorReply } from '../../../core/reply/builders.js';
import type { ErrorReply } from '../../../core/reply/reply-types.js';
import type { Target } from '../../../core/subscriptions/subscription-model.js';
import type { Scope } from '../slash/index.js';

export interface InteractionCaller {
  userId: string | null;
  guildId: string | null;
  channelId: string | null;
  /** A guild channel, the DM with the bot, or somewhere the bot cannot post (a group DM). */
  place: 'guild' | 'dm' | 'private';
  memberPermissions: bigint | null;
  appPermissions: bigint | null;
}

const SNOWFLAKE = /^[0-9]{1,20}$/;

function snowflake(value: unknown): string | null {
  return typeof value === 'string' && SNOWFLAKE.test(value) ? value : null;
}

function permissions(value: unknown): bigint | null {
  return typeof value === 'string' && /^[0-9]{1,30}$/.test(value) ? BigInt(value) : null;
}

type Loose = Record<string, unknown> | undefined;

export function callerOf(interaction: Record<string, unknown>): InteractionCaller {
  const member = interaction.member as Loose;
  const user = (member?.user ?? interaction.user) as Loose;
  const channel = interaction.channel as Loose;
  const guildId = snowflake(interaction.guild_id);
  const context = interaction.context;
  const place = guildId ? 'guild' : context === 2 ? 'private' : 'dm';
  return {
    userId: snowflake(user?.id),
    guildId,
    channelId: snowflake(channel?.id) ?? snowflake(interaction.channel_id),
    place,
    memberPermissions: permissions(member?.permissions),
    appPermissions: permissions(interaction.app_permissions),
  };
}

export function targetFor(caller: InteractionCaller, scope: Scope): Target | null {
  if (!caller.userId) return null;
  const dm: Target = { platform: 'discord', kind: 'dm', id: caller.userId, createdBy: caller.userId };
  if (scope === 'dm' || caller.place === 'dm') return dm;
  if (caller.place === 'guild' && caller.channelId)
    return { platform: 'discord', kind: 'channel', id: caller.channelId, createdBy: caller.userId };
  return null;
}

const has = (granted: bigint | null, flag: bigint) =>
  granted !== null && ((granted & PermissionFlagsBits.Administrator) !== 0n || (granted & flag) === flag);

const NEEDED_TO_POST: Array<[bigint, string]> = [
  [PermissionFlagsBits.ViewChannel, 'View Channel'],
  [PermissionFlagsBits.SendMessages, 'Send Messages'],
  [PermissionFlagsBits.EmbedLinks, 'Embed Links'],
];

const SUBSCRIPTION_COMMANDS = new Set(['subscribe', 'unsubscribe']);

/**
 * Why this caller may not change the alerts of `scope` (subscriptions or settings) with `command`,
 * as an error reply; null when it may. Subscribing also checks the bot can post alerts there.
 */
export function subscriptionPermissionProblem(
  caller: InteractionCaller,
  scope: Scope,
  command: CommandSpec,
): ErrorReply | null {
  const refused = (error: CommandError) => errorReply(error, command.name, null, command.usage);
  const subscribing = command.name === 'subscribe';
  if (!caller.userId) {
    return refused(commandError('no-target', 'Discord did not say who sent this command.', null));
  }
  if (scope === 'dm' || caller.place === 'dm') return null;
  if (caller.place === 'private') {
    return refused(
      commandError(
        'no-target',
        'Alerts cannot be delivered to a group DM.',
        '/alerts referenda sends them to your own DMs instead.',
      ),
    );
  }
  if (!has(caller.memberPermissions, PermissionFlagsBits.ManageChannels)) {
    return refused(
      commandError(
        'no-target',
        "Changing this channel's alerts needs the Manage Channels permission.",
        SUBSCRIPTION_COMMANDS.has(command.name)
          ? '/alerts referenda (or deadlines, address) sets up alerts in your own DMs instead.'
          : `Ask someone who manages this channel; in your DM with Herald, /${command.name} changes the alerts of your DMs.`,
      ),
    );
  }
  if (subscribing && caller.appPermissions !== null) {
    const missing = NEEDED_TO_POST.filter(([flag]) => !has(caller.appPermissions, flag)).map(
      ([, name]) => name,
    );
    if (missing.length > 0) {
      return refused(
        commandError(
          'no-target',
          `Herald cannot post alerts in this channel: it lacks ${missing.join(', ')}.`,
          'Give the bot those permissions in the channel settings, then subscribe again.',
        ),
      );
    }
  }
  return null;
}
