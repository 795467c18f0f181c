/**
 * Telegram's HTML parse mode: everything that comes from the chain or from a user goes through
 * `escapeHtml`; the few tags Herald uses are built here, so no markup is ever assembled by hand.
 */

/** Escapes the three characters Telegram's HTML parser treats specially (and quotes, for attributes). */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"]/g, (c) =>
    c === '&' ? '&amp;' : c === '<' ? '&lt;' : c === '>' ? '&gt;' : '&quot;',
  );
}

export const bold = (text: string): string => `<b>${escapeHtml(text)}</b>`;
export const italic = (text: string): string => `<i>${escapeHtml(text)}</i>`;
export const code = (text: string): string => `<code>${escapeHtml(text)}</code>`;

/** A link, or the escaped label alone when the URL is not http(s) (Telegram rejects other schemes). */
export function link(label: string, url: string): string {
  if (!/^https?:\/\/[^\s<>"]+$/.test(url)) return escapeHtml(label);
  return `<a href="${escapeHtml(url)}">${escapeHtml(label)}</a>`;
}

/** Telegram counts message length in UTF-16 code units of the text after entity parsing. */
export function visibleLength(html: string): number {
  return html
    .replace(/<[^>]*>/g, '')
    .replace(/&(lt|gt|amp|quot);/g, '_')
    .replace(/&#\d+;/g, '_').length;
}

/** Packs lines of HTML (each one whole, with its tags closed) into messages of at most `limit` visible characters. */
export function packLines(lines: readonly string[], limit: number): string[] {
  const parts: string[] = [];
  let current: string[] = [];
  let size = 0;
  for (const line of lines) {
    const length = visibleLength(line);
    if (current.length > 0 && size + 1 + length > limit) {
      parts.push(current.join('\n'));
      current = [];
    }
    size = current.length === 0 ? length : size + 1 + length;
    current.push(line);
  }
  if (current.length > 0) parts.push(current.join('\n'));
  return parts;
}
