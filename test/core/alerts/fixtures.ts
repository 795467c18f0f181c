/** Small builders for the alert tests: referenda in each phase, a clock, subscriptions. */
import type { DetectionClock } from '../../../core/alerts/detect-context.js';
import type { SubscriberRef } from '../../../core/alerts/matching.js';
import type { ReferendumRecord } from '../../../core/alerts/rule-types.js';
import type { DeliveryTarget } from '../../../core/ports/notifier.js';
import {
  type SubscriptionSpec,
  subscriptionId,
  subscriptionKey,
} from '../../../core/subscriptions/subscription-model.js';
import type { EndedStatus, OngoingReferendum } from '../../../core/types/governance.js';

export const NOW_BLOCK = 30_000_000;
export const NOW_MS = 1_800_000_000_000;

export function clock(overrides: Partial<DetectionClock> = {}): DetectionClock {
  return { version: 7, relayBlock: NOW_BLOCK, timestampMs: NOW_MS, nowMs: NOW_MS, ...overrides };
}

export function ongoing(
  id: number,
  track: number,
  extra: Partial<OngoingReferendum> = {},
): OngoingReferendum {
  return {
    status: 'ongoing',
    id,
    track,
    origin: 'Origins.SmallSpender',
    proposal: { kind: 'Legacy', hash: '0x00' },
    enactment: { kind: 'After', blocks: 100 },
    submitted: NOW_BLOCK - 10_000,
    submissionDeposit: { who: 'x', amount: 1n },
    decisionDeposit: null,
    deciding: null,
    tally: { ayes: 0n, nays: 0n, support: 0n },
    inQueue: false,
    alarm: null,
    ...extra,
  };
}

export function deciding(id: number, track: number, since: number, confirming: number | null = null) {
  return ongoing(id, track, { deciding: { since, confirming }, decisionDeposit: { who: 'x', amount: 1n } });
}

export function ended(id: number, status: EndedStatus, block: number): ReferendumRecord {
  return { info: { status, id, block, submissionDeposit: null, decisionDeposit: null }, proposal: null };
}

export const rec = (info: OngoingReferendum, proposal: string | null = null): ReferendumRecord => ({
  info,
  proposal,
});

export const TG: DeliveryTarget = { platform: 'telegram', kind: 'chat', id: '-100111' };
export const DC: DeliveryTarget = { platform: 'discord', kind: 'channel', id: '123456789012345678' };

export function sub(target: DeliveryTarget, spec: SubscriptionSpec): SubscriberRef {
  return {
    target,
    subscription: {
      id: subscriptionId(spec),
      key: subscriptionKey(spec),
      spec,
      createdBy: '1',
      createdAtMs: 0,
      updatedAtMs: 0,
    },
  };
}
