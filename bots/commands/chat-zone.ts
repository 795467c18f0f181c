/**
 * The chat's own zone for answers on Telegram, which shows times as text: the IANA zone of the
 * chat's quiet hours, when it set one (`/quiet 22:00-07:00 Europe/Berlin`). Discord renders
 * `<t:…>` in each reader's zone and needs none. One read of the chat's settings; a failed read
 * leaves the answer in UTC (the zone is an addition, never the answer).
 */
import type { Reply } from '../../core/reply/reply-types.js';
import { TARGET_DEFAULT_KEY } from '../../core/subscriptions/settings.js';
import { targetKey } from '../../core/subscriptions/subscription-model.js';
import type { CommandContext } from './context.js';

/** Answers with no time in them need no zone. */
const TIMELESS: ReadonlySet<Reply['type']> = new Set(['help', 'start', 'error', 'tracks']);

export async function withChatZone<R extends Reply>(reply: R, ctx: CommandContext): Promise<R> {
  if (ctx.caller?.platform !== 'telegram' || !ctx.alertRecords || TIMELESS.has(reply.type)) return reply;
  if (reply.type === 'alert-settings') return withZone(reply, reply.settings.quietHours?.timeZone);
  try {
    const all = await ctx.alertRecords.getSettings([ctx.caller]);
    const chat = all.get(targetKey(ctx.caller))?.get(TARGET_DEFAULT_KEY);
    return withZone(reply, chat?.quietHours?.timeZone);
  } catch (error) {
    ctx.log?.(`reading the chat's zone failed: ${(error as Error).message}`);
    return reply;
  }
}

function withZone<R extends Reply>(reply: R, zone: string | undefined): R {
  return zone ? { ...reply, timeZone: zone } : reply;
}
