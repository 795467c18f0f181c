import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  decisionProgress,
  firstPassingElapsed,
  firstPassingOffset,
  isPassingAt,
  palletDecisionTime,
} from '../../../core/opengov/decision.js';
import { PERBILL_ONE } from '../../../core/opengov/perbill.js';
import { approvalOf, supportOf } from '../../../core/opengov/tally.js';
import type { Tally, TrackInfo } from '../../../core/types/governance.js';
import { KUSAMA_TRACKS, kusamaTrack } from '../../fixtures/kusama-tracks.js';
import { ONE, refIsPassing, refThreshold } from './reference.js';

describe('decisionProgress', () => {
  it('is the pallet x, rounded down, capped at one', () => {
    expect(decisionProgress(0, 201_600)).toBe(0);
    expect(decisionProgress(14_400, 201_600)).toBe(71_428_571);
    expect(decisionProgress(201_599, 201_600)).toBe(999_995_039);
    expect(decisionProgress(201_600, 201_600)).toBe(PERBILL_ONE);
    expect(decisionProgress(500_000, 201_600)).toBe(PERBILL_ONE);
  });

  it('treats a negative elapsed as zero and a zero period as fully elapsed', () => {
    expect(decisionProgress(-10, 201_600)).toBe(0);
    expect(decisionProgress(5, 0)).toBe(PERBILL_ONE);
  });
});

describe('boundaries on the real tracks', () => {
  const root = kusamaTrack(0);
  const smallSpender = kusamaTrack(32);

  it('passes exactly at the threshold and not one part below it', () => {
    // root at 1 day: approval threshold 88.2352942%, support threshold 46.4285715%.
    expect(isPassingAt(root, 882_352_942, 464_285_715, 14_400)).toBe(true);
    expect(isPassingAt(root, 882_352_941, 464_285_715, 14_400)).toBe(false);
    expect(isPassingAt(root, 882_352_942, 464_285_714, 14_400)).toBe(false);
  });

  it('reaches the end-of-period thresholds only at the decision period end', () => {
    // root approval ends at 49.9999999%, support at 0.
    expect(isPassingAt(root, 499_999_999, 0, 201_599)).toBe(false);
    expect(isPassingAt(root, 499_999_999, 0, 201_600)).toBe(true);
    expect(isPassingAt(root, 499_999_999, 0, 250_000)).toBe(true);
    expect(firstPassingElapsed(root, 499_999_999, 0)).toBe(201_600);
    expect(firstPassingElapsed(root, 499_999_998, PERBILL_ONE)).toBeNull();
  });

  it('finds the first passing block where the pallet alarm is one block early (linear)', () => {
    // small_spender approval at 75%: the pallet's delay lands on block 61,200, which fails.
    // Support at the curve's start passes from block 0.
    const support = 500_000_026;
    expect(palletDecisionTime(smallSpender, 0, 750_000_000, support)).toBe(61_200);
    expect(isPassingAt(smallSpender, 750_000_000, support, 61_200)).toBe(false);
    expect(firstPassingElapsed(smallSpender, 750_000_000, support)).toBe(61_201);
    expect(isPassingAt(smallSpender, 750_000_000, support, 61_201)).toBe(true);
  });

  it('finds the first passing block where the pallet alarm is one block late (reciprocal)', () => {
    // small_spender support at 1%: passing from block 86,400; the pallet wakes at 86,401.
    expect(palletDecisionTime(smallSpender, 0, PERBILL_ONE, 10_000_000)).toBe(86_401);
    expect(firstPassingElapsed(smallSpender, PERBILL_ONE, 10_000_000)).toBe(86_400);
    expect(isPassingAt(smallSpender, PERBILL_ONE, 10_000_000, 86_399)).toBe(false);
    expect(isPassingAt(smallSpender, PERBILL_ONE, 10_000_000, 86_400)).toBe(true);
  });

  it('lands the pallet alarm on the period end when it sees no passing point', () => {
    expect(palletDecisionTime(root, 1_000, 400_000_000, 0)).toBe(1_000 + 201_600);
    // Support above a reciprocal curve's start: the pallet's delay says never, yet it passes at once.
    expect(palletDecisionTime(smallSpender, 0, PERBILL_ONE, PERBILL_ONE)).toBe(201_600);
    expect(firstPassingElapsed(smallSpender, PERBILL_ONE, PERBILL_ONE)).toBe(0);
  });
});

