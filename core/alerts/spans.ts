/**
 * Alert text as spans: words, and moments each platform renders in its own way. A rule writes a
 * line as a string or as spans (`['Ends ', at(ms)]`); `plainText` gives the text a record keeps,
 * with every moment as its UTC minute.
 */
import type { Span, TimeSpan } from '../ports/notifier.js';

export type { Span, TimeSpan };

/** A line (or title) as a rule writes it: plain text, or spans. */
export type RuleText = string | readonly Span[];

/** A moment, ms since the epoch. */
export function at(atMs: number): TimeSpan {
  return { atMs };
}

export function isTime(span: Span): span is TimeSpan {
  return typeof span !== 'string';
}

/** "2026-07-21 11:57 UTC"; "unknown time" for a moment that is not a valid date. */
export function utcMinute(atMs: number): string {
  if (!Number.isFinite(atMs) || Math.abs(atMs) > 8.64e15) return 'unknown time';
  return `${new Date(atMs).toISOString().slice(0, 16).replace('T', ' ')} UTC`;
}

export function toSpans(text: RuleText): Span[] {
  return typeof text === 'string' ? [text] : [...text];
}

/** The spans as plain text, every moment as its UTC minute. */
export function plainText(spans: readonly Span[]): string {
  return spans.map((s) => (isTime(s) ? utcMinute(s.atMs) : s)).join('');
}

export function hasTime(spans: readonly Span[]): boolean {
  return spans.some(isTime);
}
