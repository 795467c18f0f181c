/**
 * A chat's alert settings as the commands read and write them: the alert records' entries of one
 * target, the whole chat's ("*") and each subscription's own (by its key), normalised so equal
 * settings compare equal, and written only when they change.
 */
import { ALERT_KINDS } from '../../core/alerts/alert-types.js';
import type { CommandName } from '../../core/commands/command-spec.js';
import { commandError, ok, type Parsed } from '../../core/commands/errors.js';
import type { DeliveryTarget } from '../../core/ports/notifier.js';
import { sortKinds } from '../../core/subscriptions/kind-words.js';
import {
  type AlertSettings,
  isEmptySettings,
  NO_SETTINGS,
  TARGET_DEFAULT_KEY,
} from '../../core/subscriptions/settings.js';
import { targetKey } from '../../core/subscriptions/subscription-model.js';
import type { ChatAlertRecords, CommandContext } from './context.js';

export function normaliseSettings(s: AlertSettings): AlertSettings {
  const q = s.quietHours;
  const out: AlertSettings = {
    muted: sortKinds(s.muted.filter((k) => ALERT_KINDS.includes(k))),
    quietHours: q
      ? {
          startMinute: q.startMinute,
          endMinute: q.endMinute,
          utcOffsetMinutes: q.utcOffsetMinutes,
          ...(q.timeZone !== undefined ? { timeZone: q.timeZone } : {}),
          holdCritical: q.holdCritical === true,
        }
      : null,
  };
  if (!q && s.noQuietHours === true) out.noQuietHours = true;
  return out;
}

/** Every settings entry of the target: "*" and subscription keys, normalised. */
export async function targetSettings(
  records: ChatAlertRecords,
  target: DeliveryTarget,
): Promise<Map<string, AlertSettings>> {
  const all = await records.getSettings([target]);
  const entries = [...(all.get(targetKey(target)) ?? [])];
  return new Map(entries.map(([key, s]) => [key, normaliseSettings(s)]));
}

export function chatEntry(all: ReadonlyMap<string, AlertSettings>): AlertSettings {
  return all.get(TARGET_DEFAULT_KEY) ?? normaliseSettings(NO_SETTINGS);
}

/**
 * Writes `after` under `key` ("*" or a subscription key) when it differs from `before`; an empty
 * result removes the entry. True when written.
 */
export async function saveSettings(
  records: ChatAlertRecords,
  target: DeliveryTarget,
  key: string,
  before: AlertSettings,
  after: AlertSettings,
): Promise<boolean> {
  const next = normaliseSettings(after);
  if (JSON.stringify(next) === JSON.stringify(normaliseSettings(before))) return false;
  await records.putSettings(target, key, isEmptySettings(next) ? null : next);
  return true;
}

/** The chat this command came from, with the alert records to read, or why there is none. */
export function alertTarget(
  ctx: CommandContext,
  command: CommandName,
): Parsed<{ target: DeliveryTarget; records: ChatAlertRecords }> {
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
