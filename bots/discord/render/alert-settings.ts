/**
 * Embeds of /quiet, /mute and /unmute about the whole channel, and the settings fields
 * /subscriptions shows. The same commands about one subscription: subscription-settings.ts.
 */
import type { APIEmbed, APIEmbedField } from 'discord-api-types/v10';
import type { DeliveryTarget } from '../../../core/ports/notifier.js';
import type { AlertSettingsReply } from '../../../core/reply/reply-types.js';
import { kindWords } from '../../../core/subscriptions/kind-words.js';
import { formatQuietWindow, quietWindowInUtc } from '../../../core/subscriptions/quiet-format.js';
import type { AlertSettings } from '../../../core/subscriptions/settings.js';
import { COLOURS } from './colours.js';

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

/** Only what the settings set, in one line: "quiet `22:00-07:00 UTC+2`; muted `staking`"; null for nothing. */
export function compactSettings(s: AlertSettings): string | null {
  const parts: string[] = [];
  const q = s.quietHours;
  if (q) parts.push(`quiet \`${formatQuietWindow(q)}\`${q.holdCritical ? ' (critical too)' : ''}`);
  else if (s.noQuietHours) parts.push('no quiet hours');
  if (s.muted.length > 0) parts.push(`muted ${mutedText(s)}`);
  return parts.length > 0 ? parts.join('; ') : null;
}

export const here = (t: DeliveryTarget) => (t.kind === 'dm' ? 'your DMs' : 'this channel');
export const placeOf = (t: DeliveryTarget) => (t.kind === 'dm' ? 'your DMs' : `<#${t.id}>`);

function title(reply: AlertSettingsReply): string {
  const named = kindWords(reply.kinds).join(', ');
  switch (reply.action) {
    case 'shown':
      return `Alert settings of ${here(reply.target)}`;
    case 'quiet-set':
      return reply.changed ? 'Quiet hours set' : 'Those quiet hours were already set';
    case 'quiet-off':
    case 'quiet-default':
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
    lines.push(
      'Change them with `/quiet set`, `/quiet off`, `/mute` and `/unmute`; their `subscription` option changes one subscription only.',
    );
  return {
    title: title(reply),
    description: lines.join('\n'),
    color: COLOURS.subscription,
    fields: settingsFields(reply.settings),
  };
}
