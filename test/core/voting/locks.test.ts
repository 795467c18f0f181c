/**
 * The unlock assistant's maths on hand-built records, one case per rule of pallet_conviction_voting
 * (`try_remove_vote`, `update_lock`, `PriorLock::rejig`): what each vote and lock holds, until when,
 * and which calls free what at a given relay block.
 */
import { describe, expect, it } from 'vitest';
import { convictionVotes, unlockPlan, voteBalance } from '../../../core/voting/locks.js';
import { outcomeLookup, type ReferendumOutcomes } from '../../../core/voting/outcomes.js';
import {
  ALICE,
  aye,
  BOB,
  casting,
  delegating,
  KUSAMA_RULES,
  ksm,
  nay,
  PERIOD,
  record,
} from './voting-fixture.js';

const NOW = 30_000_000;
const ENDED: ReferendumOutcomes = {
  500: { status: 'approved', block: NOW - 10 * PERIOD },
  501: { status: 'approved', block: NOW - PERIOD },
  502: { status: 'rejected', block: NOW - 1_000 },
  503: { status: 'cancelled', block: NOW - 2_000 },
  504: { status: 'timedOut', block: NOW - 3_000 },
  505: { status: 'killed', block: NOW - 4_000 },
};
const lookup = outcomeLookup(
  ENDED,
  new Map([
    [600, 11],
    [601, 11],
    [602, 0],
  ]),
);
const plan = (r: ReturnType<typeof record>, now = NOW) => unlockPlan(ALICE, r, lookup, KUSAMA_RULES, now);

describe('voteBalance and convictionVotes', () => {
  it('counts a split vote as all of its sides and conviction as the pallet multiplies it', () => {
    expect(voteBalance(aye(ksm(12), 3))).toBe(ksm(12));
    expect(voteBalance({ type: 'split', aye: ksm(2), nay: ksm(3) })).toBe(ksm(5));
    expect(voteBalance({ type: 'splitAbstain', aye: ksm(1), nay: ksm(2), abstain: ksm(4) })).toBe(ksm(7));
    expect(convictionVotes(ksm(10), 0, KUSAMA_RULES)).toBe(ksm(1));
    expect(convictionVotes(ksm(10), 1, KUSAMA_RULES)).toBe(ksm(10));
    expect(convictionVotes(ksm(10), 6, KUSAMA_RULES)).toBe(ksm(60));
  });
});

