/** The numbers that bound what a chat may store: its subscriptions, their lead times, its quiet hours. */

/** Subscriptions one chat, channel or DM may hold, all kinds together. */
export const MAX_SUBSCRIPTIONS_PER_TARGET = 25;
/** Of those, at most this many may watch an address. */
export const MAX_ADDRESS_SUBSCRIPTIONS_PER_TARGET = 20;

/** Deadline alerts: default lead times, and the bounds of a configured list. */
export const DEFAULT_DEADLINE_LEAD_MINUTES: readonly number[] = [24 * 60, 60];
/** Treasury spend expiry and bounty update reminders: 7 days, 1 day and 1 hour ahead. */
export const DEFAULT_TREASURY_LEAD_MINUTES: readonly number[] = [7 * 24 * 60, 24 * 60, 60];
/** Coretime renewal reminders: 7 days, 1 day and 1 hour before the sale rotates. */
export const DEFAULT_RENEWAL_LEAD_MINUTES: readonly number[] = [7 * 24 * 60, 24 * 60, 60];
export const MIN_LEAD_MINUTES = 10;
export const MAX_LEAD_MINUTES = 14 * 24 * 60;
export const MAX_LEAD_TIMES = 4;

/** Quiet hours: the farthest UTC offset of any time zone (UTC+14 and UTC-12, taken as ±14 h). */
export const MAX_UTC_OFFSET_MINUTES = 14 * 60;

/** A para's stall alert: its head unchanged this long (default 1 h, from 10 min to 7 days). */
export const DEFAULT_STALL_MINUTES = 60;
export const MIN_STALL_MINUTES = 10;
export const MAX_STALL_MINUTES = 7 * 24 * 60;
/** Para ids are u32 on chain. */
export const MAX_PARA_ID = 0xffff_ffff;