describe('first passing block, property', () => {
  const track = fc.constantFrom(...KUSAMA_TRACKS);
  const amount = fc.bigInt({ min: 0n, max: 10n ** 24n });
  /** Small whole ratios make round approvals (75%, 60%, ...), where the pallet's linear delay slips. */
  const roundTally = fc
    .tuple(
      fc.integer({ min: 0, max: 40 }),
      fc.integer({ min: 0, max: 40 }),
      fc.bigInt({ min: 1n, max: 10n ** 18n }),
    )
    .map(([a, n, unit]) => ({ ayes: BigInt(a) * unit, nays: BigInt(n) * unit }));
  const anyTally = fc.record({ ayes: amount, nays: amount });
  const issuance = fc.bigInt({ min: 10n ** 15n, max: 10n ** 25n });
  const supportShare = fc.oneof(
    fc.integer({ min: 0, max: PERBILL_ONE }),
    fc.integer({ min: 0, max: 100 }).map((p) => p * 1_000_000),
  );

  const check = (t: TrackInfo, votes: { ayes: bigint; nays: bigint }, total: bigint, share: number) => {
    const tally: Tally = { ...votes, support: (total * BigInt(share)) / ONE };
    const approval = approvalOf(tally);
    const support = supportOf(tally, total);
    const first = firstPassingElapsed(t, approval, support);
    if (first === null) {
      expect(refIsPassing(t, approval, support, t.decisionPeriod)).toBe(false);
      return;
    }
    expect(first).toBeGreaterThanOrEqual(0);
    expect(first).toBeLessThanOrEqual(t.decisionPeriod);
    expect(refIsPassing(t, approval, support, first)).toBe(true);
    if (first > 0) expect(refIsPassing(t, approval, support, first - 1)).toBe(false);
  };

  it('is the first block at which is_passing holds, for any tally', () => {
    fc.assert(fc.property(track, anyTally, issuance, supportShare, check), { numRuns: 3000 });
  });

  it('is the first block at which is_passing holds, for round tallies', () => {
    fc.assert(fc.property(track, roundTally, issuance, supportShare, check), { numRuns: 3000 });
  });

  it('firstPassingOffset agrees with a scan on a short period', () => {
    const curve = fc.constantFrom(...KUSAMA_TRACKS.flatMap((t) => [t.minApproval, t.minSupport]));
    fc.assert(
      fc.property(
        curve,
        fc.integer({ min: 0, max: PERBILL_ONE }),
        fc.integer({ min: 1, max: 400 }),
        (c, y, p) => {
          let scan: number | null = null;
          for (let e = 0; e <= p; e++) {
            if (refThreshold(c, (BigInt(e) * ONE) / BigInt(p)) <= BigInt(y)) {
              scan = e;
              break;
            }
          }
          expect(firstPassingOffset(c, y, p)).toBe(scan);
        },
      ),
      { numRuns: 2000 },
    );
  });
});

describe('decisionProgress fast path', () => {
  it('equals Perbill::from_rational for any elapsed and period', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 3_000_000 }), fc.integer({ min: 1, max: 3_000_000 }), (e, p) => {
        const expected = Number((BigInt(Math.min(e, p)) * ONE) / BigInt(p));
        expect(decisionProgress(e, p)).toBe(expected);
      }),
      { numRuns: 20_000 },
    );
  });
});
