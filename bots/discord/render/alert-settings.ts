/** Embeds of /quiet, /mute, /unmute and /missed, and the settings field /subscriptions shows. */
import type { APIEmbed, APIEmbedField } from 'discord-api-types/v10';
import type { AlertSettings } from '../../../core/alerts/settings.js';
import { kindWords } from '../../../core/commands/alert-kind-words.js';
import { formatQuietWindow, quietWindowInUtc } from '../../../core/commands/quiet-arguments.js';
import type { TargetRef } from '../../../core/commands/subscription-model.js';
import type { AlertSettingsReply, MissedReply, MissedRow } from '../../../core/reply/reply-types.js';
import { SEVERITY_COLOURS } from '../alert-embeds.js';
import { clip, EMBED_LIMITS, escapeMarkdown } from '../limits.js';
import { COLOURS } from './colours.js';
import { relative, when } from './time.js';

function quietText(s: AlertSettings): string {
  const q = s.quietHours;
  if (!q) return 'None';
  const utc = quietWindowInUtc(q);
  return [
    `\`${formatQuietWindow(q)}\`${utc ? ` (${utc})` : ''}`,
    q.holdCritical ? 'Critical alerts wait too.' : 'Critical alerts still come through.',
  ].join('\n');
}

function mutedText(s: AlertSettings): string {
  return s.muted.length === 0
    ? 'Nothing'
    : kindWords(s.muted)
        .map((w) => `\`${w}\``)
        .join(', ');
}

/** The two fields every settings answer (and /subscriptions) shows. */
export function settingsFields(s: AlertSettings): APIEmbedField[] {
  return [
    { name: 'Quiet hours', value: quietText(s), inline: true },
    { name: 'Muted', value: mutedText(s), inline: true },
  ];
}

const here = (t: TargetRef) => (t.kind === 'dm' ? 'your DMs' : 'this channel');
const placeOf = (t: TargetRef) => (t.kind === 'dm' ? 'your DMs' : `<#${t.id}>`);

function title(reply: AlertSettingsReply): string {
  const named = kindWords(reply.kinds).join(', ');
  switch (reply.action) {
    case 'shown':
      return `Alert settings of ${here(reply.target)}`;
    case 'quiet-set':
      return reply.changed ? 'Quiet hours set' : 'Those quiet hours were already set';
    case 'quiet-off':
      return reply.changed ? 'Quiet hours off' : 'There were no quiet hours to turn off';
    case 'muted':
      return reply.changed ? `Muted: ${named}` : `Already muted: ${named}`;
    case 'unmuted':
      if (reply.kinds.length === 0) return 'Nothing was muted';
      return reply.changed ? `Unmuted: ${named}` : `Not muted, nothing changed: ${named}`;
  }
}

export function alertSettingsEmbed(reply: AlertSettingsReply): APIEmbed {
  const lines = [`Alerts in ${placeOf(reply.target)}.`];
  if (reply.action === 'muted' && reply.changed)
    lines.push('Muted alerts are not sent here at all, and `/missed` does not list them.');
  if (reply.action === 'shown')
    lines.push('Change them with `/quiet set`, `/quiet off`, `/mute` and `/unmute`.');
  return {
    title: title(reply),
    description: lines.join('\n'),
    color: COLOURS.subscription,
    fields: settingsFields(reply.settings),
  };
}

const STATE_ICONS: Record<MissedRow['state'], string> = {
  sent: '✅',
  sending: '📤',
  'quiet-hours': '🌙',
  retrying: '🔁',
  failed: '❌',
  gone: '🚫',
};

function stateText(row: MissedRow): string {
  const at = row.nextAtMs === null ? '' : ` ${when(row.nextAtMs)}`;
  const error = row.error ? `: ${escapeMarkdown(clip(row.error, 200))}` : '';
  switch (row.state) {
    case 'sent':
      return 'Sent';
    case 'sending':
      return 'Being sent';
    case 'quiet-hours':
      return `Held for the quiet hours, goes out${at}`;
    case 'retrying':
      return `Failed ${row.attempts === 1 ? 'once' : `${row.attempts} times`}, next try${at}${error}`;
    case 'failed':
      return `Failed${error}`;
    case 'gone':
      return `Not delivered: Herald can no longer post here${error}`;
  }
}

function windowText(hours: number): string {
  return hours % 24 === 0 && hours >= 48 ? `${hours / 24} days` : `${hours} hour${hours === 1 ? '' : 's'}`;
}

/** Room left for fields once the title, description and footer are in. */
const FIELD_BUDGET = EMBED_LIMITS.total - 600;

export function missedEmbed(reply: MissedReply): APIEmbed {
  const window = windowText(reply.hours);
  if (reply.rows.length === 0)
    return {
      title: `No alerts in ${here(reply.target)} in the last ${window}`,
      description: 'Muted kinds are not recorded; `/subscriptions` shows what is subscribed here.',
      color: COLOURS.subscription,
    };
  const fields: APIEmbedField[] = [];
  let used = 0;
  for (const row of reply.rows) {
    const name = clip(`${STATE_ICONS[row.state]} ${row.message.title}`, EMBED_LIMITS.fieldName);
    const value = clip(
      [
        ...row.message.lines.map(escapeMarkdown),
        `**${stateText(row)}** · detected ${relative(row.detectedAtMs)}`,
      ].join('\n'),
      EMBED_LIMITS.fieldValue,
    );
    if (used + name.length + value.length > FIELD_BUDGET || fields.length >= EMBED_LIMITS.fields) break;
    used += name.length + value.length;
    fields.push({ name, value });
  }
  const shown = fields.length;
  const left = reply.rows.length - shown;
  const notes: string[] = [`Newest first, in ${placeOf(reply.target)}.`];
  if (left > 0 || reply.more)
    notes.push(`Older alerts of the last ${window} are left out: only the newest ${shown} fit here.`);
  const worst = reply.rows.some((r) => r.state === 'failed' || r.state === 'gone');
  return {
    title: `Alerts in ${here(reply.target)}, last ${window} (${reply.more ? `${reply.limit}+` : reply.rows.length})`,
    description: notes.join('\n'),
    color: worst ? SEVERITY_COLOURS.warning : COLOURS.subscription,
    fields,
  };
}
