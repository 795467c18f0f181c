/**
 * What `/quiet`, `/mute` and `/unmute` share: quiet hours and muted alert kinds of the whole chat, or with
 * "for <id>" of one subscription (its own entry, which adds to the chat's). Each answers with the
 * settings as they now are; asking for what already is so writes nothing, and an id the chat does
 * not have writes nothing either.
 */
import type { AlertKind } from '../../core/alerts/alert-types.js';
import { errorReply } from '../../core/reply/builders.js';
import type { AlertSettingsAction, Reply } from '../../core/reply/reply-types.js';
import { type AlertSettings, mergeSettings, TARGET_DEFAULT_KEY } from '../../core/subscriptions/settings.js';
import { alertTarget, chatEntry, normaliseSettings, saveSettings, targetSettings } from './chat-settings.js';
import type { CommandContext } from './context.js';
import type { Frame } from './frame.js';
import { base } from './reply-base.js';
import { subscriptionById } from './subscription-settings.js';

/** What a settings command does to the settings it is about (the chat's, or one subscription's own). */
export interface SettingsEffect {
  action: AlertSettingsAction;
  /** The settings after the command, and the kinds it names. */
  apply(before: AlertSettings, own: boolean): { after: AlertSettings; kinds: AlertKind[] };
}

/** The command's name, and the subscription after "for" (null: the whole chat). */
export interface SettingsTarget {
  name: 'quiet' | 'mute' | 'unmute';
  subscription: string | null;
}

export async function alertSettingsCommand(
  command: SettingsTarget,
  effect: SettingsEffect,
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
  const { after, kinds } = effect.apply(before, command.subscription !== null);
  const changed = await saveSettings(records, target, key, before, after);
  const settings = normaliseSettings(after);
  return {
    type: 'alert-settings',
    target,
    action: effect.action,
    changed,
    kinds,
    settings: subscription ? chat : settings,
    subscription: subscription
      ? { subscription: subscription.value, own: settings, effective: mergeSettings(chat, settings) }
      : null,
    ...base(frame),
  };
}
