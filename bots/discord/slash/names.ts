import { KUSAMA_TRACK_NAMES } from '../../../core/kusama/track-names.js';
/**
 * Names of the slash commands' options and subcommands, shared by the definitions (registration)
 * and the interaction handler, so neither can drift from the other. No builder code here: the
 * Lambda that answers interactions imports this, not @discordjs/builders.
 */

/** Slash names the autocomplete tells apart; each command's folder declares its own names. */
export const SLASH = {
  unmute: 'unmute',
  /** Subscriptions for the caller's own DMs, open to everyone in any server. */
  alerts: 'alerts',
} as const;

export const OPTION = {
  address: 'address',
  track: 'track',
  status: 'status',
  page: 'page',
  id: 'id',
  referendum: 'referendum',
  lead: 'lead',
  which: 'which',
  command: 'command',
  hours: 'hours',
  from: 'from',
  to: 'to',
  utc: 'utc',
  all: 'all',
  kinds: 'kinds',
  /** /subscribe treasury: an asset symbol and a minimum amount. */
  asset: 'asset',
  minimum: 'minimum',
  /** /subscribe coretime: a price level in KSM; /subscribe para: the para id and its stall time. */
  below: 'below',
  para: 'para',
  stall: 'stall',
  /** /quiet, /mute and /unmute: one subscription (its id) instead of the whole channel. */
  subscription: 'subscription',
} as const;

/** Subcommands of /subscribe and /alerts (the subscription kinds), /alerts' own, and /quiet's. */
export const SUBCOMMAND = {
  referenda: 'referenda',
  deadlines: 'deadlines',
  address: 'address',
  cards: 'cards',
  treasury: 'treasury',
  coretime: 'coretime',
  para: 'para',
  remove: 'remove',
  list: 'list',
  set: 'set',
  off: 'off',
  show: 'show',
  default: 'default',
} as const;

/** Longest text a string option accepts; the command parser enforces its own limit on the whole line. */
export const OPTION_MAX_LENGTH = {
  address: 70,
  track: 40,
  lead: 40,
  which: 80,
  time: 10,
  utc: 12,
  kinds: 200,
  subscription: 20,
  asset: 12,
  minimum: 40,
  below: 40,
  stall: 10,
} as const;

/** Kusama's referenda tracks offered as choices (core/kusama/track-names.ts); the snapshot's tracks decide. */
export const TRACK_CHOICES = KUSAMA_TRACK_NAMES;
