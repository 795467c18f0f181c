/**
 * Reply intent → Telegram: HTML messages (every piece of chain or user text escaped), an inline
 * keyboard for its actions, and the referendum chart as a photo with a short caption. The wording
 * is the plain-text renderer's (bots/text), so both bots and `npm run ask` say the same thing.
 */
import type { InlineKeyboardMarkup } from 'telegraf/types';
import type { ChartData } from '../../core/opengov/chart-data.js';
import type { ErrorReply, HelpReply, Reply } from '../../core/reply/reply-types.js';
import { freshnessLines } from '../text/common.js';
import { replyTextLines } from '../text/render.js';
import { bold, escapeHtml, italic, packLines, visibleLength } from './html.js';
import { inlineKeyboard } from './keyboard.js';
import { statusLines } from './status-lines.js';

export const MAX_TEXT_CHARS = 4096;
export const MAX_CAPTION_CHARS = 1024;

export interface TelegramPhoto {
  chart: ChartData;
  fileName: string;
  caption: string;
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

/** A plain-text line as HTML: escaped, with addresses in <code> so a tap copies them. */
export function lineHtml(text: string): string {
  return escapeHtml(text).replace(SS58, (a) => `<code>${a}</code>`);
}

function errorLines(reply: ErrorReply): string[] {
  const lines = [`⚠️ ${bold(reply.error.message)}`];
  if (reply.error.hint) lines.push(`Try: ${escapeHtml(reply.error.hint)}`);
  if (reply.usage) lines.push(`Usage: ${escapeHtml(reply.usage)}`);
  return lines;
}

function helpLines(reply: HelpReply): string[] {
  if (reply.topic) {
    return [
      bold(reply.topic.usage),
      escapeHtml(reply.topic.summary),
      'Examples:',
      ...reply.topic.examples.map((e) => lineHtml(e)),
    ];
  }
  return [
    bold('Herald: Kusama staking and OpenGov'),
    ...reply.commands.map((c) => `${escapeHtml(c.usage)}\n    ${italic(c.summary)}`),
    '',
    escapeHtml(
      `Each chat may hold ${reply.limits.subscriptionsPerChat} subscriptions, ${reply.limits.addressSubscriptionsPerChat} of them for addresses. In groups, only admins change subscriptions, quiet hours and muted alerts. Quiet hours and muting apply to the whole chat, or with "for <id>" (the ids are in /subscriptions) to one subscription only.`,
    ),
  ];
}

/** The body as HTML lines: the first line of a text answer is its title. */
function bodyLines(reply: Reply): string[] {
  if (reply.type === 'error') return errorLines(reply);
  if (reply.type === 'help') return helpLines(reply);
  const plain = reply.type === 'status' ? statusLines(reply) : replyTextLines(reply);
  const lines = plain.flatMap((l) => l.split('\n')).map((l) => shorten(l, MAX_LINE_CHARS));
  return lines.map((l, i) => (i === 0 ? `<b>${lineHtml(l)}</b>` : lineHtml(l)));
}

function caption(lines: readonly string[]): string {
  const kept: string[] = [];
  for (const line of lines) {
    if (line === '' || visibleLength([...kept, line].join('\n')) > MAX_CAPTION_CHARS) break;
    kept.push(line);
  }
  return kept.join('\n');
}

export function renderReply(reply: Reply): TelegramAnswer {
  const { head, foot } = freshnessLines(reply.freshness);
  const warning = head.filter((l) => l !== '').map((l) => `⚠️ ${bold(l)}`);
  const body = bodyLines(reply);
  const lines = [...warning, ...(warning.length > 0 ? [''] : []), ...body, '', ...foot.map((l) => italic(l))];
  const messages = packLines(lines, MAX_TEXT_CHARS);
  const chart = reply.attachments.find((a) => a.type === 'referendum-chart');
  const photo = chart
    ? { chart: chart.chart, fileName: chart.fileName, caption: caption([...warning, ...body.slice(0, 3)]) }
    : null;
  return { messages, keyboard: inlineKeyboard(reply.actions), photo };
}
