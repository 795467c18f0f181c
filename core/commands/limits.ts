/**
 * The numbers that bound what a user may type. What a chat may store (subscriptions, lead times,
 * quiet hours) is bounded in core/subscriptions/limits.ts.
 */

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

/** `/missed`: how far back it looks by default and at most, and how many alerts it shows. */
export const DEFAULT_MISSED_HOURS = 24;
export const MAX_MISSED_HOURS = 7 * 24;
export const MISSED_ALERTS_SHOWN = 20;
