/**
 * A Telegram chat message as the app shows it: the HTML body, then the inline keyboard (a URL
 * button carries the ↗ corner and links out), and a photo with its caption above the text when
 * the answer sends one. Built from what the bot's renderers return, whatever they return.
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
  photo: { src: string; caption: string } | null;
}

function button(b: TelegramButton): string {
  const url = typeof b.url === 'string' ? safeUrl(b.url) : null;
  const text = escapeHtml(b.text);
  if (url)
    return `<a class="tg-button tg-url" href="${escapeHtml(url)}" title="${escapeHtml(url)}">${text}<span class="corner">↗</span></a>`;
  const data = typeof b.callback_data === 'string' ? ` title="${escapeHtml(b.callback_data)}"` : '';
  return `<span class="tg-button"${data}>${text}</span>`;
}

export function telegramMockup(m: TelegramMockup): string {
  const out: string[] = ['<div class="tg-chat">'];
  if (m.photo)
    out.push(
      `<div class="tg-bubble tg-photo"><img src="${escapeHtml(m.photo.src)}" alt="chart"><div class="tg-text">${telegramMarkup(m.photo.caption)}</div></div>`,
    );
  m.messages.forEach((html, i) => {
    out.push(`<div class="tg-bubble"><div class="tg-text">${telegramMarkup(html)}</div></div>`);
    const last = i === m.messages.length - 1;
    if (last && m.keyboard && m.keyboard.inline_keyboard.length > 0) {
      out.push('<div class="tg-keyboard">');
      for (const row of m.keyboard.inline_keyboard)
        out.push(`<div class="tg-row">${row.map(button).join('')}</div>`);
      out.push('</div>');
    }
  });
  out.push('</div>');
  return out.join('\n');
}
