/** `/missed` as a document: the chat's recent alerts, each with what became of it, newest first. */
import type { MissedReply, MissedRow } from '../../core/reply/reply-types.js';
import { describeTarget, plural } from './common.js';
import { baseDocument } from './doc-base.js';
import { type DocLine, fact, line, type ReplyDocument, type Span, section, time } from './document.js';

/** "24 hours", "3 days". */
export function windowText(hours: number): string {
  return hours % 24 === 0 && hours >= 48 ? `${hours / 24} days` : plural(hours, 'hour');
}

function stateSpans(row: MissedRow): Span[] {
  const at: Span[] = row.nextAtMs === null ? [] : [' ', time(row.nextAtMs)];
  const error = row.error ? `: ${row.error}` : '';
  switch (row.state) {
    case 'sent':
      return ['sent'];
    case 'sending':
      return ['being sent'];
    case 'quiet-hours':
      return ['held for the quiet hours, goes out', ...at];
    case 'retrying':
      return [
        `failed ${row.attempts === 1 ? 'once' : `${row.attempts} times`}, next try`,
        ...at,
        ...(error ? [error] : []),
      ];
    case 'failed':
      return [`failed${error}`];
    case 'gone':
      return [`not delivered: Herald can no longer post here${row.error ? ` (${row.error})` : ''}`];
  }
}

/** The alert's lines, its moments as time spans when the rule wrote them as such. */
function alertLines(row: MissedRow): Span[][] {
  const m = row.message;
  if (!m.spans) return m.lines.map((l) => [l]);
  return m.spans.lines.map((l) => l.map((s): Span => (typeof s === 'string' ? s : time(s.atMs))));
}

function rowLines(row: MissedRow): DocLine[] {
  return [
    ...alertLines(row).map((spans) => line(...spans)),
    fact('State', ...stateSpans(row)),
    fact('Detected', time(row.detectedAtMs)),
  ];
}

export function missedDocument(reply: MissedReply): ReplyDocument {
  const where = describeTarget(reply.target);
  const window = windowText(reply.hours);
  if (reply.rows.length === 0) {
    const doc = baseDocument(reply, [`No alerts in ${where} in the last ${window}`], 'subscription');
    doc.notes = [line('Muted kinds are not recorded; /subscriptions shows what is subscribed here.')];
    doc.nowMs = reply.nowMs;
    return doc;
  }
  const count = reply.more ? `the newest ${reply.rows.length}` : String(reply.rows.length);
  const doc = baseDocument(
    reply,
    [`Alerts in ${where} in the last ${window}: ${count}, newest first`],
    'subscription',
  );
  doc.nowMs = reply.nowMs;
  if (reply.more)
    doc.subtitle = [
      line(`Older alerts of the last ${window} are left out: only the newest ${reply.limit} are shown.`),
    ];
  doc.sections = reply.rows.map((row) => section(row.message.title, rowLines(row)));
  return doc;
}

/** Whether any alert of the answer failed or can no longer be delivered (Discord colours it). */
export function missedTrouble(reply: MissedReply): boolean {
  return reply.rows.some((r) => r.state === 'failed' || r.state === 'gone');
}
