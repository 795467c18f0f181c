/**
 * What the command registries decide besides the answers: which lines count as changing a chat
 * (the admin check), which command line each Discord slash interaction runs, and who Discord lets
 * change a channel's alerts.
 */

/** Lines for the admin check: every command word and alias, with and without arguments. */
export const CHAT_CHANGE_LINES: readonly string[] = [
  '/stake HNZata7iMYWmk5RvZRTiAsSDhV8366zq2YGb3tLH5Upf74F',
  '/validator HNZata7iMYWmk5RvZRTiAsSDhV8366zq2YGb3tLH5Upf74F',
  '/era',
  '/referenda',
  '/referendum 12',
  '/ref 12',
  '/tracks',
  '/subscribe referenda',
  '/subscribe',
  '/sub referenda',
  '/sub',
  '/subscribe weather',
  '/unsubscribe all',
  '/unsubscribe',
  '/unsub all',
  '/subscriptions',
  '/subs',
  '/missed',
  '/missed 48',
  '/quiet',
  '/quiet for r12345',
  '/quiet 22-7',
  '/quiet off',
  '/quiet default for r12345',
  '/quiet sometimes',
  '/mute staking',
  '/mute',
  '/mute weather',
  '/unmute all',
  '/unmute',
  '/status',
  '/help',
  '/help subscribe',
  '/start',
  '/SUBSCRIBE referenda',
  '/subscribe@HeraldBot referenda',
  '/stak',
  'subscribe referenda',
  '',
];

const opt = (name: string, type: number, value: unknown) => ({ name, type, value });
const sub = (name: string, options: unknown[] = []) => ({ name, type: 1, options });
const ADDRESS = 'HNZata7iMYWmk5RvZRTiAsSDhV8366zq2YGb3tLH5Upf74F';

/** Slash interaction data as Discord sends it (name and options), one or more per command. */
export const SLASH_INTERACTIONS: ReadonlyArray<Record<string, unknown>> = [
  { name: 'stake', options: [opt('address', 3, ADDRESS)] },
  { name: 'stake', options: [] },
  { name: 'validator', options: [opt('address', 3, ` ${ADDRESS} `)] },
  { name: 'era' },
  { name: 'referenda' },
  {
    name: 'referenda',
    options: [opt('track', 3, 'treasurer'), opt('status', 3, 'deciding'), opt('page', 4, 2)],
  },
  { name: 'referenda', options: [opt('page', 4, 3)] },
  { name: 'referenda', options: [opt('status', 3, 'approved')] },
  { name: 'referendum', options: [opt('id', 4, 412)] },
  { name: 'tracks' },
  { name: 'subscribe', options: [sub('referenda')] },
  { name: 'subscribe', options: [sub('referenda', [opt('track', 3, 'small_spender')])] },
  { name: 'subscribe', options: [sub('deadlines')] },
  {
    name: 'subscribe',
    options: [
      sub('deadlines', [opt('track', 3, 'root'), opt('referendum', 4, 412), opt('lead', 3, '24h,1h')]),
    ],
  },
  { name: 'subscribe', options: [sub('address', [opt('address', 3, ADDRESS)])] },
  { name: 'unsubscribe', options: [opt('which', 3, 'r1x9kq')] },
  { name: 'unsubscribe', options: [opt('which', 3, 'all')] },
  { name: 'subscriptions' },
  { name: 'alerts', options: [sub('referenda', [opt('track', 3, 'treasurer')])] },
  { name: 'alerts', options: [sub('deadlines', [opt('lead', 3, '2h')])] },
  { name: 'alerts', options: [sub('address', [opt('address', 3, ADDRESS)])] },
  { name: 'alerts', options: [sub('list')] },
  { name: 'alerts', options: [sub('remove', [opt('which', 3, 'all')])] },
  { name: 'missed' },
  { name: 'missed', options: [opt('hours', 4, 48)] },
  { name: 'quiet', options: [sub('show')] },
  { name: 'quiet', options: [sub('show', [opt('subscription', 3, 'r1x9kq')])] },
  {
    name: 'quiet',
    options: [
      sub('set', [opt('from', 3, '22:00'), opt('to', 3, '07:00'), opt('utc', 3, '+2'), opt('all', 5, true)]),
    ],
  },
  { name: 'quiet', options: [sub('set', [opt('from', 3, '23'), opt('to', 3, '7'), opt('utc', 3, '5:30')])] },
  {
    name: 'quiet',
    options: [sub('set', [opt('from', 3, '22:00'), opt('to', 3, '07:00'), opt('utc', 3, 'Europe/Berlin')])],
  },
  {
    name: 'quiet',
    options: [sub('set', [opt('from', 3, '21:00'), opt('to', 3, '08:00'), opt('subscription', 3, 'r1x9kq')])],
  },
  { name: 'quiet', options: [sub('off')] },
  { name: 'quiet', options: [sub('default', [opt('subscription', 3, 'r1x9kq')])] },
  { name: 'mute', options: [opt('kinds', 3, 'staking era-paid')] },
  { name: 'mute', options: [opt('kinds', 3, 'staking'), opt('subscription', 3, 'a3k9zq')] },
  { name: 'unmute', options: [opt('kinds', 3, 'all')] },
  { name: 'status' },
  { name: 'help' },
  { name: 'help', options: [opt('command', 3, 'referenda')] },
  { name: 'help', options: [opt('command', 3, 'apy')] },
  { name: 'weather', options: [opt('city', 3, 'Zug')] },
];

const USER = { id: '310000000000000001' };
const MANAGE_CHANNELS = String(1n << 4n);
const POST = String((1n << 10n) | (1n << 11n) | (1n << 14n));

/** Where a Discord user changes alerts from, and with which permissions. */
export const DISCORD_CALLERS: ReadonlyArray<{ name: string; interaction: Record<string, unknown> }> = [
  { name: 'no user', interaction: { guild_id: '330000000000000003', channel: { id: '320000000000000002' } } },
  { name: 'in the DM with the bot', interaction: { user: USER, context: 1 } },
  { name: 'in a group DM', interaction: { user: USER, context: 2 } },
  {
    name: 'guild member without Manage Channels',
    interaction: {
      guild_id: '330000000000000003',
      channel: { id: '320000000000000002' },
      member: { user: USER, permissions: '0' },
      app_permissions: POST,
    },
  },
  {
    name: 'guild member with Manage Channels, bot may post',
    interaction: {
      guild_id: '330000000000000003',
      channel: { id: '320000000000000002' },
      member: { user: USER, permissions: MANAGE_CHANNELS },
      app_permissions: POST,
    },
  },
  {
    name: 'guild member with Manage Channels, bot may not embed links',
    interaction: {
      guild_id: '330000000000000003',
      channel: { id: '320000000000000002' },
      member: { user: USER, permissions: MANAGE_CHANNELS },
      app_permissions: String(1n << 10n),
    },
  },
];

export const WRITING_COMMANDS = ['subscribe', 'unsubscribe', 'quiet', 'mute', 'unmute'] as const;
