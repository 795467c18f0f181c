import { describe, expect, it } from 'vitest';
import { MAX_NAME_CHARS, sanitizeName } from '../../../core/identity/sanitize.js';

describe('sanitizeName', () => {
  it('keeps an ordinary name, accents and emoji included', () => {
    expect(sanitizeName('Pólkachu 🦊 Validator')).toBe('Pólkachu 🦊 Validator');
  });

  it('drops bidirectional overrides and isolates, so a name cannot reverse what follows it', () => {
    expect(sanitizeName('evil\u202Egnp.exe')).toBe('evilgnp.exe');
    expect(sanitizeName('\u2066Alice\u2069\u200F')).toBe('Alice');
  });

  it('drops zero-width characters and the byte-order mark, which would hide a look-alike', () => {
    expect(sanitizeName('Par\u200Bity\u200D\u2060\uFEFF')).toBe('Parity');
    // JavaScript's \s counts the byte-order mark as a space: it must not split a name.
    expect(sanitizeName('Pa\uFEFFrity')).toBe('Parity');
  });

  it('turns line breaks and tabs into one space and drops other control characters', () => {
    expect(sanitizeName('  two\n\nlines\u0007\tand\u2028more  ')).toBe('two lines and more');
    expect(sanitizeName('bell\u0007ring')).toBe('bellring');
  });

  it('gives null when nothing printable is left', () => {
    expect(sanitizeName('\u200B\u202E \n')).toBeNull();
  });

  it('caps the length in characters, not UTF-16 units, and marks the cut', () => {
    const long = '🦊'.repeat(MAX_NAME_CHARS + 5);
    const shown = sanitizeName(long) ?? '';
    expect([...shown]).toHaveLength(MAX_NAME_CHARS);
    expect(shown.endsWith('…')).toBe(true);
    expect(sanitizeName('abcdef', 4)).toBe('abc…');
  });

  it('leaves markup characters to the renderers, which escape them', () => {
    expect(sanitizeName('<b>*bold*</b> & _x_')).toBe('<b>*bold*</b> & _x_');
  });
});
