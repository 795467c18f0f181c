/**
 * Inline button presses. A button's data is a command line, but any client can send any data, so
 * it goes through the same parser and the same admin check as a typed command. Paging edits the
 * list in place; every other button answers with a new message, and the press is acknowledged
 * with a short toast (or an alert when it is refused).
 */
import type { Context } from 'telegraf';
import type { Reply } from '../../core/reply/reply-types.js';
import { commandNameOf, settingsChangeOf } from '../commands/parse.js';
import type { ChatRef } from './chat.js';
import { NOT_ADMIN_TOAST, OLD_BUTTON_TOAST, toast } from './messages.js';
import { renderReply } from './render-reply.js';
import { editAnswer, type SendOptions, sendAnswer } from './send-answer.js';

export interface ButtonDeps {
  answer(line: string, chat: ChatRef, userId: number | undefined): Promise<Reply>;
  /** true, false, or null when Telegram could not say. */
  mayManage(ctx: Context, chat: ChatRef, fromId: number | undefined): Promise<boolean | null>;
  send: SendOptions;
}

interface ButtonMessage {
  message_id: number;
  chat: ChatRef;
  date?: number;
  text?: string;
}

function toastFor(reply: Reply): string | undefined {
  if (reply.type === 'error') return toast(reply.error.message);
  if (reply.type === 'subscribed') return reply.outcome === 'unchanged' ? 'Already subscribed' : 'Subscribed';
  if (reply.type === 'unsubscribed') return `Removed ${reply.removed.length}`;
  if (reply.type === 'alert-settings' && reply.action !== 'shown')
    return reply.changed ? 'Done' : 'Nothing to change';
  return undefined;
}

export async function onButton(ctx: Context, deps: ButtonDeps): Promise<void> {
  const query = ctx.callbackQuery;
  if (!query) return;
  const data = 'data' in query ? query.data : undefined;
  const message = query.message as ButtonMessage | undefined;
  // Date 0 marks a message too old for the bot to see; its buttons are stale.
  if (!data || !message?.chat || message.date === 0 || commandNameOf(data) === null) {
    await ctx.answerCbQuery(OLD_BUTTON_TOAST);
    return;
  }
  const chat = message.chat;
  if (settingsChangeOf(data) !== null) {
    const allowed = await deps.mayManage(ctx, chat, query.from.id);
    if (allowed !== true) {
      const text = allowed === null ? 'Could not check your admin rights; try again.' : NOT_ADMIN_TOAST;
      await ctx.answerCbQuery(text, { show_alert: true });
      return;
    }
  }
  const reply = await deps.answer(data, chat, query.from.id);
  await ctx.answerCbQuery(toastFor(reply));
  const rendered = renderReply(reply);
  if (reply.type === 'referenda' && message.text !== undefined)
    await editAnswer(ctx.telegram, chat.id, message.message_id, rendered, deps.send);
  else await sendAnswer(ctx.telegram, chat.id, rendered, { ...deps.send, replyTo: message.message_id });
}
