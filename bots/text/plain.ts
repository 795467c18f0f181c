/** A reply document as plain text: what `npm run ask` prints. */
import { formatDuration } from '../../core/format/duration.js';
import type { AccountNames } from '../../core/identity/identity-types.js';
import { formatUtc } from '../../core/opengov/chart-data.js';
import { actionLines, attachmentLines } from './common.js';
import type { DocLine, ReplyDocument, Span } from './document.js';
import { accountLabel } from './names.js';

/** "in 3d 4h" / "2h ago" / "now". */
export function relativeText(atMs: number, nowMs: number): string {
  const diff = atMs - nowMs;
  if (Math.abs(diff) < 60_000) return 'now';
  return diff > 0 ? `in ${formatDuration(diff)}` : `${formatDuration(-diff)} ago`;
}

/** "2026-07-23 10:30 UTC (in 6d 20h)": the absolute time first, then how far it is. */
export function timeText(atMs: number, nowMs: number | null): string {
  return nowMs === null ? formatUtc(atMs) : `${formatUtc(atMs)} (${relativeText(atMs, nowMs)})`;
}

export function spanText(span: Span, doc: { names: AccountNames; nowMs: number | null }): string {
  if (typeof span === 'string') return span;
  switch (span.kind) {
    case 'address':
      return accountLabel(span.address, doc.names, !span.short);
    case 'time':
      return timeText(span.atMs, doc.nowMs);
    case 'code':
      return span.text;
  }
}

export function lineText(l: DocLine, doc: ReplyDocument): string {
  const body = l.spans.map((s) => spanText(s, doc)).join('');
  return l.label ? `${l.label}: ${body}` : body;
}

export function linksText(doc: ReplyDocument): string[] {
  if (doc.links.length === 0) return [];
  return [`Links: ${doc.links.map((l) => `${l.label} ${l.url}`).join(' · ')}`];
}

export function documentText(doc: ReplyDocument): string {
  const out: string[] = [];
  if (doc.stale) out.push(doc.stale, '');
  out.push(doc.title.map((s) => spanText(s, doc)).join(''));
  for (const l of doc.subtitle) out.push(lineText(l, doc));
  for (const s of doc.sections) {
    if (s.heading === null) {
      for (const l of s.lines) out.push(lineText(l, doc));
      continue;
    }
    out.push(`${s.heading}:`);
    for (const l of s.lines) out.push(`  ${lineText(l, doc)}`);
  }
  for (const w of doc.warnings) out.push(`! ${lineText(w, doc)}`);
  for (const n of doc.notes) out.push(lineText(n, doc));
  out.push(...linksText(doc), ...attachmentLines(doc.attachments), ...actionLines(doc.actions));
  if (doc.footer) out.push('', doc.footer);
  return out.join('\n');
}
