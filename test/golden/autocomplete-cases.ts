/** Discord autocomplete: a guild channel and the caller's DMs with a few subscriptions, then what each option offers. */
import type { Target } from './surfaces.js';

const USER = '310000000000000009';
const CHANNEL = '320000000000000009';
const GUILD = '330000000000000009';

const channel: Target = { platform: 'discord', kind: 'channel', id: CHANNEL, createdBy: USER };
const dm: Target = { platform: 'discord', kind: 'dm', id: USER, createdBy: USER };

/** The interaction the choices are asked from: a member of the guild in its channel. */
export const AUTOCOMPLETE_CALLER: Record<string, unknown> = {
  guild_id: GUILD,
  channel: { id: CHANNEL },
  member: { user: { id: USER }, permissions: String(1n << 4n) },
};

const WATCHED = 'EXd2LJyKL1ofGsaJnx1vHvUY5cxt2repy842WxrHqdE7WVd';
const WATCHED_IN_DM = 'DCunQ3YsyPoWKKFeRWFQ5WLGVjFajApDu63dUhQjSAVF67a';

export const AUTOCOMPLETE_SETUP: ReadonlyArray<{ line: string; caller: Target }> = [
  { line: '/subscribe referenda treasurer', caller: channel },
  { line: `/subscribe address ${WATCHED}`, caller: channel },
  { line: '/subscribe deadlines 24h,1h', caller: channel },
  { line: `/subscribe address ${WATCHED_IN_DM}`, caller: dm },
  { line: `/subscribe address ${WATCHED}`, caller: dm },
];

const focused = (name: string, type: number, value: unknown) => ({ name, type, value, focused: true });
const sub = (name: string, options: unknown[]) => ({ name, type: 1, options });

export const AUTOCOMPLETE_CASES: ReadonlyArray<{ name: string; data: Record<string, unknown> }> = [
  { name: '/referendum id, nothing typed', data: { name: 'referendum', options: [focused('id', 4, '')] } },
  { name: '/referendum id, "3" typed', data: { name: 'referendum', options: [focused('id', 4, '3')] } },
  { name: '/referendum id, "2" typed', data: { name: 'referendum', options: [focused('id', 4, '2')] } },
  {
    name: '/referendum id, "spend" typed',
    data: { name: 'referendum', options: [focused('id', 4, 'spend')] },
  },
  {
    name: '/subscribe deadlines referendum, "#2" typed',
    data: { name: 'subscribe', options: [sub('deadlines', [focused('referendum', 4, '#2')])] },
  },
  { name: '/stake address, nothing typed', data: { name: 'stake', options: [focused('address', 3, '')] } },
  {
    name: '/validator address, "dc" typed',
    data: { name: 'validator', options: [focused('address', 3, 'dc')] },
  },
  {
    name: '/unsubscribe which, nothing typed',
    data: { name: 'unsubscribe', options: [focused('which', 3, '')] },
  },
  {
    name: '/alerts remove which, nothing typed',
    data: { name: 'alerts', options: [sub('remove', [focused('which', 3, '')])] },
  },
  {
    name: '/quiet set subscription, nothing typed',
    data: { name: 'quiet', options: [sub('set', [focused('subscription', 3, '')])] },
  },
  { name: '/mute kinds, nothing typed', data: { name: 'mute', options: [focused('kinds', 3, '')] } },
  { name: '/mute kinds, "st" typed', data: { name: 'mute', options: [focused('kinds', 3, 'st')] } },
  {
    name: '/mute kinds, "staking era-p" typed',
    data: { name: 'mute', options: [focused('kinds', 3, 'staking era-p')] },
  },
  { name: '/mute kinds, "slash" typed', data: { name: 'mute', options: [focused('kinds', 3, 'slash')] } },
  { name: '/unmute kinds, nothing typed', data: { name: 'unmute', options: [focused('kinds', 3, '')] } },
  { name: '/help command (no choices)', data: { name: 'help', options: [focused('command', 3, 'st')] } },
];
