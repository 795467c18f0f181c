/** Shared referendum builders for the evaluateReferendum tests. */
import type { EvaluationContext } from '../../../core/opengov/context.js';
import type { DecidingView, PreparingView, ReferendumView } from '../../../core/opengov/view.js';
import type { OngoingReferendum } from '../../../core/types/governance.js';
import { kusamaTrack } from '../../fixtures/kusama-tracks.js';

export const KSM = 10n ** 12n;
export const ISSUANCE = 15_000_000n * KSM;
export const NOW = 30_500_000;
export const TS = 1_760_000_000_000;
export const ctx: EvaluationContext = { relayBlock: NOW, timestampMs: TS, activeIssuance: ISSUANCE };
export const smallSpender = kusamaTrack(32);
const deposit = { who: 'HNZata7iMYWmk5RvZRTiAsSDhV8366zq2YGb3tLH5Upf74F', amount: KSM };

export function ongoing(overrides: Partial<OngoingReferendum> = {}): OngoingReferendum {
  return {
    status: 'ongoing',
    id: 512,
    track: 32,
    origin: 'Origins.SmallSpender',
    proposal: { kind: 'Lookup', hash: '0x01', len: 40 },
    enactment: { kind: 'After', blocks: 100 },
    submitted: NOW - 20_000,
    submissionDeposit: deposit,
    decisionDeposit: deposit,
    deciding: { since: NOW - 14_400, confirming: null },
    tally: { ayes: 0n, nays: 0n, support: 0n },
    inQueue: false,
    alarm: null,
    ...overrides,
  };
}

/** A tally with approval a/(a+n) and support s parts of a billion of ISSUANCE. */
export function tally(ayes: bigint, nays: bigint, supportParts: bigint) {
  return { ayes, nays, support: (ISSUANCE * supportParts) / 1_000_000_000n };
}

export function asDeciding(view: ReferendumView): DecidingView {
  if (view.phase !== 'deciding' && view.phase !== 'confirming') throw new Error(`phase ${view.phase}`);
  return view;
}

export function asPreparing(view: ReferendumView): PreparingView {
  if (view.phase !== 'preparing') throw new Error(`phase ${view.phase}`);
  return view;
}
