/**
 * `/subscribe <kind> [filter]`: one idempotent subscription for the chat the command came from. A
 * subscription created afresh starts from the chat's alert settings (a leftover entry of an
 * earlier one with the same key is dropped).
 */

import { commandError } from '../../../core/commands/errors.js';
import { errorReply } from '../../../core/reply/builders.js';
import type { Reply } from '../../../core/reply/reply-types.js';
import { MAX_SUBSCRIPTIONS_PER_TARGET } from '../../../core/subscriptions/limits.js';
import type { CommandContext } from '../context.js';
import type { Frame } from '../frame.js';
import { base } from '../reply-base.js';
import { dropOwnSettings } from '../subscription-settings.js';
import { callerTarget, specOf, unknownPara } from '../subscription-specs.js';
import { unsubscribeLine } from '../unsubscribe/grammar.js';
import type { SubscribeCommand } from './grammar.js';

export async function subscribeCommand(
  command: SubscribeCommand,
  frame: Frame,
  ctx: CommandContext,
): Promise<Reply> {
  const target = callerTarget(ctx);
  if (!target.ok) return errorReply(target.error, 'subscribe', frame.freshness);
  const spec = await specOf(command.request, ctx, frame);
  if (!spec.ok) return errorReply(spec.error, 'subscribe', frame.freshness);
  const result = await ctx.subscriptions!.subscribe(target.value, spec.value);
  const ref = { platform: target.value.platform, kind: target.value.kind, id: target.value.id };
  if (result.outcome === 'limit-reached') {
    const what = result.which === 'address' ? 'address subscriptions' : 'subscriptions';
    return errorReply(
      commandError(
        'subscription-limit',
        `This chat already has ${result.count} ${what}, the most it may hold (${result.limit}).`,
        '/subscriptions lists them; remove one with /unsubscribe <id> first.',
      ),
      'subscribe',
      frame.freshness,
    );
  }
  if (result.outcome === 'created') await dropOwnSettings(ctx, ref, [result.subscription.key]);
  const unknown = await unknownPara(spec.value, ctx, frame);
  const unsubscribe = unsubscribeLine({ type: 'id', id: result.subscription.id });
  return {
    type: 'subscribed',
    outcome: result.outcome,
    target: ref,
    subscription: result.subscription,
    count: result.count,
    limit: MAX_SUBSCRIPTIONS_PER_TARGET,
    reenabled: result.reenabled,
    ...(unknown === null ? {} : { unknownPara: unknown }),
    ...base(frame, [{ type: 'unsubscribe', subscriptionId: result.subscription.id, command: unsubscribe }]),
  };
}
