/**
 * A subscription's own alert settings: the subscription that "for <id>" names, and the cleanup
 * that keeps an entry from outliving its subscription. `/unsubscribe` drops the entries of what it
 * removed; `/subscribe` drops a leftover one when it creates the subscription afresh (should that
 * cleanup have failed), so a new subscription starts from the chat's settings. A leftover entry is
 * harmless meanwhile: the fan-out and `/subscriptions` only read the entries of live subscriptions.
 */

import type { CommandName } from '../../core/commands/command-spec.js';
import { commandError, ok, type Parsed } from '../../core/commands/errors.js';
import type { DeliveryTarget } from '../../core/ports/notifier.js';
import { TARGET_DEFAULT_KEY } from '../../core/subscriptions/settings.js';
import { type Subscription, targetKey } from '../../core/subscriptions/subscription-model.js';
import type { CommandContext } from './context.js';

/** This chat's subscription with that id, or why there is none. */
export async function subscriptionById(
  ctx: CommandContext,
  target: DeliveryTarget,
  id: string,
  command: CommandName,
): Promise<Parsed<Subscription>> {
  if (!ctx.subscriptions)
    return {
      ok: false,
      error: commandError(
        'unavailable',
        `/${command} for one subscription is not available here: this Herald keeps no subscriptions.`,
        `/${command} without "for <id>" is about the whole chat.`,
      ),
    };
  const record = await ctx.subscriptions.listSubscriptions(target);
  const list = record?.subscriptions ?? [];
  const found = list.find((s) => s.id === id);
  if (found) return ok(found);
  return {
    ok: false,
    error: commandError(
      'unknown-subscription',
      `This chat has no subscription ${id}${list.length === 0 ? ' (it has none at all)' : ''}, so nothing was changed.`,
      "/subscriptions lists this chat's subscriptions and their ids.",
      id,
    ),
  };
}

/** Removes the own settings of these subscription keys, if any. Best effort: a failure is logged. */
export async function dropOwnSettings(
  ctx: CommandContext,
  target: DeliveryTarget,
  keys: readonly string[],
): Promise<void> {
  const records = ctx.alertRecords;
  const own = keys.filter((k) => k !== TARGET_DEFAULT_KEY);
  if (!records || own.length === 0) return;
  try {
    const entries = (await records.getSettings([target])).get(targetKey(target));
    for (const key of own) if (entries?.has(key)) await records.putSettings(target, key, null);
  } catch (error) {
    ctx.log?.(`dropping the alert settings of ${own.join(', ')} failed: ${(error as Error).message}`);
  }
}
