/** A subscription in one plain line (autocomplete choices): the wording of bots/text. */
import type { Subscription } from '../../../core/subscriptions/subscription-model.js';
import { describeSpec } from '../../text/subscription-words.js';

export function describeSubscription(s: Subscription): string {
  return describeSpec(s.spec);
}
