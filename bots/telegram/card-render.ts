/**
 * A live referendum card on Telegram: the card document as HTML, as a text message and as a photo
 * caption, with its links as URL buttons. A card that has a chart is a photo with the caption (cut
 * line by line to Telegram's 1,024 characters, the footer kept); one without is a text message.
 */
import type { InlineKeyboardMarkup } from 'telegraf/types';
import type { ReplyDocument } from '../text/document.js';
import { visibleLength } from './html.js';
import { inlineKeyboard } from './keyboard.js';
import { documentHtml, MAX_CAPTION_CHARS, MAX_TEXT_CHARS } from './render-reply.js';

export interface TelegramCardPayload {
  /** The whole card as one text message (cut to 4,096 characters). */
  text: string;
  /** The card as a photo caption (cut to 1,024 characters). */
  caption: string;
  keyboard: InlineKeyboardMarkup | null;
  photo: { png: Uint8Array; fileName: string } | null;
}

/** The lines that fit `limit`, in order, always keeping the last (the footer). */
function fitLines(lines: readonly string[], limit: number): string {
  const last = lines.at(-1) ?? '';
  const kept: string[] = [];
  let size = visibleLength(last);
  for (const line of lines.slice(0, -1)) {
    const length = visibleLength(line) + 1;
    if (size + length > limit) break;
    kept.push(line);
    size += length;
  }
  return [...kept, last].join('\n');
}

export function telegramCard(
  doc: ReplyDocument,
  photo: { png: Uint8Array; fileName: string } | null,
): TelegramCardPayload {
  const lines = documentHtml(doc);
  return {
    text: fitLines(lines, MAX_TEXT_CHARS),
    caption: fitLines(lines, MAX_CAPTION_CHARS),
    keyboard: inlineKeyboard([], doc.links),
    photo,
  };
}
