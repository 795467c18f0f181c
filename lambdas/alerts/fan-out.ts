/**
 * Fan-out of a run's alerts: the subscribers' (and operators') settings are read, each alert goes
 * to the targets whose subscriptions match and did not mute it, and each target's deliveries are
 * grouped into jobs. An alert an earlier run already fanned out (a deadline detected again while
 * its window is open) goes only to subscriptions made or changed since that run read its
 * subscribers: the others have their job already, and their delivery records would refuse it.
 */

import type { Alert } from '../../core/alerts/alert-types.js';
import { type DeliveryJob, groupDeliveries } from '../../core/alerts/grouping.js';
import { type Delivery, fanOut, type SubscriberRef } from '../../core/alerts/matching.js';
import type { AlertRecordStore } from '../../core/ports/alert-records.js';
import type { DeliveryTarget } from '../../core/ports/notifier.js';
import { targetKey } from '../../core/subscriptions/subscription-model.js';

export async function fanOutAlerts(
  records: Pick<AlertRecordStore, 'getSettings' | 'fannedOut'>,
  alerts: readonly Alert[],
  subscribers: readonly SubscriberRef[],
  operators: readonly DeliveryTarget[],
): Promise<{ deliveries: Delivery[]; jobs: DeliveryJob[]; repeated: number }> {
  const marks =
    alerts.length > 0 && records.fannedOut
      ? await records.fannedOut(alerts.map((a) => a.id))
      : new Map<string, number>();
  // Alerts by the time they were last fanned out (null: never).
  const byMark = new Map<number | null, Alert[]>();
  for (const alert of alerts) {
    const at = marks.get(alert.id) ?? null;
    byMark.set(at, [...(byMark.get(at) ?? []), alert]);
  }
  const audience = (at: number | null) =>
    at === null ? subscribers : subscribers.filter((s) => s.subscription.updatedAtMs > at);
  const targets = new Map<string, DeliveryTarget>();
  for (const [at] of byMark) for (const s of audience(at)) targets.set(targetKey(s.target), s.target);
  for (const t of operators) targets.set(targetKey(t), t);
  const settings = targets.size > 0 ? await records.getSettings([...targets.values()]) : new Map();
  const lookup = (t: DeliveryTarget) => settings.get(targetKey(t));
  const deliveries: Delivery[] = [];
  for (const [at, list] of byMark)
    deliveries.push(...fanOut(list, audience(at), lookup, at === null ? operators : []));
  const repeated = alerts.length - (byMark.get(null)?.length ?? 0);
  return { deliveries, jobs: groupDeliveries(deliveries), repeated };
}
