/**
 * What a subscriber chooses beyond the subscription itself: alert kinds to mute and quiet hours.
 * A target keeps one entry for the whole chat ("*") and optionally one per subscription (by its
 * key). A subscription's own entry adds to the chat's: the kinds muted in either are muted, and its
 * own quiet hours (or its own "none") replace the chat's; without its own quiet hours it keeps the
 * chat's.
 */
import { ALERT_KINDS, type AlertKind } from '../alerts/alert-types.js';
import { type QuietHours, quietHoursProblem } from './quiet-hours.js';

/** An alert kind, as a chat's settings name it to mute it. */
export type MutedKind = AlertKind;

export interface AlertSettings {
  /** Kinds this subscriber does not want. */
  muted: AlertKind[];
  quietHours: QuietHours | null;
  /**
   * Only meaningful on a subscription's own entry: true when it has no quiet hours even though the
   * chat has some (quietHours is then null). Without it, a null there means "the chat's".
   */
  noQuietHours?: boolean;
}

/** The key of a target's default settings; other keys are subscription keys ("address:…"). */
export const TARGET_DEFAULT_KEY = '*';

export const NO_SETTINGS: AlertSettings = { muted: [], quietHours: null };

export function settingsProblem(value: unknown): string | null {
  if (typeof value !== 'object' || value === null) return 'settings are an object with muted and quietHours';
  const s = value as AlertSettings;
  if (!Array.isArray(s.muted) || !s.muted.every((k) => ALERT_KINDS.includes(k)))
    return `muted must list alert kinds (${ALERT_KINDS.join(', ')})`;
  if (s.noQuietHours !== undefined && typeof s.noQuietHours !== 'boolean')
    return 'noQuietHours is true or false';
  if (s.quietHours !== null) {
    if (s.noQuietHours === true) return 'noQuietHours goes with quietHours null';
    return quietHoursProblem(s.quietHours);
  }
  return null;
}

/** True when the entry says nothing: no muted kind, no quiet hours of its own, no "none" either. */
export function isEmptySettings(s: AlertSettings): boolean {
  return s.muted.length === 0 && s.quietHours === null && s.noQuietHours !== true;
}

/** What applies to a subscription: the chat's settings with its own on top (see the file comment). */
export function mergeSettings(
  chat: AlertSettings | undefined,
  own: AlertSettings | undefined,
): AlertSettings {
  const muted = new Set<AlertKind>([...(chat?.muted ?? []), ...(own?.muted ?? [])]);
  const quietHours = own?.quietHours ?? (own?.noQuietHours === true ? null : (chat?.quietHours ?? null));
  return { muted: ALERT_KINDS.filter((k) => muted.has(k)), quietHours };
}

/** The settings that apply to a subscription key ("*" gives the chat's own). */
export function settingsFor(
  all: ReadonlyMap<string, AlertSettings> | undefined,
  subscriptionKey: string,
): AlertSettings {
  const chat = all?.get(TARGET_DEFAULT_KEY);
  return mergeSettings(chat, subscriptionKey === TARGET_DEFAULT_KEY ? undefined : all?.get(subscriptionKey));
}
