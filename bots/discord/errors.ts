/** Errors of the Discord adapter. Bad user input never becomes one of these: it gets an answer. */

/** The bot is misconfigured (a missing or malformed key, id or token); raised at start-up, not per request. */
export class DiscordConfigError extends Error {
  override readonly name = 'DiscordConfigError';
}

/** A follow-up job on the queue is not one this code wrote (or was cut short). */
export class FollowupJobError extends Error {
  override readonly name = 'FollowupJobError';
}
