/**
 * The broker, on-demand and crowdloan rules of core/coretime against the pallets' own figures:
 * the lead-in factor of `CenterTargetPrice` (Kusama's `MinimumPrice` uses it) at 0, 1/4, 1/2, 3/4
 * and 1 of the lead-in is 100, 55, 10, 5.5 and 1; FixedU64 rounds the fraction down; the sale
 * rotates `advanceNotice` relay blocks before its region begins; a renewal is possible only in the
 * sale whose region begins at its `when`; `ahOps` entries are withdrawable from their block on.
 */
import { describe, expect, it } from 'vitest';
import {
  contributionCall,
  contributionsRemaining,
  depositCall,
  isWithdrawable,
} from '../../../core/coretime/crowdloan.js';
import { onDemandSpotPrice } from '../../../core/coretime/on-demand.js';
import { renewalParas, renewalStanding } from '../../../core/coretime/renewal.js';
import {
  coresAvailable,
  leadinEndBlock,
  saleEndBlock,
  salePhase,
} from '../../../core/coretime/sale-phase.js';
import { firstBlockAtOrBelow, leadinFactor, salePriceAt } from '../../../core/coretime/sale-price.js';
import { timesliceAt, timesliceStartBlock } from '../../../core/coretime/timeslice.js';
import type {
  AhDeposit,
  CrowdloanContribution,
  PotentialRenewal,
  SaleInfo,
} from '../../../core/types/parachains.js';

const ONE = 1_000_000_000n;
const KSM = 10n ** 12n;
const A = 'HNZata7iMYWmk5RvZRTiAsSDhV8366zq2YGb3tLH5Upf74F';
const B = 'CaueuyKiS6gEVPb18ftgdWph6n3tgC6epa1RXx3Ayu5onjD';

const SALE: SaleInfo = {
  saleStart: 1_000,
  leadinLength: 100,
  endPrice: KSM,
  regionBegin: 20,
  regionEnd: 25,
  idealCoresSold: 4,
  coresOffered: 10,
  firstCore: 3,
  selloutPrice: null,
  coresSold: 3,
};
const CONFIG = { advanceNotice: 10 };

describe('timeslices', () => {
  it('timeslice t starts at relay block t × period, and a block falls in the timeslice it divides into', () => {
    expect(timesliceStartBlock(5, 80)).toBe(400);
    expect([timesliceAt(479, 80), timesliceAt(480, 80), timesliceAt(0, 80)]).toEqual([5, 6, 0]);
  });
});

describe('the lead-in price', () => {
  it('the factor is 100, 55, 10, 5.5 and 1 at 0, 1/4, 1/2, 3/4 and all of the lead-in', () => {
    const at = (block: number) => Number(leadinFactor(SALE, block)) / 1e9;
    expect([1_000, 1_025, 1_050, 1_075, 1_100].map(at)).toEqual([100, 55, 10, 5.5, 1]);
    expect(salePriceAt(SALE, 1_025)).toBe(55n * KSM);
    expect(salePriceAt(SALE, 1_075)).toBe((55n * KSM) / 10n);
  });

  it('holds the start price before the sale and the end price after the lead-in', () => {
    expect(salePriceAt(SALE, 0)).toBe(100n * KSM);
    expect(salePriceAt(SALE, 5_000)).toBe(KSM);
  });

  it('rounds the fraction through the lead-in down, as FixedU64::from_rational does', () => {
    const sale = { ...SALE, leadinLength: 7 };
    const through = ONE / 7n; // 142,857,142
    expect(leadinFactor(sale, 1_001)).toBe(100n * ONE - 180n * through);
    expect(salePriceAt(sale, 1_001)).toBe(74_285_714_440_000n);
    // Past the middle, 19 − 18 × through: 5/7 through.
    expect(leadinFactor(sale, 1_005)).toBe(19n * ONE - 18n * ((5n * ONE) / 7n));
  });

  it('the price only falls, and meets at the middle', () => {
    let last = salePriceAt(SALE, 999);
    for (let b = 1_000; b <= 1_101; b++) {
      const p = salePriceAt(SALE, b);
      expect(p).toBeLessThanOrEqual(last);
      last = p;
    }
    expect(leadinFactor(SALE, 1_050)).toBe(10n * ONE);
  });

  it('the first block at or below a level', () => {
    expect(firstBlockAtOrBelow(SALE, 10n * KSM)).toBe(1_050);
    expect(firstBlockAtOrBelow(SALE, 55n * KSM)).toBe(1_025);
    expect(firstBlockAtOrBelow(SALE, KSM)).toBe(1_100);
    expect(firstBlockAtOrBelow(SALE, 200n * KSM)).toBe(1_000);
    expect(firstBlockAtOrBelow(SALE, KSM - 1n)).toBeNull();
  });
});

