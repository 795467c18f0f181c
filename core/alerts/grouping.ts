/**
 * Grouping: a run's deliveries to one target travel as one job, so the notifier can send them as
 * one platform message where the platform allows. Within a job the most severe come first.
 */

import type { AlertSeverity, DeliveryTarget } from '../ports/notifier.js';
import { targetKey } from '../subscriptions/subscription-model.js';
import type { Delivery } from './matching.js';

export interface DeliveryJob {
  target: DeliveryTarget;
  items: Array<Omit<Delivery, 'target'>>;
}

/** Alerts per job: enough to group a busy run, small enough for one queue message. */
export const MAX_ALERTS_PER_JOB = 20;

const RANK: Record<AlertSeverity, number> = { critical: 0, warning: 1, info: 2 };

export function groupDeliveries(
  deliveries: readonly Delivery[],
  maxPerJob = MAX_ALERTS_PER_JOB,
): DeliveryJob[] {
  const byTarget = new Map<string, DeliveryJob>();
  for (const d of deliveries) {
    const key = targetKey(d.target);
    let job = byTarget.get(key);
    if (!job) {
      job = { target: d.target, items: [] };
      byTarget.set(key, job);
    }
    job.items.push({ alert: d.alert, subscriptionId: d.subscriptionId, quietHours: d.quietHours });
  }
  const jobs: DeliveryJob[] = [];
  for (const job of byTarget.values()) {
    job.items.sort(
      (a, b) => RANK[a.alert.severity] - RANK[b.alert.severity] || a.alert.id.localeCompare(b.alert.id),
    );
    for (let i = 0; i < job.items.length; i += Math.max(1, maxPerJob))
      jobs.push({ target: job.target, items: job.items.slice(i, i + Math.max(1, maxPerJob)) });
  }
  return jobs;
}
