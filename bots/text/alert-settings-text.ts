/**
 * `/quiet`, `/mute`, `/unmute` about the whole chat and `/missed` as plain text, and the settings
 * lines `/subscriptions` shows. The same commands about one subscription: subscription-settings-text.
 */

import { formatDuration } from '../../core/format/duration.js';
import type { AlertSettingsReply, MissedReply, MissedRow } from '../../core/reply/reply-types.js';
import { kindWords } from '../../core/subscriptions/kind-words.js';
import { formatQuietWindow, quietWindowInUtc } from '../../core/subscriptions/quiet-format.js';
import type { AlertSettings } from '../../core/subscriptions/settings.js';
import { describeTarget, formatUtc, plural } from './common.js';

export function quietHoursText(s: AlertSettings): string {
  const q = s.quietHours;
  if (!q) return 'Quiet hours: none.';
  const utc = quietWindowInUtc(q);
  const critical = q.holdCritical ? 'critical alerts wait too' : 'critical alerts still come through';
  return `Quiet hours: ${formatQuietWindow(q)}${utc ? ` (${utc})` : ''}; ${critical}.`;
}

export function mutedText(s: AlertSettings): string {
  return s.muted.length === 0 ? 'Muted: nothing.' : `Muted: ${kindWords(s.muted).join(', ')}.`;
}

export function settingsLines(s: AlertSettings): string[] {
  return [quietHoursText(s), mutedText(s)];
}

/**
 * Settings in one line, saying only what they set: "quiet hours 22:00-07:00 UTC+2; muted: staking",
 * "no quiet hours" (a subscription's own "none"); null when they set nothing.
 */
export function compactSettingsText(s: AlertSettings): string | null {
  const parts: string[] = [];
  const q = s.quietHours;
  if (q)
    parts.push(`quiet hours ${formatQuietWindow(q)}${q.holdCritical ? ', critical alerts wait too' : ''}`);
  else if (s.noQuietHours) parts.push('no quiet hours');
  if (s.muted.length > 0) parts.push(`muted: ${kindWords(s.muted).join(', ')}`);
  return parts.length > 0 ? parts.join('; ') : null;
}

function headline(reply: AlertSettingsReply): string {
  const where = describeTarget(reply.target);
  const named = kindWords(reply.kinds).join(', ');
  switch (reply.action) {
    case 'shown':
      return `Alert settings of ${where}:`;
    case 'quiet-set':
      return reply.changed
        ? `Quiet hours set for ${where}.`
        : `Those quiet hours were already set for ${where}.`;
    case 'quiet-off':
    case 'quiet-default':
      return reply.changed ? `Quiet hours are off in ${where}.` : `${where} had no quiet hours to turn off.`;
    case 'muted':
      return reply.changed ? `Muted in ${where}: ${named}.` : `Already muted in ${where}: ${named}.`;
    case 'unmuted':
      if (reply.kinds.length === 0) return `Nothing was muted in ${where}.`;
      return reply.changed
        ? `Unmuted in ${where}: ${named}.`
        : `Not muted in ${where}, so nothing changed: ${named}.`;
  }
}

export function alertSettingsText(reply: AlertSettingsReply): string[] {
  const lines = [headline(reply), ...settingsLines(reply.settings)];
  if (reply.action === 'muted' && reply.changed)
    lines.push('Muted alerts are not sent here at all, and /missed does not list them.');
  if (reply.action === 'shown')
    lines.push(
      'Change them with /quiet 22:00-07:00 UTC+2, /quiet off, /mute <kind> or /unmute <kind|all>; add "for <id>" (from /subscriptions) to change one subscription only.',
    );
  return lines;
}

/** "24 hours", "3 days". */
export function windowText(hours: number): string {
  return hours % 24 === 0 && hours >= 48 ? `${hours / 24} days` : plural(hours, 'hour');
}

function stateText(row: MissedRow, nowMs: number): string {
  const at = (ms: number | null) =>
    ms === null ? '' : ` ${formatUtc(ms)}${ms > nowMs ? ` (in ${formatDuration(ms - nowMs)})` : ''}`;
  const error = row.error ? `: ${row.error}` : '';
  switch (row.state) {
    case 'sent':
      return 'sent';
    case 'sending':
      return 'being sent';
    case 'quiet-hours':
      return `held for the quiet hours, goes out${at(row.nextAtMs)}`;
    case 'retrying':
      return `failed ${row.attempts === 1 ? 'once' : `${row.attempts} times`}, next try${at(row.nextAtMs)}${error}`;
    case 'failed':
      return `failed${error}`;
    case 'gone':
      return `not delivered: Herald can no longer post here${row.error ? ` (${row.error})` : ''}`;
  }
}

export function missedText(reply: MissedReply): string[] {
  const where = describeTarget(reply.target);
  const window = windowText(reply.hours);
  if (reply.rows.length === 0)
    return [
      `No alerts in ${where} in the last ${window}.`,
      'Muted kinds are not recorded; /subscriptions shows what this chat receives.',
    ];
  const count = reply.more ? `the newest ${reply.rows.length}` : String(reply.rows.length);
  const lines = [`Alerts in ${where} in the last ${window}: ${count}, newest first`];
  for (const row of reply.rows) {
    lines.push(`• ${row.message.title} · ${stateText(row, reply.nowMs)}`);
    for (const l of row.message.lines) lines.push(`    ${l}`);
    lines.push(
      `    detected ${formatUtc(row.detectedAtMs)} (${formatDuration(Math.max(0, reply.nowMs - row.detectedAtMs))} ago)`,
    );
  }
  if (reply.more)
    lines.push(`Older alerts of the last ${window} are left out: only the newest ${reply.limit} are shown.`);
  return lines;
}
