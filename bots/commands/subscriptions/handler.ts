/**
 * `/subscriptions`: what this chat is subscribed to, with ids and remove buttons, the chat's alert
 * settings, and each subscription's own settings where it has some.
 */

import { errorReply } from '../../../core/reply/builders.js';
import type { Reply } from '../../../core/reply/reply-types.js';
import { MAX_SUBSCRIPTIONS_PER_TARGET } from '../../../core/subscriptions/limits.js';
import { type AlertSettings, isEmptySettings } from '../../../core/subscriptions/settings.js';
import { chatEntry, targetSettings } from '../chat-settings.js';
import type { CommandContext } from '../context.js';
import type { Frame } from '../frame.js';
import { base } from '../reply-base.js';
import { callerTarget } from '../subscription-specs.js';
import { unsubscribeLine } from '../unsubscribe/grammar.js';

export async function subscriptionsCommand(frame: Frame, ctx: CommandContext): Promise<Reply> {
  const target = callerTarget(ctx);
  if (!target.ok) return errorReply(target.error, 'subscriptions', frame.freshness);
  const ref = { platform: target.value.platform, kind: target.value.kind, id: target.value.id };
  const [record, all] = await Promise.all([
    ctx.subscriptions!.listSubscriptions(ref),
    ctx.alertRecords ? targetSettings(ctx.alertRecords, ref) : null,
  ]);
  const subscriptions = record?.subscriptions ?? [];
  const ownSettings: Record<string, AlertSettings> = {};
  for (const s of subscriptions) {
    const own = all?.get(s.key);
    if (own && !isEmptySettings(own)) ownSettings[s.id] = own;
  }
  return {
    type: 'subscriptions',
    target: ref,
    subscriptions,
    limit: MAX_SUBSCRIPTIONS_PER_TARGET,
    disabled: record?.disabled ?? null,
    settings: all ? chatEntry(all) : null,
    ownSettings,
    ...base(
      frame,
      subscriptions.map((s) => ({
        type: 'unsubscribe' as const,
        subscriptionId: s.id,
        command: unsubscribeLine({ type: 'id', id: s.id }),
      })),
    ),
  };
}
