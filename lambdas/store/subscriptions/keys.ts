/**
 * Table keys of subscriptions (see design.md). Only this file builds them.
 *
 *   TGT#<platform>#<kind>#<id> / T                  the target record: every subscription of the target
 *   SUBX#<kind>               / <scope>#<target key>  index item: one per subscription, for fan-out
 *   SUBSUM#<kind>             / S                     the settings in use of deadlines, coretime, para (summary.ts)
 */

import type { DeliveryTarget } from '../../../core/ports/notifier.js';
import {
  type SubscriptionKind,
  type SubscriptionSpec,
  scopeKey,
  targetKey,
} from '../../../core/subscriptions/subscription-model.js';
import type { ItemKey } from '../table/index.js';

export const TARGET_SK = 'T';

export function targetItemKey(target: DeliveryTarget): ItemKey {
  return { pk: `TGT#${target.platform}#${target.kind}#${target.id}`, sk: TARGET_SK };
}

export function indexPk(kind: SubscriptionKind): string {
  return `SUBX#${kind}`;
}

/** The scope part of an index sort key: what the alert engine looks subscribers up by. */
export function indexScope(spec: SubscriptionSpec): string {
  switch (spec.kind) {
    case 'referenda':
    case 'cards':
      return spec.track === null ? 'all' : `t${spec.track}`;
    case 'deadlines':
      return scopeKey(spec.scope);
    case 'address':
      return spec.address;
    case 'treasury':
      return spec.asset === null ? 'all' : spec.asset.toLowerCase();
    case 'coretime':
      return 'all';
    case 'para':
      return `p${spec.para}`;
  }
}

export function indexItemKey(spec: SubscriptionSpec, target: DeliveryTarget): ItemKey {
  return { pk: indexPk(spec.kind), sk: `${indexScope(spec)}#${targetKey(target)}` };
}

/**
 * The settings summary of a kind whose settings tell the alert detector what to look for
 * (deadline lead times, coretime price levels, para stall times): summary.ts.
 */
export function summaryKey(kind: SubscriptionKind): ItemKey {
  return { pk: `SUBSUM#${kind}`, sk: 'S' };
}
