/**
 * The optional "for <id>" that ends `/quiet`, `/mute` and `/unmute`: the subscription (by the id
 * `/subscriptions` shows) whose own settings the command is about. Without it the command is about
 * the whole chat. Whether the id exists in the chat is for the command to check against the store.
 */

import { SUBSCRIPTION_ID_PATTERN } from '../subscriptions/subscription-model.js';
import { fail, ok, type Parsed, quote } from './errors.js';

export type SettingsCommandName = 'quiet' | 'mute' | 'unmute';

export interface ScopedArguments {
  /** The words before "for". */
  args: string[];
  /** The subscription id after it (lower case), or null for the whole chat. */
  subscription: string | null;
}

const EXAMPLE_ID = 'r1x9kq';

export const SCOPE_EXAMPLES: Record<SettingsCommandName, string> = {
  quiet: `/quiet 22:00-07:00 UTC+2 for ${EXAMPLE_ID}`,
  mute: `/mute staking for ${EXAMPLE_ID}`,
  unmute: `/unmute all for ${EXAMPLE_ID}`,
};

export function splitSubscriptionScope(
  args: readonly string[],
  command: SettingsCommandName,
): Parsed<ScopedArguments> {
  const at = args.findIndex((a) => a.toLowerCase() === 'for');
  if (at < 0) return ok({ args: [...args], subscription: null });
  const hint = `${SCOPE_EXAMPLES[command]} (the ids are in /subscriptions)`;
  const after = args.slice(at + 1);
  const id = after[0];
  if (id === undefined)
    return fail(
      'missing-argument',
      '"for" needs the id of one of this chat\'s subscriptions after it.',
      hint,
    );
  if (after.length > 1)
    return fail(
      'extra-argument',
      `Give one subscription id after "for"; ${quote(after.slice(1).join(' '))} is extra.`,
      hint,
      after.slice(1).join(' '),
    );
  if (id.toLowerCase() === 'all')
    return fail(
      'unknown-subscription',
      `Leave out "for all": without "for <id>", /${command} is about the whole chat.`,
      `/${command} ${args.slice(0, at).join(' ')}`.trim(),
      id,
    );
  if (!SUBSCRIPTION_ID_PATTERN.test(id.toLowerCase()))
    return fail(
      'unknown-subscription',
      `${quote(id)} is not a subscription id: ids look like ${EXAMPLE_ID}, as /subscriptions lists them.`,
      hint,
      id,
    );
  return ok({ args: args.slice(0, at), subscription: id.toLowerCase() });
}
