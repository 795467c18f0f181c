import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { EvaluationContext } from '../../../core/opengov/context.js';
import { evaluateReferendum } from '../../../core/opengov/evaluate.js';
import type { ReferendumInfo } from '../../../core/types/governance.js';
import { KUSAMA_TRACKS, kusamaTrack } from '../../fixtures/kusama-tracks.js';
import { refIsPassing } from './reference.js';
import { asDeciding, ctx, ISSUANCE, KSM, NOW, ongoing, smallSpender, TS, tally } from './referenda.js';

describe('evaluateReferendum: bad input', () => {
  it('an unknown or mismatched track gives an unavailable view', () => {
    expect(evaluateReferendum(ongoing(), undefined, ctx)).toMatchObject({
      phase: 'unavailable',
      reason: 'unknownTrack',
    });
    expect(evaluateReferendum(ongoing(), kusamaTrack(0), ctx)).toMatchObject({ reason: 'trackMismatch' });
    const broken = { ...smallSpender, decisionPeriod: 0 };
    expect(evaluateReferendum(ongoing(), broken, ctx)).toMatchObject({ reason: 'badTrack' });
  });

  it('zero votes read as 100% approval, as on chain, with a warning', () => {
    const view = asDeciding(evaluateReferendum(ongoing(), smallSpender, ctx));
    expect(view.assessment.approval).toBe(1_000_000_000);
    expect(view.assessment.support).toBe(0);
    expect(view.issues.map((i) => i.code)).toContain('noVotes');
  });

  it('zero or missing issuance gives an unavailable view', () => {
    expect(evaluateReferendum(ongoing(), smallSpender, { ...ctx, activeIssuance: 0n })).toMatchObject({
      reason: 'zeroIssuance',
    });
    const noIssuance = { relayBlock: NOW, timestampMs: TS } as EvaluationContext;
    expect(evaluateReferendum(ongoing(), smallSpender, noIssuance)).toMatchObject({ reason: 'zeroIssuance' });
  });

  it('now before deciding started counts as zero elapsed, with a warning', () => {
    const ref = ongoing({
      deciding: { since: NOW + 50, confirming: null },
      tally: tally(KSM, 0n, 1_000_000n),
    });
    const view = asDeciding(evaluateReferendum(ref, smallSpender, ctx));
    expect(view.assessment.elapsed).toBe(0);
    expect(view.assessment.x).toBe(0);
    expect(view.issues.map((i) => i.code)).toContain('clockBehind');
    expect(view.projection!.firstPassing!.block).toBeGreaterThanOrEqual(NOW + 50);
  });

  it('support above issuance reads 100%, as on chain, with a warning', () => {
    const ref = ongoing({ tally: { ayes: KSM, nays: 0n, support: ISSUANCE * 2n } });
    const view = asDeciding(evaluateReferendum(ref, smallSpender, ctx));
    expect(view.assessment.support).toBe(1_000_000_000);
    expect(view.issues.map((i) => i.code)).toContain('supportAboveIssuance');
  });

  it('malformed fields give unavailable views', () => {
    expect(
      evaluateReferendum(ongoing({ tally: { ayes: -1n, nays: 0n, support: 0n } }), smallSpender, ctx),
    ).toMatchObject({
      reason: 'badTally',
    });
    expect(evaluateReferendum(ongoing({ submitted: Number.NaN }), smallSpender, ctx)).toMatchObject({
      reason: 'badInput',
    });
    expect(evaluateReferendum(ongoing(), smallSpender, { ...ctx, relayBlock: -1 })).toMatchObject({
      reason: 'badInput',
    });
    expect(evaluateReferendum(null as unknown as ReferendumInfo, smallSpender, ctx)).toMatchObject({
      id: null,
    });
  });

  it('never throws, whatever it is given', () => {
    const junk = fc.anything({ withBigInt: true, withNullPrototype: true, maxDepth: 3 });
    fc.assert(
      fc.property(junk, junk, junk, (ref, track, context) => {
        const view = evaluateReferendum(ref as ReferendumInfo, track as never, context as EvaluationContext);
        expect(typeof view.phase).toBe('string');
      }),
      { numRuns: 2000 },
    );
    fc.assert(
      fc.property(
        fc.record({ deciding: fc.option(fc.record({ since: fc.nat(), confirming: fc.option(fc.nat()) })) }),
        fc.record({
          ayes: fc.bigInt({ min: 0n, max: 10n ** 30n }),
          nays: fc.bigInt({ min: 0n, max: 10n ** 30n }),
        }),
        fc.bigInt({ min: -5n, max: 10n ** 30n }),
        fc.nat(),
        (partial, votes, issuance, now) => {
          const ref = ongoing({ deciding: partial.deciding, tally: { ...votes, support: votes.ayes } });
          const view = evaluateReferendum(ref, smallSpender, {
            ...ctx,
            relayBlock: now,
            activeIssuance: issuance,
          });
          expect(typeof view.phase).toBe('string');
        },
      ),
      { numRuns: 2000 },
    );
  });
});

describe('evaluateReferendum: projection property', () => {
  it('projects the first block at or after now at which is_passing holds, and confirms no earlier than the pallet alarm', () => {
    const track = fc.constantFrom(...KUSAMA_TRACKS);
    const votes = fc.tuple(
      fc.integer({ min: 0, max: 50 }),
      fc.integer({ min: 0, max: 50 }),
      fc.integer({ min: 0, max: 1000 }),
    );
    fc.assert(
      fc.property(track, votes, fc.integer({ min: 0, max: 250_000 }), (t, [a, n, s], age) => {
        const since = NOW - age;
        const ref = ongoing({
          track: t.id,
          deciding: { since, confirming: null },
          tally: { ayes: BigInt(a) * KSM, nays: BigInt(n) * KSM, support: (ISSUANCE * BigInt(s)) / 10_000n },
        });
        const view = asDeciding(evaluateReferendum(ref, t, ctx));
        const { approval, support } = view.assessment;
        const p = view.projection!;
        if (p.firstPassing === null) {
          expect(refIsPassing(t, approval, support, t.decisionPeriod)).toBe(false);
          expect(p.approval).toBeNull();
          return;
        }
        const first = p.firstPassing.block;
        expect(first).toBeGreaterThanOrEqual(NOW);
        expect(refIsPassing(t, approval, support, first - since)).toBe(true);
        if (first > NOW) expect(refIsPassing(t, approval, support, first - since - 1)).toBe(false);
        const expectedStart = view.assessment.passing ? NOW : Math.max(first, p.palletAlarm.block);
        expect(p.confirmStart!.block).toBe(expectedStart);
        expect(p.confirmStart!.block - first).toBeLessThanOrEqual(1);
        expect(p.approval!.block).toBe(expectedStart + t.confirmPeriod);
      }),
      { numRuns: 3000 },
    );
  });
});
