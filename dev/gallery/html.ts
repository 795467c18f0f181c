import { discordTime } from './discord-time.js';

/** HTML helpers of the gallery: escaping, and the subset of HTML Telegram renders kept as markup. */

export function escapeHtml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

/** Tags Telegram's HTML parse mode knows; anything else shows as text, as Telegram would refuse it. */
const TELEGRAM_TAGS = new Set([
  'b',
  'strong',
  'i',
  'em',
  'u',
  'ins',
  's',
  'strike',
  'del',
  'code',
  'pre',
  'a',
  'tg-spoiler',
  'blockquote',
]);

/** Only http(s) and tg: links become links in a mock-up. */
export function safeUrl(url: string): string | null {
  return /^(https?:\/\/|tg:\/\/)\S+$/i.test(url) ? url : null;
}

/**
 * A Telegram HTML message as mock-up markup: its known tags kept (an <a> with its href only),
 * anything else escaped; the entities it carries stay entities.
 */
export function telegramMarkup(html: string): string {
  return html.replace(/<[^>]*>?/g, (tag) => {
    const m = /^<(\/?)([a-z][a-z-]*)((?:\s[^>]*)?)>$/i.exec(tag);
    if (!m || !TELEGRAM_TAGS.has(m[2]!.toLowerCase())) return escapeHtml(tag);
    const [, close, name] = m;
    if (close) return `</${name!.toLowerCase()}>`;
    if (name!.toLowerCase() !== 'a') return `<${name!.toLowerCase()}>`;
    const href = /href="([^"]*)"/i.exec(m[3] ?? '')?.[1];
    const url = href ? safeUrl(href.replace(/&amp;/g, '&')) : null;
    return url ? `<a href="${escapeHtml(url)}">` : '<a>';
  });
}

/**
 * Discord markdown as mock-up markup: bold, italic, underline, strike, code, masked links, escapes,
 * and timestamps (`<t:unix:style>`, relative ones against `nowMs`) as a reader in UTC sees them.
 */
export function discordMarkup(text: string, nowMs?: number): string {
  const escapes: string[] = [];
  const held = text.replace(/\\([\\*_~`|>[\]()#-])/g, (_, c: string) => {
    escapes.push(c);
    return `\uE000${escapes.length - 1}\uE000`;
  });
  let out = escapeHtml(held).replace(
    /&lt;t:(-?\d+)(?::([tTdDfFR]))?&gt;/g,
    (_, unix: string, style: string | undefined) =>
      `<span class="dc-time">${discordTime(Number(unix), style ?? 'f', nowMs)}</span>`,
  );
  out = out.replace(/`([^`]+)`/g, '<code>$1</code>');
  out = out.replace(/\[([^\]]+)\]\((https?:\/\/[^)\s]+)\)/g, (_, label: string, url: string) =>
    safeUrl(url) ? `<a href="${url}">${label}</a>` : label,
  );
  out = out.replace(/\*\*([^*]+)\*\*/g, '<b>$1</b>');
  out = out.replace(/__([^_]+)__/g, '<u>$1</u>');
  out = out.replace(/(^|[^\w*])\*([^*\n]+)\*/g, '$1<i>$2</i>');
  out = out.replace(/(^|[^\w])_([^_\n]+)_(?!\w)/g, '$1<i>$2</i>');
  out = out.replace(/~~([^~]+)~~/g, '<s>$1</s>');
  out = out.replace(/^-# (.*)$/gm, '<small>$1</small>');
  out = out.replace(/\uE000(\d+)\uE000/g, (_, i: string) => escapeHtml(escapes[Number(i)]!));
  return out;
}
