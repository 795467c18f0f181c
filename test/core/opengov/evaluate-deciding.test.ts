import { describe, expect, it } from 'vitest';
import { isPassingAt } from '../../../core/opengov/decision.js';
import { evaluateReferendum } from '../../../core/opengov/evaluate.js';
import { asDeciding, ctx, ISSUANCE, KSM, NOW, ongoing, smallSpender, TS, tally } from './referenda.js';

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
