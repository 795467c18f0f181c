/**
 * The subscribers of what was detected: those read before detection (coretime and para
 * subscribers, and the deadline subscribers when the lead summary could not be trusted), the
 * deadline subscribers of the referenda whose deadline alerts have someone to reach, the referenda
 * subscribers when a referendum alert was found, the treasury subscribers when a spend or bounty
 * alert was, and the subscribers of each alerted address (a spend's beneficiary, a curator).
 *
 * A deadline alert is detected again on every run while its window is open; one fanned out before
 * any deadline subscription last changed has nobody new to reach (fan-out.ts sends a repeat only to
 * subscriptions changed since), so its subscribers are not read. A first one reads the deadline
 * subscribers of its referendum and track, and those of all referenda.
 */

import type { Alert } from '../../core/alerts/alert-types.js';
import type { SubscriberRef } from '../../core/alerts/matching.js';
import type { SubscriptionStore } from '../../core/ports/subscription-store.js';

/** Address subscriber lists read at once. */
const ADDRESS_READS_AT_ONCE = 16;

export interface DeadlineReach {
  /** The deadline subscribers are among the preloaded ones. */
  preloaded: boolean;
  /** When a deadline subscription was last created or changed (the lead summary's). */
  changedAtMs: number;
  /** When each alert was last fanned out (absent: never). */
  fannedOut: (alertIds: readonly string[]) => Promise<Map<string, number>>;
}

export async function resolveSubscribers(
  subscriptions: Pick<SubscriptionStore, 'subscribersOf'>,
  alerts: readonly Alert[],
  preloaded: readonly SubscriberRef[],
  deadlines: DeadlineReach,
): Promise<{ subscribers: SubscriberRef[]; read: number }> {
  const subscribers: SubscriberRef[] = [...preloaded];
  let read = preloaded.length;
  const of = deadlines.preloaded ? [] : await deadlinesToReach(alerts, deadlines);
  if (of.length > 0) {
    const subs = (await subscriptions.subscribersOf({ kind: 'deadlines', of })) as SubscriberRef[];
    subscribers.push(...subs);
    read += subs.length;
  }
  if (alerts.some((a) => a.scope.type === 'referendum')) {
    const subs = (await subscriptions.subscribersOf({ kind: 'referenda' })) as SubscriberRef[];
    subscribers.push(...subs);
    read += subs.length;
  }
  if (alerts.some((a) => a.scope.type === 'treasury')) {
    const subs = (await subscriptions.subscribersOf({ kind: 'treasury' })) as SubscriberRef[];
    subscribers.push(...subs);
    read += subs.length;
  }
  const addresses = [
    ...new Set(
      alerts.flatMap((a) =>
        a.scope.type === 'address' ? [a.scope.address] : a.scope.type === 'treasury' ? a.scope.addresses : [],
      ),
    ),
  ];
  for (let i = 0; i < addresses.length; i += ADDRESS_READS_AT_ONCE) {
    const lists = await Promise.all(
      addresses
        .slice(i, i + ADDRESS_READS_AT_ONCE)
        .map((address) => subscriptions.subscribersOf({ kind: 'address', address })),
    );
    for (const list of lists) {
      subscribers.push(...(list as SubscriberRef[]));
      read += list.length;
    }
  }
  return { subscribers, read };
}

/** The referenda (with their tracks) of the deadline alerts that may have someone to reach. */
async function deadlinesToReach(
  alerts: readonly Alert[],
  deadlines: DeadlineReach,
): Promise<Array<{ track: number; referendum: number }>> {
  const found = alerts.filter((a) => a.scope.type === 'deadline');
  if (found.length === 0) return [];
  const marks = await deadlines.fannedOut(found.map((a) => a.id));
  const of = new Map<number, { track: number; referendum: number }>();
  for (const alert of found) {
    const at = marks.get(alert.id);
    if (at !== undefined && deadlines.changedAtMs <= at) continue;
    if (alert.scope.type === 'deadline')
      of.set(alert.scope.referendum, { track: alert.scope.track, referendum: alert.scope.referendum });
  }
  return [...of.values()];
}