describe('unlockPlan', () => {
  it('an ongoing vote holds its balance and names the periods it locks for if its side wins', () => {
    const p = plan(record({ 11: casting([[600, aye(ksm(40), 3)]]) }, [[11, ksm(40)]]));
    const [c] = p.classes;
    expect(c!.votes[0]!.lock).toEqual({ state: 'ongoing', ifWinsUntilPeriods: 4 });
    expect(c!.neededAfter).toBe(ksm(40));
    expect(c!.removable).toEqual([]);
    expect(p).toMatchObject({ lockedNow: ksm(40), lockedAfter: ksm(40), unlockable: 0n, calls: [] });
  });

  it('an approved aye with conviction stays locked until end + periods × VoteLockingPeriod', () => {
    // 501 ended one period ago; 2x locks for two periods: one more to go.
    const p = plan(record({ 11: casting([[501, aye(ksm(25), 2)]]) }, [[11, ksm(25)]]));
    const c = p.classes[0]!;
    const until = NOW - PERIOD + 2 * PERIOD;
    expect(c.votes[0]!.lock).toEqual({ state: 'locked', until });
    expect(c.nextExpiry).toBe(until);
    expect(p.unlockable).toBe(0n);
    expect(p.calls).toEqual([]);
    // At the block it ends the vote is free to remove, and the lock with it.
    const later = plan(record({ 11: casting([[501, aye(ksm(25), 2)]]) }, [[11, ksm(25)]]), until);
    expect(later.classes[0]!.votes[0]!.lock).toEqual({ state: 'free', reason: 'period-over' });
    expect(later.unlockable).toBe(ksm(25));
    expect(later.calls).toEqual([
      { call: 'removeVote', track: 11, referendum: 501 },
      { call: 'unlock', track: 11, target: ALICE },
    ]);
  });

  it('a winning vote whose lock period is over, a losing vote and a vote without conviction are free', () => {
    const r = record(
      {
        11: casting([
          [500, aye(ksm(10), 3)],
          [501, nay(ksm(20), 6)],
          [502, nay(ksm(30), 0)],
        ]),
      },
      [[11, ksm(30)]],
    );
    const c = plan(r).classes[0]!;
    expect(c.votes.map((v) => v.lock)).toEqual([
      { state: 'free', reason: 'period-over' },
      { state: 'free', reason: 'losing-side' },
      { state: 'free', reason: 'no-conviction' },
    ]);
    expect(c.removable).toEqual([500, 501, 502]);
    expect(c.freesNow).toBe(ksm(30));
    expect(plan(r).calls.map((x) => x.call)).toEqual(['removeVote', 'removeVote', 'removeVote', 'unlock']);
  });

  it('a split vote on an ended referendum is free, and so is any vote on a cancelled, timed-out, killed or unknown one', () => {
    const r = record(
      {
        11: casting([
          [501, { type: 'split', aye: ksm(5), nay: ksm(5) }],
          [503, aye(ksm(50), 6)],
          [504, aye(ksm(50), 6)],
          [505, aye(ksm(50), 6)],
          [999, aye(ksm(50), 6)],
        ]),
      },
      [[11, ksm(50)]],
    );
    const p = plan(r);
    expect(p.classes[0]!.votes.map((v) => v.lock)).toEqual([
      { state: 'free', reason: 'split' },
      { state: 'free', reason: 'no-poll' },
      { state: 'free', reason: 'no-poll' },
      { state: 'free', reason: 'no-poll' },
      { state: 'free', reason: 'no-poll' },
    ]);
    expect(p.unlockable).toBe(ksm(50));
    expect(p.calls).toHaveLength(6);
  });

  it('a prior lock in the future holds its amount; an expired one is cleared by unlock alone', () => {
    const future = record({ 11: casting([], { until: NOW + 5, amount: ksm(70) }) }, [[11, ksm(70)]]);
    const f = plan(future);
    expect(f.classes[0]!.prior).toEqual({ until: NOW + 5, amount: ksm(70), expired: false });
    expect(f.classes[0]!.nextExpiry).toBe(NOW + 5);
    expect(f.unlockable).toBe(0n);
    const expired = record({ 11: casting([], { until: NOW, amount: ksm(70) }) }, [[11, ksm(70)]]);
    const e = plan(expired);
    expect(e.classes[0]!.prior).toEqual({ until: NOW, amount: ksm(70), expired: true });
    expect(e.unlockable).toBe(ksm(70));
    expect(e.calls).toEqual([{ call: 'unlock', track: 11, target: ALICE }]);
  });

  it('delegating holds the delegated balance, with the conviction periods that follow undelegating', () => {
    const r = record({ 34: delegating(BOB, 2, ksm(100), { until: NOW + 10, amount: ksm(150) }) }, [
      [34, ksm(150)],
    ]);
    const c = plan(r).classes[0]!;
    expect(c.delegating).toEqual({ target: BOB, balance: ksm(100), conviction: 2, periodsAfter: 2 });
    expect(c.neededAfter).toBe(ksm(150));
    expect(plan(r).unlockable).toBe(0n);
    // Once the prior lock ends, unlock brings the class down to the delegated balance.
    const after = plan(r, NOW + 10);
    expect(after.unlockable).toBe(ksm(50));
    expect(after.lockedAfter).toBe(ksm(100));
    expect(after.calls).toEqual([{ call: 'unlock', track: 34, target: ALICE }]);
  });

  it('a class lock left larger than needed (removeVote without unlock) is freed by unlock alone', () => {
    const r = record({ 11: casting([[600, aye(ksm(10), 1)]]) }, [[11, ksm(80)]]);
    const p = plan(r);
    expect(p.classes[0]!.freesNow).toBe(ksm(70));
    expect(p.unlockable).toBe(ksm(70));
    expect(p.calls).toEqual([{ call: 'unlock', track: 11, target: ALICE }]);
    // A class lock entry without any vote record (all removed) is freed whole.
    const bare = plan(record({}, [[13, ksm(5)]]));
    expect(bare.classes.map((c) => c.track)).toEqual([13]);
    expect(bare.unlockable).toBe(ksm(5));
  });

  it('several tracks: the balance lock is the largest class lock, so freeing a smaller one makes nothing transferable', () => {
    const r = record(
      {
        0: casting([[602, aye(ksm(200), 1)]]),
        11: casting([[502, aye(ksm(90), 1)]]),
      },
      [
        [11, ksm(90)],
        [0, ksm(200)],
      ],
    );
    const p = plan(r);
    expect(p.classes.map((c) => [c.track, c.freesNow])).toEqual([
      [0, 0n],
      [11, ksm(90)],
    ]);
    expect(p.lockedNow).toBe(ksm(200));
    expect(p.lockedAfter).toBe(ksm(200));
    expect(p.unlockable).toBe(0n);
    // The calls still lower track 11's lock, for when track 0's lock ends.
    expect(p.calls).toEqual([
      { call: 'removeVote', track: 11, referendum: 502 },
      { call: 'unlock', track: 11, target: ALICE },
    ]);
    // When the larger track holds less than the freed one, only the difference becomes transferable.
    const smaller = record({ 0: casting([[602, aye(ksm(60), 1)]]), 11: casting([[502, aye(ksm(90), 1)]]) }, [
      [0, ksm(60)],
      [11, ksm(90)],
    ]);
    const s = plan(smaller);
    expect(s.lockedNow).toBe(ksm(90));
    expect(s.lockedAfter).toBe(ksm(60));
    expect(s.unlockable).toBe(ksm(30));
  });

  it('an empty record has no classes and nothing to do', () => {
    expect(plan(record({}, []))).toEqual({
      now: NOW,
      classes: [],
      lockedNow: 0n,
      lockedAfter: 0n,
      unlockable: 0n,
      calls: [],
    });
  });
});
