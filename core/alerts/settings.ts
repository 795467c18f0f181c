/**
 * What a subscriber chooses beyond the subscription itself: alert kinds to mute and quiet hours.
 * Settings are kept per subscription (by its key) with an optional default for the whole target.
 */
import { ALERT_KINDS, type AlertKind } from './alert-types.js';
import { type QuietHours, quietHoursProblem } from './quiet-hours.js';

export interface AlertSettings {
  /** Kinds this subscriber does not want. */
  muted: AlertKind[];
  quietHours: QuietHours | null;
}

/** The key of a target's default settings; other keys are subscription keys ("address:…"). */
export const TARGET_DEFAULT_KEY = '*';

export const NO_SETTINGS: AlertSettings = { muted: [], quietHours: null };

export function settingsProblem(value: unknown): string | null {
  if (typeof value !== 'object' || value === null) return 'settings are an object with muted and quietHours';
  const s = value as AlertSettings;
  if (!Array.isArray(s.muted) || !s.muted.every((k) => ALERT_KINDS.includes(k)))
    return `muted must list alert kinds (${ALERT_KINDS.join(', ')})`;
  if (s.quietHours !== null) return quietHoursProblem(s.quietHours);
  return null;
}

/** The settings that apply to a subscription: its own, else the target's default, else none. */
export function settingsFor(
  all: ReadonlyMap<string, AlertSettings> | undefined,
  subscriptionKey: string,
): AlertSettings {
  return all?.get(subscriptionKey) ?? all?.get(TARGET_DEFAULT_KEY) ?? NO_SETTINGS;
}
