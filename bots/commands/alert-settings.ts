/**
 * `/quiet`, `/mute` and `/unmute`: quiet hours and muted alert kinds of the whole chat, or with
 * "for <id>" of one subscription (its own entry, which adds to the chat's). Each answers with the
 * settings as they now are; asking for what already is so writes nothing, and an id the chat does
 * not have writes nothing either.
 */
import type { AlertKind } from '../../core/alerts/alert-types.js';
import type { Command } from '../../core/commands/command-types.js';
import { errorReply } from '../../core/reply/builders.js';
import type { AlertSettingsAction, Reply } from '../../core/reply/reply-types.js';
import { type AlertSettings, mergeSettings, TARGET_DEFAULT_KEY } from '../../core/subscriptions/settings.js';
import { alertTarget, chatEntry, normaliseSettings, saveSettings, targetSettings } from './chat-settings.js';
import type { CommandContext } from './context.js';
import type { Frame } from './frame.js';
import { base } from './reply-base.js';
import { subscriptionById } from './subscription-settings.js';

type SettingsCommand = Extract<Command, { name: 'quiet' | 'mute' | 'unmute' }>;

/** The quiet hours after the command; for a subscription, "off" is its own "none". */
function quietAfter(command: Extract<SettingsCommand, { name: 'quiet' }>, before: AlertSettings) {
  const c = command.change;
  const own = command.subscription !== null;
  if (c === null) return before;
  const { noQuietHours: _, ...rest } = before;
  if (c.type === 'set') return { ...rest, quietHours: c.quietHours };
  if (c.type === 'off')
    return own ? { ...rest, quietHours: null, noQuietHours: true } : { ...rest, quietHours: null };
  // "default" (the parser only takes it with "for <id>"): no choice of its own any more.
  return { ...rest, quietHours: null };
}

function next(command: SettingsCommand, before: AlertSettings): { after: AlertSettings; kinds: AlertKind[] } {
  switch (command.name) {
    case 'quiet':
      return { after: quietAfter(command, before), kinds: [] };
    case 'mute':
      return { after: { ...before, muted: [...before.muted, ...command.kinds] }, kinds: command.kinds };
    case 'unmute': {
      const kinds = command.kinds === 'all' ? before.muted : command.kinds;
      return { after: { ...before, muted: before.muted.filter((k) => !kinds.includes(k)) }, kinds };
    }
  }
}

function actionOf(command: SettingsCommand): AlertSettingsAction {
  if (command.name === 'mute') return 'muted';
  if (command.name === 'unmute') return 'unmuted';
  if (command.change === null) return 'shown';
  const type = command.change.type;
  return type === 'off' ? 'quiet-off' : type === 'default' ? 'quiet-default' : 'quiet-set';
}

export async function alertSettingsCommand(
  command: SettingsCommand,
  frame: Frame,
  ctx: CommandContext,
): Promise<Reply> {
  const where = alertTarget(ctx, command.name);
  if (!where.ok) return errorReply(where.error, command.name, frame.freshness);
  const { target, records } = where.value;
  const subscription =
    command.subscription === null
      ? null
      : await subscriptionById(ctx, target, command.subscription, command.name);
  if (subscription && !subscription.ok) return errorReply(subscription.error, command.name, frame.freshness);
  const all = await targetSettings(records, target);
  const chat = chatEntry(all);
  const key = subscription ? subscription.value.key : TARGET_DEFAULT_KEY;
  const before =
    key === TARGET_DEFAULT_KEY ? chat : normaliseSettings(all.get(key) ?? { muted: [], quietHours: null });
  const { after, kinds } = next(command, before);
  const changed = await saveSettings(records, target, key, before, after);
  const settings = normaliseSettings(after);
  return {
    type: 'alert-settings',
    target,
    action: actionOf(command),
    changed,
    kinds,
    settings: subscription ? chat : settings,
    subscription: subscription
      ? { subscription: subscription.value, own: settings, effective: mergeSettings(chat, settings) }
      : null,
    ...base(frame),
  };
}
