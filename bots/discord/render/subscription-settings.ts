/** The embed of /quiet, /mute and /unmute with their `subscription` option: one subscription's settings. */
import type { APIEmbed } from 'discord-api-types/v10';
import type { AlertSettingsReply, SubscriptionSettings } from '../../../core/reply/reply-types.js';
import { kindWords } from '../../../core/subscriptions/kind-words.js';
import { compactSettings, here, placeOf, settingsFields } from './alert-settings.js';
import { COLOURS } from './colours.js';
import { describeSubscription } from './subscriptions.js';

function title(reply: AlertSettingsReply, id: string): string {
  const named = kindWords(reply.kinds).join(', ');
  const chat = reply.target.kind === 'dm' ? 'your DMs' : 'the channel';
  switch (reply.action) {
    case 'shown':
      return `Alert settings of ${id}`;
    case 'quiet-set':
      return reply.changed ? `Quiet hours set for ${id}` : `Those quiet hours were already set for ${id}`;
    case 'quiet-off':
      return reply.changed ? `No quiet hours for ${id}` : `${id} already had no quiet hours of its own`;
    case 'quiet-default':
      return reply.changed
        ? `${id} follows the quiet hours of ${chat} again`
        : `${id} already follows the quiet hours of ${chat}`;
    case 'muted':
      return reply.changed ? `Muted for ${id}: ${named}` : `Already muted for ${id}: ${named}`;
    case 'unmuted':
      if (reply.kinds.length === 0) return `Nothing was muted for ${id} itself`;
      return reply.changed ? `Unmuted for ${id}: ${named}` : `Not muted for ${id} itself: ${named}`;
  }
}

export function subscriptionSettingsEmbed(reply: AlertSettingsReply, sub: SubscriptionSettings): APIEmbed {
  const id = sub.subscription.id;
  const lines = [
    `Subscription \`${id}\` in ${placeOf(reply.target)}: ${describeSubscription(sub.subscription)}.`,
    `Its own settings add to those of ${here(reply.target)}; the fields show what applies to it.`,
  ];
  const chatMuted = reply.kinds.filter((k) => reply.settings.muted.includes(k));
  if (reply.action === 'unmuted' && chatMuted.length > 0)
    lines.push(
      `Still muted for all of ${here(reply.target)}: ${kindWords(chatMuted).join(', ')} (\`/unmute\` without \`subscription\` lets them through).`,
    );
  if (reply.action === 'muted' && reply.changed)
    lines.push('Another subscription here that matches the same alert still brings it.');
  if (reply.action === 'shown')
    lines.push(
      `Change them with \`/quiet\`, \`/mute\` or \`/unmute\` and \`subscription:${id}\`; \`/quiet default\` follows the channel's quiet hours again.`,
    );
  return {
    title: title(reply, id),
    description: lines.join('\n'),
    color: COLOURS.subscription,
    fields: [
      ...settingsFields(sub.effective),
      { name: 'Its own', value: compactSettings(sub.own) ?? "None: it follows the channel's" },
      {
        name: here(reply.target) === 'your DMs' ? 'All your DMs' : 'Whole channel',
        value: compactSettings(reply.settings) ?? 'None',
      },
    ],
  };
}
