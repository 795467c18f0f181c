/**
 * /subscriptions on Discord, and /alerts: the caller's own DM subscriptions, open to everyone in
 * any server (subscribe with a kind subcommand, `remove` to unsubscribe, `list` to list them).
 */
import {
  type DiscordCommand,
  kindSubcommands,
  line,
  OPTION,
  plainRequest,
  type SlashInput,
  type SlashRequest,
  SUBCOMMAND,
  whichOption,
  words,
} from '../../discord/slash/index.js';
import { subscribeWords } from '../subscribe/discord.js';

function alertsRequest({ subcommand, options }: SlashInput): SlashRequest {
  if (subcommand === SUBCOMMAND.list) return { line: line('subscriptions'), scope: 'dm' };
  if (subcommand === SUBCOMMAND.remove)
    return { line: line('unsubscribe', ...words(options, OPTION.which)), scope: 'dm' };
  return { line: line('subscribe', ...subscribeWords(subcommand, options)), scope: 'dm' };
}

export const discord: DiscordCommand = {
  names: ['subscriptions', 'alerts'],
  definitions: (base) => {
    const subscriptions = base('subscriptions', "This channel's subscriptions and their ids");
    const alerts = base('alerts', 'Alerts in your own DMs, from any server');
    kindSubcommands(alerts, 'in your DMs');
    alerts
      .addSubcommand((s) =>
        s
          .setName(SUBCOMMAND.remove)
          .setDescription('Stop one of your DM alerts, a kind of them, or all')
          .addStringOption(whichOption),
      )
      .addSubcommand((s) => s.setName(SUBCOMMAND.list).setDescription('Your DM alerts and their ids'));
    return [subscriptions, alerts];
  },
  request: (input) => (input.name === 'alerts' ? alertsRequest(input) : plainRequest('subscriptions')(input)),
};
