/** Checks and decoding of card record items. */
import type { CardRecord, CardState } from '../../../core/cards/card-model.js';
import type { DeliveryTarget } from '../../../core/ports/notifier.js';
import { targetProblem } from '../../../core/subscriptions/subscription-model.js';
import { CorruptDataError, InvalidInputError, type Item } from '../table/index.js';

const STATES = new Set<CardState>(['claimed', 'sending', 'live', 'closed', 'retired', 'unknown']);

export function checkCard(target: DeliveryTarget, referendum: number): void {
  const problem = targetProblem(target);
  if (problem) throw new InvalidInputError(`bad card target: ${problem}`);
  if (!Number.isSafeInteger(referendum) || referendum < 0)
    throw new InvalidInputError(`bad referendum id ${String(referendum)}`);
}

const num = (v: unknown) => (typeof v === 'number' ? v : null);

export function decodeCard(item: Item): CardRecord {
  const state = item.st as CardState;
  if (!STATES.has(state) || typeof item.rid !== 'number')
    throw new CorruptDataError(`card record ${String(item.pk)}/${String(item.sk)} is malformed`);
  return {
    target: { platform: item.platform, kind: item.tkind, id: item.tid } as DeliveryTarget,
    referendum: item.rid,
    track: num(item.trk) ?? 0,
    state,
    messageIds: Array.isArray(item.mids) ? item.mids.map(String) : [],
    version: num(item.ver) ?? 0,
    hash: typeof item.hash === 'string' ? item.hash : null,
    generation: num(item.gen) ?? 0,
    owner: typeof item.own === 'string' ? item.own : null,
    leaseUntilMs: num(item.lease),
    sendingAtMs: num(item.sat),
    reason: typeof item.why === 'string' ? item.why : null,
    createdAtMs: num(item.cat) ?? 0,
    updatedAtMs: num(item.uat) ?? 0,
  };
}
