import { describe, expect, it } from 'vitest';
import { queuePosition } from '../../../core/opengov/context.js';
import { evaluateReferendum } from '../../../core/opengov/evaluate.js';
import type { EndedStatus, ReferendumInfo } from '../../../core/types/governance.js';
import { asPreparing, ctx, KSM, NOW, ongoing, smallSpender, TS, tally } from './referenda.js';

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

describe('queuePosition', () => {
  it('counts from the end of the ayes-sorted queue, which the pallet pops first', () => {
    const queue = [{ id: 4 }, { id: 9 }, { id: 2 }];
    expect(queuePosition(queue, 2)).toBe(1);
    expect(queuePosition(queue, 4)).toBe(3);
    expect(queuePosition(queue, 5)).toBeNull();
    expect(queuePosition(undefined, 5)).toBeNull();
  });
});