describe('the sale phase', () => {
  it('interlude up to the start, lead-in, fixed, and ended advanceNotice blocks before the region', () => {
    expect(saleEndBlock(SALE, CONFIG, 80)).toBe(20 * 80 - 10);
    expect(leadinEndBlock(SALE)).toBe(1_100);
    const phase = (b: number) => salePhase(SALE, CONFIG, 80, b);
    expect([999, 1_000, 1_001, 1_099, 1_100, 1_589, 1_590].map(phase)).toEqual([
      'interlude',
      'interlude',
      'leadin',
      'leadin',
      'fixed',
      'fixed',
      'ended',
    ]);
  });

  it('cores available never go below zero', () => {
    expect(coresAvailable(SALE)).toBe(7);
    expect(coresAvailable({ ...SALE, coresSold: 12 })).toBe(0);
  });
});

describe('renewal standing', () => {
  const complete = (when: number, paras: number[]): PotentialRenewal => ({
    core: 1,
    when,
    price: KSM,
    completion: {
      type: 'complete',
      items: paras.map((para) => ({ mask: '0xff', assignment: { type: 'task', para } })),
    },
  });

  it('due in the sale whose region begins at its when, until the sale ends', () => {
    expect(renewalStanding(complete(20, [2000]), SALE, CONFIG, 80)).toEqual({
      state: 'due',
      deadline: 1_590,
    });
  });

  it('renewed once its entry is for the next sale; lapsed, later and partial otherwise', () => {
    expect(renewalStanding(complete(25, [2000]), SALE, CONFIG, 80).state).toBe('renewed');
    expect(renewalStanding(complete(19, [2000]), SALE, CONFIG, 80).state).toBe('lapsed');
    expect(renewalStanding(complete(26, [2000]), SALE, CONFIG, 80).state).toBe('later');
    const partial: PotentialRenewal = {
      core: 1,
      when: 20,
      price: KSM,
      completion: { type: 'partial', mask: '0xff' },
    };
    expect(renewalStanding(partial, SALE, CONFIG, 80)).toEqual({ state: 'partial', deadline: null });
    expect(renewalParas(partial)).toEqual([]);
  });

  it('the paras of a workload, each once, by id', () => {
    expect(renewalParas(complete(20, [2023, 2000, 2023]))).toEqual([2000, 2023]);
  });
});

describe('on demand', () => {
  it('the spot price is traffic × base fee, rounded down', () => {
    expect(onDemandSpotPrice({ traffic: 10n ** 18n, baseFee: 123n })).toBe(123n);
    expect(onDemandSpotPrice({ traffic: 25n * 10n ** 17n, baseFee: 3n })).toBe(7n);
  });
});

describe('crowdloan refunds', () => {
  const c: CrowdloanContribution = { block: 500, para: 2000, contributor: A, fundAccount: B, amount: KSM };
  const lease: AhDeposit = { kind: 'lease', block: 500, para: 2000, account: B, amount: KSM };
  const reserve: AhDeposit = { ...lease, kind: 'crowdloan' };

  it('withdrawable from its block on', () => {
    expect([isWithdrawable(c, 499), isWithdrawable(c, 500), isWithdrawable(c, 501)]).toEqual([
      false,
      true,
      true,
    ]);
  });

  it('the call for each kind, with block, depositor and para', () => {
    expect(contributionCall(c)).toEqual({
      call: 'ahOps.withdrawCrowdloanContribution',
      args: [500, A, 2000],
    });
    expect(depositCall(lease)).toEqual({ call: 'ahOps.unreserveLeaseDeposit', args: [500, B, 2000] });
    expect(depositCall(reserve)).toEqual({ call: 'ahOps.unreserveCrowdloanReserve', args: [500, B, 2000] });
  });

  it('a crowdloan deposit waits on the contributions of its own crowdloan only', () => {
    const other = { ...c, para: 2001 };
    const state = { contributions: [c, { ...c, contributor: B }, other], deposits: [lease, reserve] };
    expect(contributionsRemaining(state, reserve)).toBe(2);
    expect(contributionsRemaining(state, lease)).toBe(0);
  });
});
