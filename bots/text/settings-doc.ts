/**
 * `/quiet`, `/mute`, `/unmute` as documents: about the whole chat, or "for <id>" about one
 * subscription; and the settings lines `/subscriptions` shows.
 */
import type { DeliveryTarget } from '../../core/ports/notifier.js';
import type { AlertSettingsReply, SubscriptionSettings } from '../../core/reply/reply-types.js';
import { kindWords } from '../../core/subscriptions/kind-words.js';
import { formatQuietWindow, quietWindowInUtc } from '../../core/subscriptions/quiet-format.js';
import type { AlertSettings } from '../../core/subscriptions/settings.js';
import { describeTarget } from './common.js';
import { baseDocument } from './doc-base.js';
import { code, type DocLine, fact, line, type ReplyDocument, type Span, section } from './document.js';
import { specSpans } from './subscription-words.js';

/** "this chat", "this channel", "your DMs": the place a setting holds for. */
export function chatNoun(t: DeliveryTarget): string {
  if (t.kind === 'dm') return 'your DMs';
  return t.platform === 'discord' ? 'this channel' : 'this chat';
}

export function quietHoursLine(s: AlertSettings): DocLine {
  const q = s.quietHours;
  if (!q) return fact('Quiet hours', 'none.');
  const utc = quietWindowInUtc(q);
  const critical = q.holdCritical ? 'critical alerts wait too' : 'critical alerts still come through';
  return fact('Quiet hours', code(formatQuietWindow(q)), `${utc ? ` (${utc})` : ''}; ${critical}.`);
}

export function mutedLine(s: AlertSettings): DocLine {
  return fact('Muted', s.muted.length === 0 ? 'nothing.' : `${kindWords(s.muted).join(', ')}.`);
}

export function settingsLines(s: AlertSettings): DocLine[] {
  return [quietHoursLine(s), mutedLine(s)];
}

/**
 * Settings in one line, saying only what they set: "quiet hours 22:00-07:00 UTC+2; muted: staking",
 * "no quiet hours" (a subscription's own "none"); null when they set nothing.
 */
export function compactSettings(s: AlertSettings): Span[] | null {
  const parts: Span[][] = [];
  const q = s.quietHours;
  if (q)
    parts.push([
      'quiet hours ',
      code(formatQuietWindow(q)),
      ...(q.holdCritical ? [', critical alerts wait too'] : []),
    ]);
  else if (s.noQuietHours) parts.push(['no quiet hours']);
  if (s.muted.length > 0) parts.push([`muted: ${kindWords(s.muted).join(', ')}`]);
  if (parts.length === 0) return null;
  return parts.flatMap((p, i) => (i === 0 ? p : ['; ', ...p]));
}

const capital = (text: string) => text.charAt(0).toUpperCase() + text.slice(1);

function chatHeadline(reply: AlertSettingsReply): string {
  const where = describeTarget(reply.target);
  const named = kindWords(reply.kinds).join(', ');
  switch (reply.action) {
    case 'shown':
      return `Alert settings of ${where}`;
    case 'quiet-set':
      return reply.changed
        ? `Quiet hours set for ${where}`
        : `Those quiet hours were already set for ${where}`;
    case 'quiet-off':
    case 'quiet-default':
      return reply.changed ? `Quiet hours are off in ${where}` : `${where} had no quiet hours to turn off`;
    case 'muted':
      return reply.changed ? `Muted in ${where}: ${named}` : `Already muted in ${where}: ${named}`;
    case 'unmuted':
      if (reply.kinds.length === 0) return `Nothing was muted in ${where}`;
      return reply.changed
        ? `Unmuted in ${where}: ${named}`
        : `Not muted in ${where}, so nothing changed: ${named}`;
  }
}

/** How to change the settings, in the platform's own command syntax. */
function changeHint(reply: AlertSettingsReply): DocLine {
  if (reply.target.platform === 'discord')
    return line(
      'Change them with ',
      code('/quiet set'),
      ', ',
      code('/quiet off'),
      ', ',
      code('/mute'),
      ' and ',
      code('/unmute'),
      '; their subscription option changes one subscription only.',
    );
  return line(
    'Change them with ',
    code('/quiet 22:00-07:00 UTC+2'),
    ', ',
    code('/quiet off'),
    ', ',
    code('/mute <kind>'),
    ' or ',
    code('/unmute <kind|all>'),
    '; add "for <id>" (from /subscriptions) to change one subscription only.',
  );
}

