/**
 * Names from the chain (identity displays, pool metadata) are untrusted input. Before they reach a
 * reply, whitespace and line breaks become single spaces; then every control, format
 * (bidirectional overrides and isolates, zero-width characters, the byte-order mark), unassigned
 * or private-use character goes, and the result is capped. Escaping for HTML or Markdown is the
 * renderers' job.
 */

/** At most this many characters (code points) of a name are shown. */
export const MAX_NAME_CHARS = 48;

const INVISIBLE = /[\p{Cc}\p{Cf}\p{Co}\p{Cn}\p{Zl}\p{Zp}]/gu;
/** The byte-order mark is a format character, yet JavaScript's `\s` counts it as a space. */
const BOM = /\uFEFF/g;

/** The name as shown, or null when nothing printable is left. */
export function sanitizeName(raw: string, maxChars = MAX_NAME_CHARS): string | null {
  const cleaned = raw
    .replace(BOM, '')
    .replace(/\s+/gu, ' ')
    .replace(INVISIBLE, '')
    .replace(/ {2,}/g, ' ')
    .trim();
  if (cleaned === '') return null;
  const chars = [...cleaned];
  if (chars.length <= maxChars) return cleaned;
  return `${chars
    .slice(0, maxChars - 1)
    .join('')
    .trimEnd()}…`;
}
