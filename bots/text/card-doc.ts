/**
 * A live referendum card worded as a document: the `/referendum` answer itself, laid out for a
 * message that stays in the channel and is edited in place. So a card reads like `/referendum`,
 * with three differences: times to the minute and never relative (they would go stale between
 * edits, and a few seconds of drift in a block's estimated time is no change), no buttons but the
 * links, and a footer that says the card is live (or final). `cardContentText` is what a change is
 * measured on.
 */
import type { ReferendumReply } from '../../core/reply/reply-types.js';
import { block, formatUtc } from './common.js';
import type { DocLine, ReplyDocument, Span } from './document.js';
import { replyDocument } from './documents.js';

const MINUTE = 60_000;

function toMinute(span: Span): Span {
  return typeof span !== 'string' && span.kind === 'time'
    ? { kind: 'time', atMs: Math.floor(span.atMs / MINUTE) * MINUTE }
    : span;
}

const lineToMinute = (l: DocLine): DocLine => ({ ...l, spans: l.spans.map(toMinute) });

export interface CardWording {
  /** The final edit: the referendum ended and the card is never touched again. */
  final: boolean;
}

export function cardDocument(reply: ReferendumReply, wording: CardWording): ReplyDocument {
  const doc = replyDocument(reply);
  const f = reply.freshness;
  const data = f
    ? `data as of relay block ${block(f.relayBlock)}, taken ${formatUtc(f.snapshotAtMs)}`
    : 'data of unknown age';
  return {
    ...doc,
    title: doc.title.map(toMinute),
    subtitle: doc.subtitle.map(lineToMinute),
    sections: doc.sections.map((s) => ({ ...s, lines: s.lines.map(lineToMinute) })),
    warnings: doc.warnings.map(lineToMinute),
    notes: doc.notes.map(lineToMinute),
    actions: [],
    nowMs: null,
    stale: null,
    footer: wording.final
      ? `Final: this card is no longer edited (${data}).`
      : `Live card: edited when the referendum changes (${data}).`,
  };
}

/** Lines whose figures follow the threshold curves, which move a little with every block. */
const CURVE_LINES = new Set(['To pass now it needs', 'When deciding starts it will need']);
const THRESHOLD_LINES = new Set(['Approval', 'Support']);

/**
 * A line as a change is measured: the thresholds ("needs 8.27% now") and the shortfalls move with
 * the curves every block, so they count only through the verdict they lead to ("enough", "short").
 */
function measured(l: DocLine): DocLine[] {
  if (l.label && CURVE_LINES.has(l.label)) return [];
  if (!l.label || !THRESHOLD_LINES.has(l.label)) return [l];
  return [
    {
      ...l,
      spans: l.spans.map((s) => (typeof s === 'string' ? s.replace(/, needs [^:]* now(?=:)/, '') : s)),
    },
  ];
}

/**
 * What a change of the card is measured on, as stable text: everything it shows but its footer
 * (which names the data's block) and the curves' moving figures. The card is edited when this
 * changes: the phase, the tally, a verdict, a time (to the minute), the title, the outcome.
 */
export function cardContentText(doc: ReplyDocument): string {
  return JSON.stringify([
    doc.title,
    doc.tone,
    doc.subtitle,
    doc.sections.map((s) => ({ ...s, lines: s.lines.flatMap(measured) })),
    doc.warnings,
    doc.notes,
    doc.links,
    doc.names,
    doc.timeZone,
    doc.footer?.startsWith('Final') ?? false,
  ]);
}
