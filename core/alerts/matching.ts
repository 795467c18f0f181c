/**
 * Fan-out rules: which subscriptions an alert reaches, then one delivery per (alert, target) even
 * when several of a target's subscriptions match, minus the kinds the subscriber muted. Settings
 * are per subscription (its own on top of the chat's): a kind muted on one subscription still
 * arrives through another that matches, and when several route the same alert, one without quiet
 * hours sends it at once; otherwise the first one's quiet hours hold it.
 */

import type { DeliveryTarget } from '../ports/notifier.js';
import type { QuietHours } from '../subscriptions/quiet-hours.js';
import { type AlertSettings, settingsFor } from '../subscriptions/settings.js';
import type { Subscription } from '../subscriptions/subscription-model.js';
import { targetKey } from '../subscriptions/subscription-model.js';
import { passesTreasuryFilter } from '../subscriptions/treasury-filter.js';
import type { Alert } from './alert-types.js';
import { applicableLead } from './detect-deadlines.js';

export interface SubscriberRef {
  target: DeliveryTarget;
  subscription: Subscription;
}

export interface Delivery {
  target: DeliveryTarget;
  alert: Alert;
  /** The subscription that routed it ("operator" for operator alerts). */
  subscriptionId: string;
  quietHours: QuietHours | null;
}

/** Does the subscription ask for this alert? */
export function subscriptionMatches(alert: Alert, subscription: Subscription): boolean {
  const spec = subscription.spec;
  const scope = alert.scope;
  switch (scope.type) {
    case 'referendum':
      return spec.kind === 'referenda' && (spec.track === null || spec.track === scope.track);
    case 'deadline': {
      if (spec.kind !== 'deadlines') return false;
      const s = spec.scope;
      const covers =
        s.type === 'all' ||
        (s.type === 'track' && s.track === scope.track) ||
        (s.type === 'referendum' && s.referendum === scope.referendum);
      // Of the subscription's lead times, only the tightest one that holds the remaining time fires.
      return covers && applicableLead(spec.leadMinutes, scope.remainingMs) === scope.leadMinutes;
    }
    case 'address':
      return spec.kind === 'address' && spec.address === scope.address;
    case 'treasury':
      if (spec.kind === 'address') return scope.addresses.includes(spec.address);
      return spec.kind === 'treasury' && passesTreasuryFilter(spec, scope);
    case 'coretime':
      return spec.kind === 'coretime' && (scope.below === null || spec.below === scope.below);
    case 'para':
      return (
        spec.kind === 'para' &&
        spec.para === scope.para &&
        (scope.stallMinutes === undefined || spec.stallMinutes === scope.stallMinutes)
      );
    case 'operator':
      return false;
  }
}

export type SettingsLookup = (target: DeliveryTarget) => ReadonlyMap<string, AlertSettings> | undefined;

export function fanOut(
  alerts: readonly Alert[],
  subscribers: readonly SubscriberRef[],
  settings: SettingsLookup = () => undefined,
  operators: readonly DeliveryTarget[] = [],
): Delivery[] {
  const out: Delivery[] = [];
  const seen = new Map<string, number>();
  const push = (d: Delivery) => {
    const key = `${targetKey(d.target)} ${d.alert.id}`;
    const at = seen.get(key);
    if (at === undefined) {
      seen.set(key, out.length);
      out.push(d);
    } else if (out[at]!.quietHours !== null && d.quietHours === null) {
      out[at] = d;
    }
  };
  for (const alert of alerts) {
    if (alert.scope.type === 'operator') {
      for (const target of operators) {
        const s = settingsFor(settings(target), 'operator');
        if (!s.muted.includes(alert.facts.kind))
          push({ target, alert, subscriptionId: 'operator', quietHours: s.quietHours });
      }
      continue;
    }
    for (const { target, subscription } of subscribers) {
      if (!subscriptionMatches(alert, subscription)) continue;
      const s = settingsFor(settings(target), subscription.key);
      if (s.muted.includes(alert.facts.kind)) continue;
      push({ target, alert, subscriptionId: subscription.id, quietHours: s.quietHours });
    }
  }
  return out;
}

/** The union of lead times of deadline subscriptions: which deadline windows detection opens. */
export function deadlineLeads(subscribers: readonly SubscriberRef[]): number[] {
  const leads = new Set<number>();
  for (const { subscription } of subscribers)
    if (subscription.spec.kind === 'deadlines') for (const m of subscription.spec.leadMinutes) leads.add(m);
  return [...leads].sort((a, b) => b - a);
}
