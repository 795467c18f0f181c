/** What `/quiet` does to the settings it is about; for a subscription, "off" is its own "none". */

import type { AlertSettingsAction } from '../../../core/reply/reply-types.js';
import { quietOffsetAt } from '../../../core/subscriptions/quiet-hours.js';
import type { AlertSettings } from '../../../core/subscriptions/settings.js';
import type { SettingsEffect } from '../alert-settings.js';
import type { QuietCommand } from './grammar.js';

function quietAfter(
  command: QuietCommand,
  before: AlertSettings,
  own: boolean,
  nowMs: number,
): AlertSettings {
  const c = command.change;
  if (c === null) return before;
  const { noQuietHours: _, ...rest } = before;
  if (c.type === 'set') {
    // A zone's offset as of now, for readers that know only offsets.
    const q = c.quietHours;
    return { ...rest, quietHours: { ...q, utcOffsetMinutes: quietOffsetAt(q, nowMs) } };
  }
  if (c.type === 'off')
    return own ? { ...rest, quietHours: null, noQuietHours: true } : { ...rest, quietHours: null };
  // "default" (the parser only takes it with "for <id>"): no choice of its own any more.
  return { ...rest, quietHours: null };
}

function actionOf(command: QuietCommand): AlertSettingsAction {
  if (command.change === null) return 'shown';
  const type = command.change.type;
  return type === 'off' ? 'quiet-off' : type === 'default' ? 'quiet-default' : 'quiet-set';
}

/** `nowMs`: when the command runs (a zone's offset is recorded as of then). */
export function quietEffect(command: QuietCommand, nowMs: number): SettingsEffect {
  return {
    action: actionOf(command),
    apply: (before, own) => ({ after: quietAfter(command, before, own, nowMs), kinds: [] }),
  };
}
