/**
 * Table keys of the alert records. Only this file builds them.
 *
 *   ADLV#<target key> / A#<alert id>   delivery record of one alert to one target
 *   ASET#<target key> / S              the target's alert settings (map by subscription key)
 *   ALERTS            / CURSOR         the detector's cursor: newest version fanned out
 *   AFAN#<alert id>   / F              when the alert's jobs were last all enqueued
 */

import type { DeliveryTarget } from '../../../core/ports/notifier.js';
import { targetKey } from '../../../core/subscriptions/subscription-model.js';
import type { ItemKey } from '../table/index.js';

export function deliveryPk(target: DeliveryTarget): string {
  return `ADLV#${targetKey(target)}`;
}

export function deliveryKey(target: DeliveryTarget, alertId: string): ItemKey {
  return { pk: deliveryPk(target), sk: `A#${alertId}` };
}

export function settingsKey(target: DeliveryTarget): ItemKey {
  return { pk: `ASET#${targetKey(target)}`, sk: 'S' };
}

export const CURSOR_KEY: ItemKey = { pk: 'ALERTS', sk: 'CURSOR' };

/** One item per alert id: its own partition, written once a run that detects it. */
export function fanOutKey(alertId: string): ItemKey {
  return { pk: `AFAN#${alertId}`, sk: 'F' };
}
