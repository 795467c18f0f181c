/**
 * A Telegram chat message as the app shows it: the HTML body, then the inline keyboard (a URL
 * button carries the ↗ corner and links out), and the chart photo, captioned when the caption
 * carries the answer. Built from what the bot's renderers return, whatever they return.
 */
import { escapeHtml, safeUrl, telegramMarkup } from './html.js';

export interface TelegramButton {
  text: string;
  url?: string;
  callback_data?: string;
  [other: string]: unknown;
}

export interface TelegramMockup {
  /** HTML messages in the order sent. */
  messages: readonly string[];
  keyboard: { inline_keyboard: readonly (readonly TelegramButton[])[] } | null;
  photo: { src: string; caption: string | null } | null;
}

function button(b: TelegramButton): string {
  const url = typeof b.url === 'string' ? safeUrl(b.url) : null;
  const text = escapeHtml(b.text);
  if (url)
    return `<a class="tg-button tg-url" href="${escapeHtml(url)}" title="${escapeHtml(url)}">${text}<span class="corner">↗</span></a>`;
  const data = typeof b.callback_data === 'string' ? ` title="${escapeHtml(b.callback_data)}"` : '';
  return `<span class="tg-button"${data}>${text}</span>`;
}

function keyboardHtml(m: TelegramMockup): string[] {
  if (!m.keyboard || m.keyboard.inline_keyboard.length === 0) return [];
  const rows = m.keyboard.inline_keyboard.map(
    (row) => `<div class="tg-row">${row.map(button).join('')}</div>`,
  );
  return ['<div class="tg-keyboard">', ...rows, '</div>'];
}

/**
 * The bubbles in the order the bot sends them: a chart with its caption is the whole answer; a
 * chart without one follows the text. The keyboard sits under the text, or under the photo when
 * the photo is all there is.
 */
export function telegramMockup(m: TelegramMockup): string {
  const out: string[] = ['<div class="tg-chat">'];
  const photo = m.photo
    ? `<div class="tg-bubble tg-photo"><img src="${escapeHtml(m.photo.src)}" alt="chart">${
        m.photo.caption ? `<div class="tg-text">${telegramMarkup(m.photo.caption)}</div>` : ''
      }</div>`
    : null;
  if (photo && m.photo?.caption) out.push(photo);
  m.messages.forEach((html, i) => {
    out.push(`<div class="tg-bubble"><div class="tg-text">${telegramMarkup(html)}</div></div>`);
    if (i === m.messages.length - 1) out.push(...keyboardHtml(m));
  });
  if (photo && !m.photo?.caption) out.push(photo);
  if (m.messages.length === 0) out.push(...keyboardHtml(m));
  out.push('</div>');
  return out.join('\n');
}
