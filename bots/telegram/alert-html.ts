/**
 * Alerts as Telegram HTML: several alerts for one chat share a message while they fit in 4,096
 * characters; one alert too long for a message is split on line boundaries into a few numbered
 * parts, and beyond that trimmed, ending with a link to the full story when it has one.
 */
import type { AlertSeverity, NotifierMessage } from '../../core/ports/notifier.js';
import { bold, escapeHtml, italic, link, packLines, visibleLength } from './html.js';

export const MAX_MESSAGE_CHARS = 4096;
/** An alert longer than this many messages is trimmed rather than split further. */
export const MAX_PARTS_PER_ALERT = 3;
/** Room kept for the "(2/3)" line of a numbered part. */
const PART_LABEL_ROOM = 12;

const ICON: Record<AlertSeverity, string> = { info: 'ℹ️', warning: '⚠️', critical: '🚨' };

/** Alerts that go out together: one Telegram message, or the numbered parts of one long alert. */
export interface AlertGroup {
  alertIds: string[];
  parts: string[];
}

/** Plain text cut to at most `limit` characters, never between the halves of a surrogate pair. */
function shorten(text: string, limit: number): string {
  if (text.length <= limit) return text;
  let cut = limit - 1;
  if (/[\uD800-\uDBFF]/.test(text.charAt(cut - 1))) cut -= 1;
  return `${text.slice(0, cut)}…`;
}

/** A plain-text line as escaped HTML pieces that each fit, cut at a space where one is near. */
function cutLine(text: string, limit: number): string[] {
  const pieces: string[] = [];
  let rest = text;
  while (rest.length > limit) {
    const space = rest.lastIndexOf(' ', limit);
    let cut = space > limit / 2 ? space : limit;
    if (/[\uD800-\uDBFF]/.test(rest.charAt(cut - 1))) cut -= 1;
    pieces.push(escapeHtml(rest.slice(0, cut)));
    rest = rest.slice(cut).trimStart();
  }
  pieces.push(escapeHtml(rest));
  return pieces;
}

/** The alert as lines of HTML, each short enough for a message on its own. */
export function alertLines(message: NotifierMessage, limit = MAX_MESSAGE_CHARS): string[] {
  const room = limit - PART_LABEL_ROOM;
  const icon = ICON[message.severity] ?? ICON.info;
  const out = [`${icon} ${bold(shorten(message.title, room - 4))}`];
  for (const line of message.lines) out.push(...cutLine(line, room));
  if (message.url) out.push(link('Details', message.url));
  if (message.footer) out.push(italic(shorten(message.footer, room)));
  return out;
}

function numbered(parts: string[]): string[] {
  if (parts.length === 1) return parts;
  return parts.map((p, i) => (i === 0 ? p : `${italic(`(${i + 1}/${parts.length})`)}\n${p}`));
}

/** One alert as one message, or split in numbered parts, or trimmed beyond MAX_PARTS_PER_ALERT. */
export function alertParts(message: NotifierMessage, limit = MAX_MESSAGE_CHARS): string[] {
  const lines = alertLines(message, limit);
  const whole = packLines(lines, limit);
  if (whole.length === 1) return whole;
  const room = limit - PART_LABEL_ROOM;
  const split = packLines(lines, room);
  if (split.length <= MAX_PARTS_PER_ALERT) return numbered(split);
  const tail = message.url ? `… ${link('Read the rest', message.url)}` : '… (the rest is not shown)';
  const kept: string[] = [];
  for (const line of lines) {
    if (packLines([...kept, line, tail], room).length > MAX_PARTS_PER_ALERT) break;
    kept.push(line);
  }
  return numbered(packLines([...kept, tail], room));
}

/**
 * Groups alerts in order: consecutive alerts share one message (a blank line apart) while it
 * fits, a long alert goes alone in its parts. An alert id seen twice is sent once.
 */
export function groupAlerts(messages: readonly NotifierMessage[], limit = MAX_MESSAGE_CHARS): AlertGroup[] {
  const groups: AlertGroup[] = [];
  let open: { alertIds: string[]; blocks: string[]; size: number } | null = null;
  const seen = new Set<string>();
  for (const message of messages) {
    if (seen.has(message.alertId)) continue;
    seen.add(message.alertId);
    const parts = alertParts(message, limit);
    const size = visibleLength(parts[0]!);
    if (parts.length === 1 && open && open.size + 2 + size <= limit) {
      open.alertIds.push(message.alertId);
      open.blocks.push(parts[0]!);
      open.size += 2 + size;
      continue;
    }
    if (open) groups.push({ alertIds: open.alertIds, parts: [open.blocks.join('\n\n')] });
    open = null;
    if (parts.length === 1) open = { alertIds: [message.alertId], blocks: [parts[0]!], size };
    else groups.push({ alertIds: [message.alertId], parts });
  }
  if (open) groups.push({ alertIds: open.alertIds, parts: [open.blocks.join('\n\n')] });
  return groups;
}
