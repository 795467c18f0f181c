/**
 * Fan-out of a run's alerts: the subscribers' (and operators') settings are read, each alert goes
 * to the targets whose subscriptions match and did not mute it, and each target's deliveries are
 * grouped into jobs.
 */

import type { Alert } from '../../core/alerts/alert-types.js';
import { type DeliveryJob, groupDeliveries } from '../../core/alerts/grouping.js';
import { type Delivery, fanOut, type SubscriberRef } from '../../core/alerts/matching.js';
import type { AlertRecordStore } from '../../core/ports/alert-records.js';
import type { DeliveryTarget } from '../../core/ports/notifier.js';
import { targetKey } from '../../core/subscriptions/subscription-model.js';

export async function fanOutAlerts(
  records: Pick<AlertRecordStore, 'getSettings'>,
  alerts: readonly Alert[],
  subscribers: readonly SubscriberRef[],
  operators: readonly DeliveryTarget[],
): Promise<{ deliveries: Delivery[]; jobs: DeliveryJob[] }> {
  const settings = await records.getSettings([...subscribers.map((s) => s.target), ...operators]);
  const deliveries = fanOut(alerts, subscribers, (t) => settings.get(targetKey(t)), operators);
  return { deliveries, jobs: groupDeliveries(deliveries) };
}
