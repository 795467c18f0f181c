/** The bot's own words (not command answers): refusals and apologies, as Telegram HTML. */
import { bold } from './html.js';

export const NOT_ADMIN_HTML = `⚠️ ${bold('Only the admins of this group can change its alerts.')}\nAsk an admin, or talk to me in a private chat to set up your own. /subscriptions shows what this group receives.`;

export const NOT_ADMIN_TOAST = 'Only the admins of this group can change its alerts.';

export const ADMIN_CHECK_FAILED_HTML = `⚠️ ${bold('I could not check whether you are an admin of this group.')}\nPlease try again in a minute.`;

export const FAILED_HTML = `⚠️ ${bold('Something went wrong while answering.')}\nPlease try again in a minute; /status shows whether the data is up to date.`;

export const NOT_TEXT_HTML =
  'Send me a command, for example /referenda or /stake &lt;address&gt;. /help lists them all.';

export const OLD_BUTTON_TOAST = 'This button is too old; send the command again.';

/** A callback answer shows at most 200 characters. */
export function toast(text: string): string {
  return text.length <= 200 ? text : `${text.slice(0, 199)}…`;
}
