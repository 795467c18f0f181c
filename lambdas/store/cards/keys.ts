/**
 * Table keys of the card records. Only this file builds them.
 *
 *   CARD#<target key> / R#<referendum>   one live card: state, message ids, version and hash applied, claim
 *   CARDX             / <target key>     every target that has had a card (the job visits them all)
 */
import type { DeliveryTarget } from '../../../core/ports/notifier.js';
import { targetKey } from '../../../core/subscriptions/subscription-model.js';
import type { ItemKey } from '../table/index.js';

export function cardPk(target: DeliveryTarget): string {
  return `CARD#${targetKey(target)}`;
}

export function cardItemKey(target: DeliveryTarget, referendum: number): ItemKey {
  return { pk: cardPk(target), sk: `R#${String(referendum).padStart(10, '0')}` };
}

export const CARD_TARGETS_PK = 'CARDX';

export function cardTargetKey(target: DeliveryTarget): ItemKey {
  return { pk: CARD_TARGETS_PK, sk: targetKey(target) };
}
