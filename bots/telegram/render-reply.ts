/**
 * Reply document → Telegram: HTML messages (every piece of chain or user text escaped), an inline
 * keyboard for its actions and links, and the referendum chart as one photo. The wording is the
 * document's (bots/text), so both bots and `npm run ask` say the same thing.
 *
 * A reply with a chart is one message when it can be: the photo with the whole text as its caption
 * when that fits Telegram's 1,024 characters; otherwise the text, then the photo with no caption.
 */
import type { InlineKeyboardMarkup } from 'telegraf/types';
import type { ChartData } from '../../core/opengov/chart-data.js';
import { formatUtc } from '../../core/opengov/chart-data.js';
import type { Reply } from '../../core/reply/reply-types.js';
import type { DocLine, ReplyDocument, Span } from '../text/document.js';
import { accountLabel } from '../text/names.js';
import { relativeText, timeText } from '../text/plain.js';
import { replyDocument } from '../text/render.js';
import { localTime } from './alert-times.js';
import { bold, code, escapeHtml, italic, packLines, visibleLength } from './html.js';
import { inlineKeyboard } from './keyboard.js';

export const MAX_TEXT_CHARS = 4096;
export const MAX_CAPTION_CHARS = 1024;

export interface TelegramPhoto {
  chart: ChartData;
  fileName: string;
  /**
   * The whole answer as the photo's caption (then `messages` is empty), or null: the text went
   * as messages before the photo and the photo repeats none of it.
   */
  caption: string | null;
}

export interface TelegramAnswer {
  /** HTML messages in order, each within Telegram's 4,096 characters. */
  messages: string[];
  keyboard: InlineKeyboardMarkup | null;
  photo: TelegramPhoto | null;
}

/** Longer lines (a proposal summary from the chain, say) are cut so every line fits a message. */
const MAX_LINE_CHARS = 3000;

function shorten(text: string, limit: number): string {
  return text.length <= limit ? text : `${text.slice(0, limit - 1)}…`;
}

const SS58 = /\b[1-9A-HJ-NP-Za-km-z]{46,48}\b/g;

/** A plain-text line as HTML: escaped, with whole addresses in <code> so a tap copies them. */
export function lineHtml(text: string): string {
  return escapeHtml(shorten(text, MAX_LINE_CHARS)).replace(SS58, (a) => `<code>${a}</code>`);
}

/** The UTC time, then the chat's local time when it has a zone, then how far off (from the data's clock). */
function zonedTimeText(atMs: number, doc: ReplyDocument): string {
  const local = doc.timeZone ? localTime(atMs, doc.timeZone) : null;
  if (!local) return timeText(atMs, doc.nowMs);
  const parts = [local, ...(doc.nowMs === null ? [] : [relativeText(atMs, doc.nowMs)])];
  return `${formatUtc(atMs)} (${parts.join(', ')})`;
}

function spanHtml(span: Span, doc: ReplyDocument): string {
  if (typeof span === 'string') return lineHtml(span);
  switch (span.kind) {
    case 'address':
      return lineHtml(accountLabel(span.address, doc.names, !span.short));
    case 'time':
      return escapeHtml(zonedTimeText(span.atMs, doc));
    case 'code':
      return code(span.text);
  }
}

function docLineHtml(l: DocLine, doc: ReplyDocument): string {
  const body = l.spans.map((s) => spanHtml(s, doc)).join('');
  return l.label ? `${escapeHtml(l.label)}: ${body}` : body;
}

/** The document as HTML lines: stale warning, bold title, body, titled blocks, warnings, notes, footer. */
export function documentHtml(doc: ReplyDocument): string[] {
  const out: string[] = [];
  if (doc.stale) out.push(`⚠️ ${bold(doc.stale)}`, '');
  out.push(`<b>${doc.title.map((s) => spanHtml(s, doc)).join('')}</b>`);
  for (const l of doc.subtitle) out.push(docLineHtml(l, doc));
  for (const s of doc.sections) {
    if (s.heading !== null) out.push('', bold(s.heading));
    for (const l of s.lines) out.push(s.heading === null ? docLineHtml(l, doc) : `• ${docLineHtml(l, doc)}`);
  }
  if (doc.warnings.length > 0) out.push('');
  for (const w of doc.warnings) out.push(`⚠️ ${docLineHtml(w, doc)}`);
  for (const n of doc.notes) out.push(`<i>${docLineHtml(n, doc)}</i>`);
  if (doc.footer) out.push('', italic(doc.footer));
  return out.flatMap((l) => l.split('\n'));
}

export function renderReply(reply: Reply): TelegramAnswer {
  const lines = documentHtml(replyDocument(reply));
  const keyboard = inlineKeyboard(reply.actions, reply.links ?? []);
  const chart = reply.attachments.find((a) => a.type === 'referendum-chart');
  const whole = lines.join('\n');
  if (chart && visibleLength(whole) <= MAX_CAPTION_CHARS)
    return {
      messages: [],
      keyboard,
      photo: { chart: chart.chart, fileName: chart.fileName, caption: whole },
    };
  const messages = packLines(lines, MAX_TEXT_CHARS);
  const photo = chart ? { chart: chart.chart, fileName: chart.fileName, caption: null } : null;
  return { messages, keyboard, photo };
}
