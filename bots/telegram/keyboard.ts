/**
 * Reply actions and links as an inline keyboard: links are URL buttons in one row at the bottom. A button's callback data is the command line it runs
 * (the command layer keeps them within Telegram's 64 bytes); a line that does not fit gets no
 * button rather than a broken one.
 */
import type { InlineKeyboardButton, InlineKeyboardMarkup } from 'telegraf/types';
import type { Link } from '../../core/links/urls.js';
import type { ReplyAction } from '../../core/reply/reply-types.js';
import { startOptionLabel } from '../text/start-text.js';

export const MAX_CALLBACK_BYTES = 64;
const REFERENDA_PER_ROW = 5;

export function actionLabel(action: ReplyAction): string {
  switch (action.type) {
    case 'subscribe-address':
      return '🔔 Alert me about this address';
    case 'deadline-alert':
      return '⏰ Alert me before the deadline';
    case 'subscribe-track':
      return `🔔 New referenda on track ${action.track}`;
    case 'page':
      return action.direction === 'next'
        ? `Next ▶ ${action.page}/${action.pageCount}`
        : `◀ Previous ${action.page}/${action.pageCount}`;
    case 'open-referendum':
      return `#${action.referendum}`;
    case 'call-data':
      return '🗳 Call data to vote';
    case 'unsubscribe':
      return `🗑 Remove ${action.subscriptionId}`;
    case 'start-option':
      return startOptionLabel(action.option);
  }
}

export function fitsCallback(data: string): boolean {
  const bytes = Buffer.byteLength(data, 'utf8');
  return bytes > 0 && bytes <= MAX_CALLBACK_BYTES;
}

/** Paging in one row, referendum shortcuts five to a row, every other action on its own row. */
export function inlineKeyboard(
  actions: readonly ReplyAction[],
  links: readonly Link[] = [],
): InlineKeyboardMarkup | null {
  const usable = actions.filter((a) => fitsCallback(a.command));
  const button = (a: ReplyAction): InlineKeyboardButton => ({
    text: actionLabel(a),
    callback_data: a.command,
  });
  const rows: InlineKeyboardButton[][] = [];
  const open = usable.filter((a) => a.type === 'open-referendum');
  for (let i = 0; i < open.length; i += REFERENDA_PER_ROW)
    rows.push(open.slice(i, i + REFERENDA_PER_ROW).map(button));
  const paging = usable.filter((a) => a.type === 'page');
  if (paging.length > 0) rows.push(paging.map(button));
  for (const a of usable) if (a.type !== 'open-referendum' && a.type !== 'page') rows.push([button(a)]);
  const urls = links
    .filter((l) => /^https:\/\/[^\s]+$/.test(l.url))
    .map((l) => ({ text: `🔗 ${l.label}`, url: l.url }));
  if (urls.length > 0) rows.push(urls);
  return rows.length > 0 ? { inline_keyboard: rows } : null;
}
