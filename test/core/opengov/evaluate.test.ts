import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { type EvaluationContext, queuePosition } from '../../../core/opengov/context.js';
import { isPassingAt } from '../../../core/opengov/decision.js';
import { evaluateReferendum } from '../../../core/opengov/evaluate.js';
import type { DecidingView, PreparingView, ReferendumView } from '../../../core/opengov/view.js';
import type { EndedStatus, OngoingReferendum, ReferendumInfo } from '../../../core/types/governance.js';
import { KUSAMA_TRACKS, kusamaTrack } from '../../fixtures/kusama-tracks.js';
import { refIsPassing } from './reference.js';

const KSM = 10n ** 12n;
const ISSUANCE = 15_000_000n * KSM;
const NOW = 30_500_000;
const TS = 1_760_000_000_000;
const ctx: EvaluationContext = { relayBlock: NOW, timestampMs: TS, activeIssuance: ISSUANCE };
const smallSpender = kusamaTrack(32);
const deposit = { who: 'HNZata7iMYWmk5RvZRTiAsSDhV8366zq2YGb3tLH5Upf74F', amount: KSM };

function ongoing(overrides: Partial<OngoingReferendum> = {}): OngoingReferendum {
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
function tally(ayes: bigint, nays: bigint, supportParts: bigint) {
  return { ayes, nays, support: (ISSUANCE * supportParts) / 1_000_000_000n };
}

function asDeciding(view: ReferendumView): DecidingView {
  if (view.phase !== 'deciding' && view.phase !== 'confirming') throw new Error(`phase ${view.phase}`);
  return view;
}

function asPreparing(view: ReferendumView): PreparingView {
  if (view.phase !== 'preparing') throw new Error(`phase ${view.phase}`);
  return view;
}

describe('evaluateReferendum: deciding', () => {
  it('reports approval, support, thresholds, margins and a projection that is passing there', () => {
    const ref = ongoing({ tally: tally(75n * KSM, 25n * KSM, 5_000_000n) });
    const view = asDeciding(evaluateReferendum(ref, smallSpender, ctx));
    expect(view.phase).toBe('deciding');
    const a = view.assessment;
    expect(a.approval).toBe(750_000_000);
    expect(a.support).toBe(5_000_000);
    expect(a.x).toBe(71_428_571);
    expect(a.approvalThreshold).toBe(941_176_471);
    expect(a.supportThreshold).toBe(82_978_722);
    expect(a.passing).toBe(false);
    expect(a.approvalMargin).toBe(750_000_000 - 941_176_471);
    expect(a.supportMargin).toBe(5_000_000 - 82_978_722);
    // 941176471/(1e9−941176471) × 25 KSM of nays needs 399.999… KSM of ayes in all.
    expect(a.ayesShort).toBe((941_176_471n * 25n * KSM + 58_823_528n) / 58_823_529n - 75n * KSM);
    expect(a.supportShort).toBe((ISSUANCE * 82_978_722n + 999_999_999n) / 1_000_000_000n - ref.tally.support);

    const p = view.projection!;
    const since = ref.deciding!.since;
    expect(isPassingAt(smallSpender, a.approval, a.support, p.firstPassing!.block - since)).toBe(true);
    expect(isPassingAt(smallSpender, a.approval, a.support, p.firstPassing!.block - since - 1)).toBe(false);
    expect(p.approval!.block).toBe(p.confirmStart!.block + smallSpender.confirmPeriod);
    expect(p.enactment!.block).toBe(p.approval!.block + smallSpender.minEnactmentPeriod);
    expect(view.next).toEqual({ event: 'confirmStart', at: p.confirmStart });
  });

  it('starts confirmation at the pallet alarm when that falls a block after the first passing block', () => {
    // Approval 100%, support exactly 1%: passes from 86,400 blocks in; the pallet wakes at 86,401.
    const ref = ongoing({ tally: tally(10n * KSM, 0n, 10_000_000n) });
    const view = asDeciding(evaluateReferendum(ref, smallSpender, ctx));
    const since = ref.deciding!.since;
    expect(view.projection!.firstPassing!.block).toBe(since + 86_400);
    expect(view.projection!.palletAlarm.block).toBe(since + 86_401);
    expect(view.projection!.confirmStart!.block).toBe(since + 86_401);
    expect(view.projection!.alarmBeforePassing).toBe(false);
  });

  it('keeps the first passing block when the pallet alarm falls a block before it', () => {
    // Approval exactly 75% (a linear curve), support at the curve start: the pallet says 61,200.
    const ref = ongoing({ tally: tally(3n * KSM, KSM, 500_000_026n) });
    const view = asDeciding(evaluateReferendum(ref, smallSpender, ctx));
    const since = ref.deciding!.since;
    expect(view.assessment.approval).toBe(750_000_000);
    expect(view.projection!.palletAlarm.block).toBe(since + 61_200);
    expect(view.projection!.firstPassing!.block).toBe(since + 61_201);
    expect(view.projection!.confirmStart!.block).toBe(since + 61_201);
    expect(view.projection!.alarmBeforePassing).toBe(true);
  });

  it('says never at this tally when even the end-of-period curves are not met', () => {
    const ref = ongoing({ tally: tally(40n * KSM, 60n * KSM, 100_000_000n) });
    const view = asDeciding(evaluateReferendum(ref, smallSpender, ctx));
    expect(view.projection!.firstPassing).toBeNull();
    expect(view.projection!.approval).toBeNull();
    expect(view.next!.event).toBe('rejected');
    expect(view.next!.at.block).toBe(ref.deciding!.since + smallSpender.decisionPeriod);
  });

  it('at the decision period end a failing referendum is due for rejection, a passing one confirms', () => {
    const since = NOW - smallSpender.decisionPeriod;
    const failing = asDeciding(
      evaluateReferendum(
        ongoing({ deciding: { since, confirming: null }, tally: tally(1n, 2n, 0n) }),
        smallSpender,
        ctx,
      ),
    );
    expect(failing.assessment.x).toBe(1_000_000_000);
    expect(failing.assessment.approvalThreshold).toBe(500_000_000);
    expect(failing.next).toEqual({ event: 'rejected', at: { block: NOW, atMs: TS } });
    const passing = asDeciding(
      evaluateReferendum(
        ongoing({ deciding: { since, confirming: null }, tally: tally(1n, 1n, 0n) }),
        smallSpender,
        ctx,
      ),
    );
    expect(passing.assessment.passing).toBe(true);
    expect(passing.projection!.confirmStart!.block).toBe(NOW);
    expect(passing.next!.event).toBe('confirmStart');
  });

  it('gives every key block its wall-clock time at 6 s a relay block from the snapshot anchor', () => {
    const ref = ongoing({ alarm: NOW + 600 });
    const view = asDeciding(evaluateReferendum(ref, smallSpender, ctx));
    const k = view.keyBlocks;
    expect(k.submitted).toEqual({ block: NOW - 20_000, atMs: TS - 20_000 * 6_000 });
    expect(k.prepareEnd.block).toBe(NOW - 20_000 + 2_400);
    expect(k.undecidingTimeout.block).toBe(NOW - 20_000 + 201_600);
    expect(k.decisionEnd).toEqual({ block: NOW - 14_400 + 201_600, atMs: TS + (201_600 - 14_400) * 6_000 });
    expect(k.alarm).toEqual({ block: NOW + 600, atMs: TS + 3_600_000 });
    expect(k.confirmEnd).toBeNull();
    expect(view.now).toEqual({ block: NOW, atMs: TS });
  });
});

describe('evaluateReferendum: confirming', () => {
  it('is approved at the confirm end, and enacted no earlier than the minimum enactment period', () => {
    const confirming = NOW + 3_000;
    const ref = ongoing({
      deciding: { since: NOW - 100_000, confirming },
      tally: tally(9n * KSM, KSM, 100_000_000n),
      enactment: { kind: 'At', block: confirming + 50_000 },
    });
    const view = asDeciding(evaluateReferendum(ref, smallSpender, ctx));
    expect(view.phase).toBe('confirming');
    expect(view.assessment.passing).toBe(true);
    expect(view.keyBlocks.confirmEnd!.block).toBe(confirming);
    expect(view.projection!.confirmStart!.block).toBe(confirming - smallSpender.confirmPeriod);
    expect(view.projection!.approval!.block).toBe(confirming);
    expect(view.projection!.enactment!.block).toBe(confirming + 50_000);
    expect(view.next).toEqual({ event: 'approved', at: view.projection!.approval });
    const early = evaluateReferendum({ ...ref, enactment: { kind: 'At', block: 5 } }, smallSpender, ctx);
    expect(asDeciding(early).projection!.enactment!.block).toBe(confirming + smallSpender.minEnactmentPeriod);
  });

  it('aborts confirmation at the confirm-end alarm when no longer passing by then', () => {
    const confirming = NOW + 3_000;
    const ref = ongoing({ deciding: { since: NOW - 14_400, confirming }, tally: tally(KSM, KSM, 0n) });
    const view = asDeciding(evaluateReferendum(ref, smallSpender, ctx));
    expect(view.assessment.passing).toBe(false);
    expect(view.next).toEqual({ event: 'confirmAbort', at: { block: confirming, atMs: TS + 3_000 * 6_000 } });
  });
});

describe('evaluateReferendum: preparing', () => {
  it('waits for the decision deposit and times out 14 days after submission', () => {
    const ref = ongoing({ decisionDeposit: null, deciding: null, submitted: NOW - 100 });
    const view = asPreparing(evaluateReferendum(ref, smallSpender, ctx));
    expect(view.reason).toBe('decisionDeposit');
    expect(view.next).toEqual({
      event: 'timedOut',
      at: { block: NOW - 100 + 201_600, atMs: TS + 201_500 * 6_000 },
    });
    expect(view.projection).toBeNull();
  });

  it('waits out the prepare period, then decides, with a projection from that start', () => {
    const ref = ongoing({ deciding: null, submitted: NOW - 100, tally: tally(KSM, 0n, 600_000_000n) });
    const view = asPreparing(evaluateReferendum(ref, smallSpender, ctx));
    expect(view.reason).toBe('preparePeriod');
    const start = NOW - 100 + smallSpender.preparePeriod;
    expect(view.next).toEqual({
      event: 'decisionStart',
      at: { block: start, atMs: TS + (start - NOW) * 6_000 },
    });
    expect(view.assessment.x).toBe(0);
    expect(view.assessment.passing).toBe(true);
    // Passing at x = 0: the pallet confirms as soon as deciding starts.
    expect(view.projection!.confirmStart!.block).toBe(start);
    expect(view.projection!.approval!.block).toBe(start + smallSpender.confirmPeriod);
  });

  it('is queued when the track is full, and reports its queue position', () => {
    const queued = asPreparing(
      evaluateReferendum(ongoing({ deciding: null, inQueue: true }), smallSpender, {
        ...ctx,
        queuePosition: 3,
      }),
    );
    expect(queued.reason).toBe('trackQueue');
    expect(queued.queuePosition).toBe(3);
    expect(queued.next).toBeNull();
    const full = asPreparing(
      evaluateReferendum(ongoing({ deciding: null }), smallSpender, { ...ctx, decidingCount: 50 }),
    );
    expect(full.reason).toBe('trackQueue');
    expect(full.next!.event).toBe('queued');
    expect(full.queuePosition).toBeNull();
  });

  it('takes a free slot once prepared', () => {
    const view = asPreparing(
      evaluateReferendum(ongoing({ deciding: null }), smallSpender, { ...ctx, decidingCount: 49 }),
    );
    expect(view.reason).toBe('decisionSlot');
    expect(view.next).toEqual({ event: 'decisionStart', at: { block: NOW, atMs: TS } });
  });
});

describe('evaluateReferendum: ended', () => {
  const statuses: EndedStatus[] = ['approved', 'rejected', 'timedOut', 'cancelled', 'killed'];
  it.each(statuses)('%s carries its block and time', (status) => {
    const ref: ReferendumInfo = {
      status,
      id: 7,
      block: NOW - 600,
      submissionDeposit: null,
      decisionDeposit: null,
    };
    const view = evaluateReferendum(ref, undefined, ctx);
    expect(view.phase).toBe(status);
    if (view.phase === status)
      expect(view).toMatchObject({ id: 7, ended: { block: NOW - 600, atMs: TS - 3_600_000 } });
  });

  it('gives an approved referendum its enactment when the request is known', () => {
    const ref: ReferendumInfo = {
      status: 'approved',
      id: 7,
      block: NOW,
      submissionDeposit: null,
      decisionDeposit: null,
    };
    const view = evaluateReferendum(ref, smallSpender, { ...ctx, enactment: { kind: 'After', blocks: 10 } });
    expect(view).toMatchObject({
      phase: 'approved',
      enactment: { block: NOW + smallSpender.minEnactmentPeriod },
    });
  });
});

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

describe('queuePosition', () => {
  it('counts from the end of the ayes-sorted queue, which the pallet pops first', () => {
    const queue = [{ id: 4 }, { id: 9 }, { id: 2 }];
    expect(queuePosition(queue, 2)).toBe(1);
    expect(queuePosition(queue, 4)).toBe(3);
    expect(queuePosition(queue, 5)).toBeNull();
    expect(queuePosition(undefined, 5)).toBeNull();
  });
});
