/**
 * `/quiet`, `/mute` and `/unmute`: the chat's quiet hours and muted alert kinds. Each answers with
 * the chat's settings as they now are; asking for what already is so writes nothing.
 */
import type { AlertKind } from '../../core/alerts/alert-types.js';
import type { AlertSettings } from '../../core/alerts/settings.js';
import type { Command } from '../../core/commands/command-types.js';
import { errorReply } from '../../core/reply/builders.js';
import type { AlertSettingsAction, Reply } from '../../core/reply/reply-types.js';
import { alertTarget, chatSettings, normaliseSettings, saveChatSettings } from './chat-settings.js';
import type { CommandContext } from './context.js';
import type { Frame } from './frame.js';
import { base } from './reply-base.js';

type SettingsCommand = Extract<Command, { name: 'quiet' | 'mute' | 'unmute' }>;

function next(command: SettingsCommand, before: AlertSettings): { after: AlertSettings; kinds: AlertKind[] } {
  switch (command.name) {
    case 'quiet': {
      const c = command.change;
      const quietHours = c === null ? before.quietHours : c.type === 'off' ? null : c.quietHours;
      return { after: { ...before, quietHours }, kinds: [] };
    }
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
  return command.change.type === 'off' ? 'quiet-off' : 'quiet-set';
}

export async function alertSettingsCommand(
  command: SettingsCommand,
  frame: Frame,
  ctx: CommandContext,
): Promise<Reply> {
  const where = alertTarget(ctx, command.name);
  if (!where.ok) return errorReply(where.error, command.name, frame.freshness);
  const { target, records } = where.value;
  const before = await chatSettings(records, target);
  const { after, kinds } = next(command, before);
  const changed = await saveChatSettings(records, target, before, after);
  return {
    type: 'alert-settings',
    target,
    action: actionOf(command),
    changed,
    kinds,
    settings: normaliseSettings(after),
    ...base(frame),
  };
}
