/**
 * What one para holds on the Coretime chain: its share of each core from the 80-bit masks, the
 * plan, lease and reservation, the renewals that run it (a partial one through the core it runs
 * on), auto-renewals, and until which timeslice it holds coretime.
 */
import { describe, expect, it } from 'vitest';
import { maskBits, paraCoretime } from '../../../core/coretime/para-coretime.js';
import type { CoretimeState, ScheduleItem } from '../../../core/types/parachains.js';

const FULL = '0xffffffffffffffffffff';
const HALF = '0xffffffffff0000000000';
const LOW = '0x0000000000ffffffffff';
const task = (para: number, mask = FULL): ScheduleItem => ({ mask, assignment: { type: 'task', para } });

function state(): CoretimeState {
  return {
    block: { hash: '0x01', number: 1, specVersion: 1_006_001, relayBlock: 1_000 },
    timeslicePeriod: 80,
    config: {
      advanceNotice: 10,
      interludeLength: 100,
      leadinLength: 100,
      regionLength: 5,
      idealBulkProportion: 0,
      limitCoresOffered: null,
      renewalBump: 0,
      contributionTimeout: 5,
    },
    status: null,
    sale: {
      saleStart: 1_000,
      leadinLength: 100,
      endPrice: 1n,
      regionBegin: 20,
      regionEnd: 25,
      idealCoresSold: 1,
      coresOffered: 1,
      firstCore: 9,
      selloutPrice: null,
      coresSold: 0,
    },
    leases: [{ para: 3000, until: 40 }],
    reservations: [[task(1000)]],
    renewals: [
      { core: 1, when: 20, price: 7n, completion: { type: 'complete', items: [task(2000)] } },
      { core: 2, when: 20, price: 8n, completion: { type: 'partial', mask: HALF } },
      { core: 4, when: 15, price: 9n, completion: { type: 'complete', items: [task(2002)] } },
    ],
    autoRenewals: [{ core: 1, para: 2000, nextRenewal: 20 }],
    workplan: [{ timeslice: 20, core: 3, items: [task(2001)] }],
    workload: [
      { core: 1, items: [task(2000)] },
      { core: 2, items: [task(2001, HALF), task(2002, LOW)] },
    ],
  };
}

describe('core masks', () => {
  it('counts the set bits of an 80-bit mask', () => {
    expect([maskBits(FULL), maskBits(HALF), maskBits(LOW), maskBits('0x00000000000000000001')]).toEqual([
      80, 40, 40, 1,
    ]);
  });
});

describe('what a para holds', () => {
  it('a para with a whole core, its renewal due and auto-renewal', () => {
    const held = paraCoretime(state(), 2000);
    expect(held.now).toEqual([{ core: 1, bits: 80 }]);
    expect(held.renewals).toEqual([
      { core: 1, when: 20, price: 7n, standing: { state: 'due', deadline: 20 * 80 - 10 } },
    ]);
    expect(held.autoRenewals).toEqual([{ core: 1, nextRenewal: 20 }]);
    expect(held.heldUntil).toBe(20);
  });

  it('a para sharing a core gets the partial renewal of that core, and its plan extends what it holds', () => {
    const held = paraCoretime(state(), 2001);
    expect(held.now).toEqual([{ core: 2, bits: 40 }]);
    expect(held.planned).toEqual([{ from: 20, core: 3, bits: 80 }]);
    expect(held.renewals.map((r) => [r.core, r.standing.state])).toEqual([[2, 'partial']]);
    // The plan from timeslice 20 lasts a region (5 timeslices).
    expect(held.heldUntil).toBe(25);
  });

  it('a lapsed renewal does not extend what it holds; a lease does; a reservation has no end', () => {
    const other = paraCoretime(state(), 2002);
    expect(other.renewals.map((r) => r.standing.state)).toEqual(['lapsed', 'partial']);
    expect(other.heldUntil).toBe(20);
    expect(paraCoretime(state(), 3000)).toMatchObject({ lease: { until: 40 }, heldUntil: 40 });
    expect(paraCoretime(state(), 1000)).toMatchObject({ reserved: true, heldUntil: null });
    expect(paraCoretime(state(), 4000)).toMatchObject({
      now: [],
      renewals: [],
      heldUntil: null,
      reserved: false,
    });
  });
});
