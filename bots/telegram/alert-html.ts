/**
 * Alerts as Telegram HTML with URL buttons: several alerts for one chat share a message while they
 * fit in 4,096 characters and 12 buttons; one alert too long for a message is split on line
 * boundaries into a few numbered parts, and beyond that trimmed, ending with a link to the full
 * story when it has one. Moments are shown in UTC, in the chat's zone when it has one, and relative
 * to the time the alert is sent.
 */
import { utcMinute } from '../../core/alerts/spans.js';
import type { CommandLink, Link } from '../../core/links/urls.js';
import type { AlertSeverity, NotifierMessage, Span } from '../../core/ports/notifier.js';
import { alertTime } from './alert-times.js';
import { bold, escapeHtml, italic, link, packLines, visibleLength } from './html.js';

export const MAX_MESSAGE_CHARS = 4096;
/** An alert longer than this many messages is trimmed rather than split further. */
export const MAX_PARTS_PER_ALERT = 3;
/** Buttons under one message (the buttons of its alerts, each URL once), and how many to a row. */
export const MAX_BUTTONS = 12;
const BUTTONS_PER_ROW = 2;
/** Telegram shows little more of a button's text; longer labels are shortened. */
const MAX_BUTTON_TEXT = 64;
/** Room kept for the "(2/3)" line of a numbered part. */
const PART_LABEL_ROOM = 12;

const ICON: Record<AlertSeverity, string> = { info: 'ℹ️', warning: '⚠️', critical: '🚨' };

/** A URL button, or a button whose callback runs a command line. */
export type AlertButton = Link | CommandLink;

/** Alerts that go out together: one Telegram message, or the numbered parts of one long alert. */
export interface AlertGroup {
  alertIds: string[];
  parts: string[];
  /** Buttons, in rows, under the last part; empty when none of its alerts has one. */
  buttons: AlertButton[][];
}

export interface AlertRenderOptions {
  /** The message limit (default Telegram's 4,096). */
  limit?: number;
  /** When the alert is sent, for "in 23h 57m" (default the clock). */
  nowMs?: number;
}

/** A line's spans as plain text, each moment as UTC, the chat's local time and how far off. */
function lineText(spans: readonly Span[], message: NotifierMessage, nowMs: number): string {
  return spans.map((s) => (typeof s === 'string' ? s : alertTime(s.atMs, nowMs, message.timeZone))).join('');
}

