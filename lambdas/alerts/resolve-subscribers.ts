/**
 * The subscribers of what was detected: those read before detection (the deadline, coretime and
 * para subscribers of a kind whose settings summary could not be trusted), the subscribers of
 * deadline, coretime and para alerts that have someone to reach, the referenda
 * subscribers when a referendum alert was found, the treasury subscribers when a spend or bounty
 * alert was, and the subscribers of each alerted address (a spend's beneficiary, a curator).
 *
 * A deadline alert is detected again on every run while its window is open (so may a para or
 * coretime one); one fanned out after any subscription of its kind last changed has nobody new to
 * reach (fan-out.ts sends a repeat only to subscriptions changed since), so nobody is read for it.
 */

import type { Alert } from '../../core/alerts/alert-types.js';
import type { SubscriberRef } from '../../core/alerts/matching.js';
import type {
  SubscriberQuery,
  SubscriptionStore,
  SummarisedKind,
} from '../../core/ports/subscription-store.js';

/** Address subscriber lists read at once. */
const ADDRESS_READS_AT_ONCE = 16;

/** How the subscribers of a summarised kind (deadlines, coretime, para) are reached this run. */
export interface KindReach {
  /** They are among the preloaded subscribers (the kind's summary could not be trusted). */
  preloaded: boolean;
  /** When a subscription of the kind was last created or changed (its summary's). */
  changedAtMs: number;
}

export interface SummaryReach {
  /** Per kind; a kind not named is read whenever its alerts are found. */
  kinds: Partial<Record<SummarisedKind, KindReach>>;
  /** When each alert was last fanned out (absent: never). */
  fannedOut: (alertIds: readonly string[]) => Promise<Map<string, number>>;
}

export async function resolveSubscribers(
  subscriptions: Pick<SubscriptionStore, 'subscribersOf'>,
  alerts: readonly Alert[],
  preloaded: readonly SubscriberRef[],
  reach: SummaryReach,
): Promise<{ subscribers: SubscriberRef[]; read: number }> {
  const subscribers: SubscriberRef[] = [...preloaded];
  let read = preloaded.length;
  for (const query of await summarisedQueries(alerts, reach)) {
    const subs = (await subscriptions.subscribersOf(query)) as SubscriberRef[];
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

function summarisedKind(alert: Alert): SummarisedKind | null {
  const type = alert.scope.type;
  return type === 'deadline' ? 'deadlines' : type === 'coretime' || type === 'para' ? type : null;
}

/**
 * The reads for alerts of summarised kinds that may have someone to reach: an alert never fanned
 * out, or one fanned out before a subscription of its kind last changed. Deadlines: the subscribers
 * of their referenda, tracks and all referenda, at once; para: each para's; coretime: all.
 */
async function summarisedQueries(alerts: readonly Alert[], reach: SummaryReach): Promise<SubscriberQuery[]> {
  const found = alerts.filter((a) => {
    const kind = summarisedKind(a);
    return kind !== null && !reach.kinds[kind]?.preloaded;
  });
  if (found.length === 0) return [];
  const marks = await reach.fannedOut(found.map((a) => a.id));
  const deadlines = new Map<number, { track: number; referendum: number }>();
  const paras = new Set<number>();
  let coretime = false;
  for (const alert of found) {
    const at = marks.get(alert.id);
    const changedAtMs = reach.kinds[summarisedKind(alert)!]?.changedAtMs;
    if (at !== undefined && changedAtMs !== undefined && changedAtMs <= at) continue;
    const scope = alert.scope;
    if (scope.type === 'deadline')
      deadlines.set(scope.referendum, { track: scope.track, referendum: scope.referendum });
    else if (scope.type === 'para') paras.add(scope.para);
    else if (scope.type === 'coretime') coretime = true;
  }
  return [
    ...(deadlines.size > 0 ? [{ kind: 'deadlines', of: [...deadlines.values()] } as const] : []),
    ...[...paras].map((para) => ({ kind: 'para', para }) as const),
    ...(coretime ? [{ kind: 'coretime' } as const] : []),
  ];
}
