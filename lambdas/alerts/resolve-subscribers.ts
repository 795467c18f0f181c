/**
 * The subscribers of what was detected: those read before detection (deadline, coretime and para
 * subscribers), the referenda
 * subscribers when a referendum alert was found, the treasury subscribers when a spend or bounty
 * alert was, and the subscribers of each alerted address (a spend's beneficiary, a curator).
 */

import type { Alert } from '../../core/alerts/alert-types.js';
import type { SubscriberRef } from '../../core/alerts/matching.js';
import type { SubscriptionStore } from '../../core/ports/subscription-store.js';

/** Address subscriber lists read at once. */
const ADDRESS_READS_AT_ONCE = 16;

export async function resolveSubscribers(
  subscriptions: Pick<SubscriptionStore, 'subscribersOf'>,
  alerts: readonly Alert[],
  preloaded: readonly SubscriberRef[],
): Promise<{ subscribers: SubscriberRef[]; read: number }> {
  const subscribers: SubscriberRef[] = [...preloaded];
  let read = preloaded.length;
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
