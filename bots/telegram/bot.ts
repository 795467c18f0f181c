/**
 * The Telegram bot: telegraf with the bot's identity set up front (no getMe on a cold start) and
 * webhook replies off, so every answer is a real Bot API call whose failure can be seen. Messages,
 * edited messages and button presses all run through the shared command layer and are rendered
 * as HTML; the bot's membership updates keep subscriptions in step with the chats it is in.
 */

import { type Context, Telegraf, type Types } from 'telegraf';
import type { Update } from 'telegraf/types';
import type { Reply } from '../../core/reply/reply-types.js';
import { answerCommand, routePrivateText } from '../commands/answer.js';
import { type ContextOptions, commandContext } from '../commands/context.js';
import { commandNameOf, settingsChangeOf } from '../commands/parse.js';
import { SnapshotCache } from '../commands/snapshot-cache.js';
import { PRIVATE_TEXT_HINT } from '../text/start-text.js';
import { onButton } from './buttons.js';
import { addressedToUs, type ChatRef, chatTarget, commandLineFor, mayManageSubscriptions } from './chat.js';
import { botInfoFor, DEFAULT_API_ROOT } from './config.js';
import { escapeHtml } from './html.js';
import { applyMembership, migrateChat } from './membership.js';
import { ADMIN_CHECK_FAILED_HTML, FAILED_HTML, NOT_ADMIN_HTML, NOT_TEXT_HTML, toast } from './messages.js';
import { renderReply } from './render-reply.js';
import { type ChartRenderer, type SendOptions, sendAnswer } from './send-answer.js';

/** The command context's sources (the caller comes with each update), and the bot's own settings. */
export interface TelegramBotOptions extends Omit<ContextOptions, 'caller' | 'log'> {
  token: string;
  username: string;
  apiRoot?: string;
  renderChart?: ChartRenderer;
  /** An update still running after this long is abandoned with an apology (default 25 s). */
  handlerTimeoutMs?: number;
  log?: (line: string) => void;
}

const HTML = { parse_mode: 'HTML', link_preview_options: { is_disabled: true } } as const;

interface IncomingText {
  message_id: number;
  chat: ChatRef;
  from?: { id: number };
  sender_chat?: { id: number };
  text?: string;
  migrate_to_chat_id?: number;
}

export function createTelegramBot(options: TelegramBotOptions): Telegraf {
  const bot = new Telegraf(options.token, {
    telegram: { apiRoot: options.apiRoot ?? DEFAULT_API_ROOT, webhookReply: false },
    handlerTimeout: options.handlerTimeoutMs ?? 25_000,
  });
  bot.botInfo = botInfoFor(options.token, options.username);
  const username = bot.botInfo.username;
  const cache = options.cache ?? new SnapshotCache();
  const log = options.log ?? (() => {});
  const send = { renderChart: options.renderChart, log };

  const answer = (line: string, chat: ChatRef, userId: number | undefined) =>
    answerCommand(
      line,
      commandContext({
        store: options.store,
        subscriptions: options.subscriptions,
        alertRecords: options.alertRecords,
        caller: chatTarget(chat, userId),
        now: options.now,
        staleAfterMs: options.staleAfterMs,
        cache,
        log,
      }),
    );

  async function mayManage(
    ctx: Context,
    chat: ChatRef,
    fromId: number | undefined,
    senderChatId?: number,
    button = false,
  ) {
    try {
      return await mayManageSubscriptions(ctx.telegram, chat, fromId, senderChatId, button);
    } catch (error) {
      log(`telegram: getChatMember in ${chat.id} failed: ${(error as Error).message}`);
      return null;
    }
  }

  const text: TextDeps = { options, username, answer, mayManage, send, log };
  bot.on('message', (ctx) => onText(ctx, ctx.message as IncomingText, text));
  bot.on('edited_message', (ctx) => onText(ctx, ctx.editedMessage as IncomingText, text));

  bot.on('callback_query', (ctx) =>
    onButton(ctx, {
      answer,
      mayManage: (c, chat, fromId) => mayManage(c, chat, fromId, undefined, true),
      send,
    }),
  );

  bot.on('my_chat_member', (ctx) => onMembership(ctx.myChatMember, options, log));
  bot.catch((error, ctx) => apologise(error, ctx, log));
  return bot;
}