function chatSettingsDocument(reply: AlertSettingsReply): ReplyDocument {
  const doc = baseDocument(reply, [capital(chatHeadline(reply))], 'subscription');
  doc.sections = [section(null, settingsLines(reply.settings))];
  if (reply.action === 'muted' && reply.changed)
    doc.notes = [line('Muted alerts are not sent here at all, and /missed does not list them.')];
  if (reply.action === 'shown') doc.notes = [changeHint(reply)];
  return doc;
}

function subscriptionHeadline(reply: AlertSettingsReply, id: string): string {
  const who = `subscription ${id}`;
  const named = kindWords(reply.kinds).join(', ');
  const chat = chatNoun(reply.target);
  switch (reply.action) {
    case 'shown':
      return `Alert settings of ${who}`;
    case 'quiet-set':
      return reply.changed ? `Quiet hours set for ${who}` : `Those quiet hours were already set for ${who}`;
    case 'quiet-off':
      return reply.changed
        ? `No quiet hours for ${who}, whatever the quiet hours of ${chat}`
        : `${who} already had no quiet hours of its own`;
    case 'quiet-default':
      return reply.changed
        ? `${who} follows the quiet hours of ${chat} again`
        : `${who} already follows the quiet hours of ${chat}`;
    case 'muted':
      return reply.changed ? `Muted for ${who}: ${named}` : `Already muted for ${who}: ${named}`;
    case 'unmuted':
      if (reply.kinds.length === 0) return `Nothing was muted for ${who} itself`;
      return reply.changed
        ? `Unmuted for ${who}: ${named}`
        : `Not muted for ${who} itself, so nothing changed: ${named}`;
  }
}

function subscriptionHint(reply: AlertSettingsReply, id: string): DocLine {
  if (reply.target.platform === 'discord')
    return line(
      'Change them with /quiet, /mute or /unmute and ',
      code(`subscription:${id}`),
      '; ',
      code('/quiet default'),
      ` follows the quiet hours of ${chatNoun(reply.target)} again.`,
    );
  return line(
    `Change them by adding "for ${id}" to /quiet, /mute or /unmute; `,
    code(`/quiet default for ${id}`),
    ` follows the quiet hours of ${chatNoun(reply.target)} again.`,
  );
}

function subscriptionSettingsDocument(reply: AlertSettingsReply, sub: SubscriptionSettings): ReplyDocument {
  const id = sub.subscription.id;
  const chat = chatNoun(reply.target);
  const doc = baseDocument(reply, [capital(subscriptionHeadline(reply, id))], 'subscription');
  doc.subtitle = [
    line(code(id), ': ', ...specSpans(sub.subscription.spec), `, in ${describeTarget(reply.target)}.`),
  ];
  doc.sections = [
    section('In effect for it', settingsLines(sub.effective)),
    section(null, [
      fact('Its own settings', ...(compactSettings(sub.own) ?? [`none, it follows those of ${chat}`])),
      fact(`For all of ${chat}`, ...(compactSettings(reply.settings) ?? ['none'])),
    ]),
  ];
  const chatMuted = reply.kinds.filter((k) => reply.settings.muted.includes(k));
  if (reply.action === 'unmuted' && chatMuted.length > 0)
    doc.notes.push(
      line(
        `Still muted for all of ${chat}: ${kindWords(chatMuted).join(', ')}; /unmute without a subscription lets them through for every subscription.`,
      ),
    );
  if (reply.action === 'muted' && reply.changed)
    doc.notes.push(
      line(
        `These kinds no longer come through ${id}; another subscription here that matches the same alert still brings it.`,
      ),
    );
  if (reply.action === 'shown') doc.notes.push(subscriptionHint(reply, id));
  return doc;
}

export function settingsDocument(reply: AlertSettingsReply): ReplyDocument {
  return reply.subscription
    ? subscriptionSettingsDocument(reply, reply.subscription)
    : chatSettingsDocument(reply);
}
