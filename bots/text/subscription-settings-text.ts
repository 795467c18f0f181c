/** `/quiet`, `/mute` and `/unmute` "for <id>" as plain text: one subscription's settings. */

import type { AlertSettingsReply, SubscriptionSettings } from '../../core/reply/reply-types.js';
import { kindWords } from '../../core/subscriptions/kind-words.js';
import { compactSettingsText, settingsLines } from './alert-settings-text.js';
import { describeTarget } from './common.js';
import { describeSpec } from './subscriptions-text.js';

function headline(reply: AlertSettingsReply, sub: SubscriptionSettings): string {
  const who = `subscription ${sub.subscription.id}`;
  const where = `${who} in ${describeTarget(reply.target)}`;
  const named = kindWords(reply.kinds).join(', ');
  switch (reply.action) {
    case 'shown':
      return `Alert settings of ${where}:`;
    case 'quiet-set':
      return reply.changed
        ? `Quiet hours set for ${where}.`
        : `Those quiet hours were already set for ${where}.`;
    case 'quiet-off':
      return reply.changed
        ? `No quiet hours for ${where}, whatever the chat's.`
        : `${who} already had no quiet hours of its own.`;
    case 'quiet-default':
      return reply.changed
        ? `${who} follows the chat's quiet hours again.`
        : `${who} already follows the chat's quiet hours.`;
    case 'muted':
      return reply.changed ? `Muted for ${where}: ${named}.` : `Already muted for ${who}: ${named}.`;
    case 'unmuted':
      if (reply.kinds.length === 0) return `Nothing was muted for ${who} itself.`;
      return reply.changed
        ? `Unmuted for ${where}: ${named}.`
        : `Not muted for ${who} itself, so nothing changed: ${named}.`;
  }
}

export function subscriptionSettingsText(reply: AlertSettingsReply, sub: SubscriptionSettings): string[] {
  const id = sub.subscription.id;
  const lines = [
    headline(reply, sub),
    `${id}: ${describeSpec(sub.subscription.spec)}.`,
    'In effect for it:',
    ...settingsLines(sub.effective),
    `Its own settings: ${compactSettingsText(sub.own) ?? "none, it follows the chat's"}.`,
    `The whole chat's: ${compactSettingsText(reply.settings) ?? 'none'}.`,
  ];
  const chatMuted = reply.kinds.filter((k) => reply.settings.muted.includes(k));
  if (reply.action === 'unmuted' && chatMuted.length > 0)
    lines.push(
      `Still muted for the whole chat: ${kindWords(chatMuted).join(', ')}; /unmute without "for" lets them through for every subscription.`,
    );
  if (reply.action === 'muted' && reply.changed)
    lines.push(
      `These kinds no longer come through ${id}; another subscription here that matches the same alert still brings it.`,
    );
  if (reply.action === 'shown')
    lines.push(
      `Change them by adding "for ${id}" to /quiet, /mute or /unmute; /quiet default for ${id} follows the chat's quiet hours again.`,
    );
  return lines;
}