/** The alert's links that Telegram accepts as URL buttons, each URL once. */
export function alertButtons(message: NotifierMessage): Link[] {
  const seen = new Set<string>();
  const out: Link[] = [];
  for (const l of message.links ?? []) {
    if (!/^https?:\/\/[^\s<>"]+$/.test(l.url) || seen.has(l.url) || !l.label.trim()) continue;
    seen.add(l.url);
    out.push({ label: shorten(l.label.trim(), MAX_BUTTON_TEXT), url: l.url });
  }
  return out;
}

/** The alert's command buttons whose line fits Telegram's 64 bytes of callback data, each line once. */
export function alertCommandButtons(message: NotifierMessage): CommandLink[] {
  const seen = new Set<string>();
  const out: CommandLink[] = [];
  for (const c of message.commands ?? []) {
    const bytes = new TextEncoder().encode(c.command).length;
    if (!c.command.startsWith('/') || bytes > 64 || seen.has(c.command) || !c.label.trim()) continue;
    seen.add(c.command);
    out.push({ label: shorten(c.label.trim(), MAX_BUTTON_TEXT), command: c.command });
  }
  return out;
}

/** Buttons as an inline keyboard: URL buttons, and command lines as callback data. */
export function alertKeyboard(buttons: readonly AlertButton[][]) {
  return {
    inline_keyboard: buttons.map((row) =>
      row.map((b) =>
        'url' in b ? { text: b.label, url: b.url } : { text: b.label, callback_data: b.command },
      ),
    ),
  };
}

/** What makes two buttons the same: the URL, or the command line. */
const buttonKey = (b: AlertButton) => ('url' in b ? b.url : `command:${b.command}`);

function rows(links: readonly AlertButton[]): AlertButton[][] {
  const out: AlertButton[][] = [];
  for (let i = 0; i < links.length; i += BUTTONS_PER_ROW) out.push(links.slice(i, i + BUTTONS_PER_ROW));
  return out;
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
export function alertLines(message: NotifierMessage, options: AlertRenderOptions = {}): string[] {
  const limit = options.limit ?? MAX_MESSAGE_CHARS;
  const nowMs = options.nowMs ?? Date.now();
  const room = limit - PART_LABEL_ROOM;
  const icon = ICON[message.severity] ?? ICON.info;
  const out = [`${icon} ${bold(shorten(message.title, room - 4))}`];
  const lines = message.spans?.lines ?? message.lines.map((l) => [l]);
  for (const line of lines) out.push(...cutLine(lineText(line, message, nowMs), room));
  if (message.footer) {
    const when = message.dataAtMs === undefined ? '' : `, ${utcMinute(message.dataAtMs)}`;
    out.push(italic(shorten(`${message.footer}${when}`, room)));
  }
  return out;
}

function numbered(parts: string[]): string[] {
  if (parts.length === 1) return parts;
  return parts.map((p, i) => (i === 0 ? p : `${italic(`(${i + 1}/${parts.length})`)}\n${p}`));
}

/** One alert as one message, or split in numbered parts, or trimmed beyond MAX_PARTS_PER_ALERT. */
export function alertParts(message: NotifierMessage, options: AlertRenderOptions = {}): string[] {
  const limit = options.limit ?? MAX_MESSAGE_CHARS;
  const lines = alertLines(message, options);
  const whole = packLines(lines, limit);
  if (whole.length === 1) return whole;
  const room = limit - PART_LABEL_ROOM;
  const split = packLines(lines, room);
  if (split.length <= MAX_PARTS_PER_ALERT) return numbered(split);
  const more = alertButtons(message)[0];
  const tail = more ? `… the rest is on ${link(more.label, more.url)}` : '… (the rest is not shown)';
  const kept: string[] = [];
  for (const line of lines) {
    if (packLines([...kept, line, tail], room).length > MAX_PARTS_PER_ALERT) break;
    kept.push(line);
  }
  return numbered(packLines([...kept, tail], room));
}

/**
 * Groups alerts in order: consecutive alerts share one message (a blank line apart) while it
 * fits and its buttons stay within MAX_BUTTONS; a long alert goes alone in its parts, its buttons
 * under the last. An alert id seen twice is sent once; a link two alerts share is one button.
 */
export function groupAlerts(
  messages: readonly NotifierMessage[],
  options: AlertRenderOptions = {},
): AlertGroup[] {
  const limit = options.limit ?? MAX_MESSAGE_CHARS;
  const render = { ...options, nowMs: options.nowMs ?? Date.now() };
  const groups: AlertGroup[] = [];
  type Open = {
    alertIds: string[];
    blocks: string[];
    size: number;
    buttons: AlertButton[][];
    urls: Set<string>;
  };
  let open: Open | null = null;
  const close = () => {
    if (open)
      groups.push({ alertIds: open.alertIds, parts: [open.blocks.join('\n\n')], buttons: open.buttons });
    open = null;
  };
  const seen = new Set<string>();
  for (const message of messages) {
    if (seen.has(message.alertId)) continue;
    seen.add(message.alertId);
    const parts = alertParts(message, render);
    const size = visibleLength(parts[0]!);
    const links = [...alertButtons(message), ...alertCommandButtons(message)].slice(0, MAX_BUTTONS);
    const current = open as Open | null;
    const fresh = current ? links.filter((l) => !current.urls.has(buttonKey(l))) : links;
    if (
      parts.length === 1 &&
      current &&
      current.size + 2 + size <= limit &&
      current.urls.size + fresh.length <= MAX_BUTTONS
    ) {
      current.alertIds.push(message.alertId);
      current.blocks.push(parts[0]!);
      current.size += 2 + size;
      current.buttons.push(...rows(fresh));
      for (const l of fresh) current.urls.add(buttonKey(l));
      continue;
    }
    close();
    if (parts.length === 1)
      open = {
        alertIds: [message.alertId],
        blocks: [parts[0]!],
        size,
        buttons: rows(links),
        urls: new Set(links.map(buttonKey)),
      };
    else groups.push({ alertIds: [message.alertId], parts, buttons: rows(links) });
  }
  close();
  return groups;
}
