/**
 * `/unsubscribe <id|kind|spec|all>`: removes this chat's matching subscriptions and their own alert
 * settings (quiet hours, muted kinds); the chat's settings stay.
 */
import { commandError } from '../../../core/commands/errors.js';
import type { UnsubscribeSelector } from '../../../core/ports/subscription-store.js';
import { errorReply } from '../../../core/reply/builders.js';
import type { Reply } from '../../../core/reply/reply-types.js';
import { subscriptionKey } from '../../../core/subscriptions/subscription-model.js';
import type { CommandContext } from '../context.js';
import type { Frame } from '../frame.js';
import { base } from '../reply-base.js';
import { dropOwnSettings } from '../subscription-settings.js';
import { callerTarget, specOf } from '../subscription-specs.js';
import { type UnsubscribeCommand, unsubscribeLine } from './grammar.js';

export async function unsubscribeCommand(
  command: UnsubscribeCommand,
  frame: Frame,
  ctx: CommandContext,
): Promise<Reply> {
  const target = callerTarget(ctx);
  if (!target.ok) return errorReply(target.error, 'unsubscribe', frame.freshness);
  const s = command.selector;
  let selector: UnsubscribeSelector;
  if (s.type === 'spec') {
    const spec = await specOf(s.request, ctx, frame);
    if (!spec.ok) return errorReply(spec.error, 'unsubscribe', frame.freshness);
    selector = { type: 'key', key: subscriptionKey(spec.value) };
  } else {
    selector = s;
  }
  const ref = { platform: target.value.platform, kind: target.value.kind, id: target.value.id };
  const result = await ctx.subscriptions!.unsubscribe(ref, selector);
  for (const warning of result.warnings) ctx.log?.(`unsubscribe: ${warning}`);
  await dropOwnSettings(
    ctx,
    ref,
    result.removed.map((r) => r.key),
  );
  if (result.removed.length === 0) {
    const what = unsubscribeLine(command.selector).replace(/^\/unsub /, '');
    return errorReply(
      commandError(
        'unknown-subscription',
        `This chat has no subscription matching "${what}"${result.remaining === 0 ? ' (it has none at all)' : ''}.`,
        "/subscriptions lists this chat's subscriptions and their ids.",
        what,
      ),
      'unsubscribe',
      frame.freshness,
    );
  }
  return {
    type: 'unsubscribed',
    target: ref,
    removed: result.removed,
    remaining: result.remaining,
    ...base(frame),
  };
}