/** What a text message's handling needs of the bot. */
interface TextDeps {
  options: TelegramBotOptions;
  username: string;
  answer(line: string, chat: ChatRef, userId: number | undefined): Promise<Reply>;
  mayManage(
    ctx: Context,
    chat: ChatRef,
    fromId: number | undefined,
    senderChatId?: number,
  ): Promise<boolean | null>;
  send: SendOptions;
  log: (line: string) => void;
}

async function onText(ctx: Context, message: IncomingText, deps: TextDeps) {
  const { options, username, answer, mayManage, send, log } = deps;
  const chat = message.chat;
  if (message.migrate_to_chat_id !== undefined && options.subscriptions) {
    const moved = await migrateChat(
      options.subscriptions,
      chat,
      message.migrate_to_chat_id,
      options.alertRecords ?? null,
    );
    log(`telegram: group ${chat.id} became ${message.migrate_to_chat_id}; ${moved} subscriptions moved`);
    return;
  }
  let line = commandLineFor(message.text, chat, username);
  if (line === null) {
    if (chat.type === 'private' && message.text === undefined)
      await ctx.telegram.sendMessage(chat.id, NOT_TEXT_HTML, HTML);
    return;
  }
  // In a private chat a bare address is /stake, and chatter gets a hint; groups only see commands.
  if (chat.type === 'private') {
    const routed = routePrivateText(line);
    if (routed.type === 'hint') {
      await ctx.telegram.sendMessage(chat.id, escapeHtml(PRIVATE_TEXT_HINT), {
        ...HTML,
        reply_parameters: { message_id: message.message_id, allow_sending_without_reply: true },
      });
      return;
    }
    line = routed.line;
  }
  const name = commandNameOf(line);
  if (chat.type !== 'private' && name === null && !addressedToUs(line, username)) return;
  if (settingsChangeOf(line) !== null) {
    const allowed = await mayManage(ctx, chat, message.from?.id, message.sender_chat?.id);
    if (allowed !== true) {
      await ctx.telegram.sendMessage(chat.id, allowed === null ? ADMIN_CHECK_FAILED_HTML : NOT_ADMIN_HTML, {
        ...HTML,
        reply_parameters: { message_id: message.message_id, allow_sending_without_reply: true },
      });
      return;
    }
  }
  const reply = await answer(line, chat, message.from?.id);
  await sendAnswer(ctx.telegram, chat.id, renderReply(reply), { ...send, replyTo: message.message_id });
}

async function onMembership(
  update: Update.MyChatMemberUpdate['my_chat_member'],
  options: TelegramBotOptions,
  log: (line: string) => void,
): Promise<void> {
  if (!options.subscriptions) return;
  const outcome = await applyMembership(options.subscriptions, {
    chat: update.chat,
    fromId: update.from.id,
    oldStatus: update.old_chat_member.status,
    newStatus: update.new_chat_member.status,
  });
  if (outcome !== 'unchanged')
    log(`telegram: chat ${update.chat.id} ${outcome} (${update.new_chat_member.status})`);
}

async function apologise(error: unknown, ctx: Context, log: (line: string) => void): Promise<void> {
  log(`telegram: update ${ctx.update.update_id} failed: ${(error as Error)?.stack ?? String(error)}`);
  try {
    if ('callback_query' in ctx.update)
      await ctx.answerCbQuery(toast('Something went wrong; please try again.'));
    const chatId = ctx.chat?.id;
    if (chatId !== undefined && ctx.chat?.type !== 'channel')
      await ctx.telegram.sendMessage(chatId, FAILED_HTML, HTML);
  } catch (apology) {
    log(`telegram: could not apologise in update ${ctx.update.update_id}: ${(apology as Error).message}`);
  }
}

/** The update types the bot handles (`allowed_updates` of setWebhook). */
export const ALLOWED_UPDATES: readonly Types.UpdateType[] = [
  'message',
  'edited_message',
  'callback_query',
  'my_chat_member',
];
