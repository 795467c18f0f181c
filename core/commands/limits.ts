/** The numbers that bound what a user may type and store. Every check in core/commands reads them from here. */

/** Longest command line accepted, in characters (after Unicode normalisation). */
export const MAX_INPUT_CHARS = 512;
/** Most whitespace-separated words after the command name. */
export const MAX_ARGUMENTS = 12;
/** Rows per page of `/referenda`. */
export const REFERENDA_PAGE_SIZE = 10;
/** Highest page number `/referenda` accepts (the list is never longer than this many pages). */
export const MAX_PAGE = 1_000;
/** Referendum ids are u32 on chain. */
export const MAX_REFERENDUM_ID = 0xffff_ffff;

/** Subscriptions one chat, channel or DM may hold, all kinds together. */
export const MAX_SUBSCRIPTIONS_PER_TARGET = 25;
/** Of those, at most this many may watch an address. */
export const MAX_ADDRESS_SUBSCRIPTIONS_PER_TARGET = 20;

/** Deadline alerts: default lead times, and the bounds of a configured list. */
export const DEFAULT_DEADLINE_LEAD_MINUTES: readonly number[] = [24 * 60, 60];
export const MIN_LEAD_MINUTES = 10;
export const MAX_LEAD_MINUTES = 14 * 24 * 60;
export const MAX_LEAD_TIMES = 4;

/** `/missed`: how far back it looks by default and at most, and how many alerts it shows. */
export const DEFAULT_MISSED_HOURS = 24;
export const MAX_MISSED_HOURS = 7 * 24;
export const MISSED_ALERTS_SHOWN = 20;
/** Quiet hours: the farthest UTC offset of any time zone (UTC+14 and UTC-12, taken as ±14 h). */
export const MAX_UTC_OFFSET_MINUTES = 14 * 60;
