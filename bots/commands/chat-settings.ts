/**
 * A chat's alert settings as the commands read and write them: the target-wide entry ("*") of the
 * alert records, normalised so equal settings compare equal, and written only when they change.
 */
import { ALERT_KINDS } from '../../core/alerts/alert-types.js';
import { type AlertSettings, TARGET_DEFAULT_KEY } from '../../core/alerts/settings.js';
import { sortKinds } from '../../core/commands/alert-kind-words.js';
import { commandError, ok, type Parsed } from '../../core/commands/errors.js';
import type { CommandName } from '../../core/commands/grammar.js';
import { type TargetRef, targetKey } from '../../core/commands/subscription-model.js';
import type { ChatAlertRecords, CommandContext } from './context.js';

export function normaliseSettings(s: AlertSettings): AlertSettings {
  const q = s.quietHours;
  return {
    muted: sortKinds(s.muted.filter((k) => ALERT_KINDS.includes(k))),
    quietHours: q
      ? {
          startMinute: q.startMinute,
          endMinute: q.endMinute,
          utcOffsetMinutes: q.utcOffsetMinutes,
          holdCritical: q.holdCritical === true,
        }
      : null,
  };
}

export async function chatSettings(records: ChatAlertRecords, target: TargetRef): Promise<AlertSettings> {
  const all = await records.getSettings([target]);
  const found = all.get(targetKey(target))?.get(TARGET_DEFAULT_KEY);
  return normaliseSettings(found ?? { muted: [], quietHours: null });
}

/** Writes `after` when it differs from `before`; an empty result removes the entry. True when written. */
export async function saveChatSettings(
  records: ChatAlertRecords,
  target: TargetRef,
  before: AlertSettings,
  after: AlertSettings,
): Promise<boolean> {
  const next = normaliseSettings(after);
  if (JSON.stringify(next) === JSON.stringify(normaliseSettings(before))) return false;
  const empty = next.muted.length === 0 && next.quietHours === null;
  await records.putSettings(target, TARGET_DEFAULT_KEY, empty ? null : next);
  return true;
}

/** The chat this command came from, with the alert records to read, or why there is none. */
export function alertTarget(
  ctx: CommandContext,
  command: CommandName,
): Parsed<{ target: TargetRef; records: ChatAlertRecords }> {
  if (!ctx.caller)
    return {
      ok: false,
      error: commandError(
        'no-target',
        `/${command} is about the alerts of a chat, a channel or your DMs, and this request came from none of them.`,
        'Send the command from the Discord channel, Telegram chat or DM whose alerts it is about.',
      ),
    };
  if (!ctx.alertRecords)
    return {
      ok: false,
      error: commandError(
        'unavailable',
        `/${command} is not available here: this Herald has no alert records to read.`,
        null,
      ),
    };
  const { platform, kind, id } = ctx.caller;
  return ok({ target: { platform, kind, id }, records: ctx.alertRecords });
}
