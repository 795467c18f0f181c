/**
 * The burst the crash tests run in a child process: six targets, six subscriptions each, then a
 * settings change, an unsubscribe of one key and an unsubscribe of a whole kind. The same list in
 * the child and in the test, so the test knows which targets to look at afterwards.
 */
import { encodeAddress } from '../../../../core/address/index.js';
import type { UnsubscribeSelector } from '../../../../core/ports/subscription-store.js';
import type { SubscriptionSpec, Target } from '../../../../core/subscriptions/subscription-model.js';

/** The subscribing process's clock: fixed, so the index items it writes carry a known time. */
export const BURST_NOW = Date.UTC(2031, 0, 1);
export const BURST_CONCURRENCY = 4;

export const burstTargets: Target[] = [
  ...[0, 1, 2].map(
    (i): Target => ({ platform: 'telegram', kind: 'chat', id: `-100${500 + i}`, createdBy: '7' }),
  ),
  ...[0, 1, 2].map(
    (i): Target => ({ platform: 'discord', kind: 'channel', id: `80000000000000000${i}`, createdBy: '8' }),
  ),
];

export const burstAddresses: string[] = burstTargets.map((_, i) =>
  encodeAddress(
    Uint8Array.from({ length: 32 }, (_, j) => (i * 41 + j * 7 + 3) & 0xff),
    2,
  ),
);

export type BurstOp =
  | { op: 'subscribe'; target: Target; spec: SubscriptionSpec }
  | { op: 'unsubscribe'; target: Target; selector: UnsubscribeSelector };

function specOf(round: number, i: number): SubscriptionSpec {
  switch (round) {
    case 0:
      return { kind: 'referenda', track: i % 2 === 0 ? null : i };
    case 1:
      return { kind: 'deadlines', scope: { type: 'all' }, leadMinutes: [1_440, 60] };
    case 2:
      return { kind: 'address', address: burstAddresses[i]! };
    case 3:
      return { kind: 'address', address: burstAddresses[(i + 1) % burstAddresses.length]! };
    case 4:
      return { kind: 'deadlines', scope: { type: 'referendum', referendum: 400 + i }, leadMinutes: [60] };
    default:
      return { kind: 'referenda', track: 10 + i };
  }
}

export function burstOps(): BurstOp[] {
  const ops: BurstOp[] = [];
  for (let round = 0; round < 6; round++)
    for (const [i, target] of burstTargets.entries())
      ops.push({ op: 'subscribe', target, spec: specOf(round, i) });
  for (const [i, target] of burstTargets.entries()) {
    if (i % 3 === 0)
      ops.push({
        op: 'subscribe',
        target,
        spec: { kind: 'deadlines', scope: { type: 'all' }, leadMinutes: [120] },
      });
    else if (i % 3 === 1)
      ops.push({ op: 'unsubscribe', target, selector: { type: 'key', key: `referenda:t${10 + i}` } });
    else ops.push({ op: 'unsubscribe', target, selector: { type: 'kind', kind: 'address' } });
  }
  return ops;
}
