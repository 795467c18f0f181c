/**
 * Telegram chats as Herald targets, who may change a chat's subscriptions, and which messages are
 * commands for this bot.
 */
import type { Target } from '../../core/subscriptions/subscription-model.js';

export interface ChatRef {
  id: number;
  type: string;
}

export const isGroup = (chat: ChatRef): boolean => chat.type === 'group' || chat.type === 'supergroup';

/** A private chat is the user's DMs; a group, supergroup or channel is a chat. */
export function chatTarget(chat: ChatRef, userId: number | undefined): Target {
  return {
    platform: 'telegram',
    kind: chat.type === 'private' ? 'dm' : 'chat',
    id: String(chat.id),
    createdBy: String(userId ?? chat.id),
  };
}

/**
 * The command line a message holds for this bot, or null when it is not for us. In a private chat
 * any text is a command (the leading "/" is optional); in a group only "/cmd" or "/cmd@ourbot",
 * never "/cmd@otherbot".
 */
export function commandLineFor(text: string | undefined, chat: ChatRef, botUsername: string): string | null {
  if (typeof text !== 'string') return null;
  const line = text.trim();
  if (line.length === 0) return null;
  const head = /^\/[^\s@]*@([A-Za-z0-9_]+)/.exec(line);
  if (head && head[1]!.toLowerCase() !== botUsername.toLowerCase()) return null;
  if (chat.type !== 'private' && !line.startsWith('/')) return null;
  // "/start <payload>" comes from a t.me/<bot>?start= link: the payload is not a help topic.
  const start = /^\/start(@[A-Za-z0-9_]+)?(\s|$)/.exec(line);
  return start ? `/start${start[1] ?? ''}` : line;
}

/** True when the group line named us explicitly ("/cmd@ourbot"): then even an unknown command is answered. */
export function addressedToUs(line: string, botUsername: string): boolean {
  const head = /^\/[^\s@]*@([A-Za-z0-9_]+)/.exec(line);
  return head !== null && head[1]!.toLowerCase() === botUsername.toLowerCase();
}

/** What `getChatMember` needs: telegraf's Telegram has it. */
export interface MemberLookup {
  getChatMember(chatId: number, userId: number): Promise<{ status: string }>;
}

/**
 * Whether the sender may change the chat's subscriptions: anyone in a private chat; in a group its
 * creator and administrators, including an admin posting anonymously as the group; in a channel
 * whoever can post (only admins can), but a button press there is checked like one in a group.
 */
export async function mayManageSubscriptions(
  telegram: MemberLookup,
  chat: ChatRef,
  fromId: number | undefined,
  senderChatId: number | undefined,
  button = false,
): Promise<boolean> {
  if (chat.type === 'private') return true;
  // A channel's posts come from its admins; a button under one can be pressed by any reader.
  if (chat.type === 'channel' && !button) return true;
  if (senderChatId !== undefined && senderChatId === chat.id) return true;
  if (fromId === undefined) return false;
  const member = await telegram.getChatMember(chat.id, fromId);
  return member.status === 'creator' || member.status === 'administrator';
}
