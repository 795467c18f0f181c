/**
 * Unicode hygiene for command lines. Every valid command is plain ASCII once normalised (NFKC turns
 * full-width letters and digits and the odd space into ASCII), so any other character left is
 * refused with its code point and name rather than guessed at.
 */

export interface OddCharacter {
  /** 1-based character position in the normalised line. */
  position: number;
  codePoint: number;
  description: string;
}

const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

export function hasLoneSurrogate(text: string): boolean {
  return LONE_SURROGATE.test(text);
}

export function codePointLabel(cp: number): string {
  return `U+${cp.toString(16).toUpperCase().padStart(4, '0')}`;
}

function describe(cp: number): string {
  if (cp < 0x20 || cp === 0x7f || (cp >= 0x80 && cp < 0xa0)) return 'a control character';
  if ((cp >= 0x200b && cp <= 0x200d) || cp === 0x2060 || cp === 0xfeff)
    return 'an invisible zero-width character';
  if (cp === 0x200e || cp === 0x200f || (cp >= 0x202a && cp <= 0x202e) || (cp >= 0x2066 && cp <= 0x2069))
    return 'an invisible text-direction mark';
  if (cp === 0xad) return 'an invisible soft hyphen';
  if (cp >= 0xfe00 && cp <= 0xfe0f) return 'an invisible variation selector';
  if (cp >= 0x0300 && cp <= 0x036f) return 'a combining accent';
  if (cp >= 0x1f000) return 'an emoji or symbol';
  return 'a character outside plain letters, digits and punctuation';
}

/** Word separators once normalised: NFKC has already turned the Unicode spaces into ASCII ones. */
export const SEPARATORS = /[ \t\r\n]+/;

/** The first character of `text` that is neither printable ASCII nor a separator. */
export function firstOddCharacter(text: string): OddCharacter | null {
  let position = 0;
  for (const ch of text) {
    position += 1;
    const cp = ch.codePointAt(0)!;
    if ((cp >= 0x20 && cp <= 0x7e) || cp === 0x09 || cp === 0x0a || cp === 0x0d) continue;
    return { position, codePoint: cp, description: describe(cp) };
  }
  return null;
}
