/** The embed of /missed: the channel's recent alerts, each with what became of it. */
import type { APIEmbed, APIEmbedField } from 'discord-api-types/v10';
import type { MissedReply, MissedRow } from '../../../core/reply/reply-types.js';
import { clip, EMBED_LIMITS, escapeMarkdown } from '../limits.js';
import { here, placeOf } from './alert-settings.js';
import { COLOURS, SEVERITY_COLOURS } from './colours.js';
import { relative, when } from './time.js';

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
