/**
 * The voters source's rules on hand-made records: a delegate's new vote, a voted referendum that
 * ended with what it means for the lock, and funds that became unlockable.
 */
import { describe, expect, it } from 'vitest';
import { voterAlerts } from '../../../core/alerts/detect.js';
import type { ReferendumChange } from '../../../core/alerts/detect-referenda.js';
import type { VotersData } from '../../../core/alerts/detect-voters.js';
import type { AccountVote, ClassVoting, VoterRecord, VotingRules } from '../../../core/types/voting.js';
import { outcomeLookup, type ReferendumOutcomes } from '../../../core/voting/outcomes.js';
import { clock, deciding, ended, NOW_BLOCK, rec } from './fixtures.js';

const KSM = 10n ** 12n;
const RULES: VotingRules = {
  voteLockingPeriod: 100_800,
  lockPeriods: [0, 1, 2, 4, 8, 16, 32],
  voteTenths: [1, 10, 20, 30, 40, 50, 60],
  voteCall: { pallet: 91, call: 0 },
  removeVoteCall: 4,
  unlockCall: 3,
  specVersion: 2_003_000,
};
const none = { votes: 0n, capital: 0n };
const noPrior = { until: 0, amount: 0n };
const aye = (conviction: number, ksm: bigint): AccountVote => ({
  type: 'standard',
  aye: true,
  conviction: conviction as 0,
  balance: ksm * KSM,
});
const nay = (conviction: number, ksm: bigint): AccountVote =>
  ({ ...aye(conviction, ksm), aye: false }) as AccountVote;
const casting = (votes: Array<[number, AccountVote]>, prior = noPrior): ClassVoting => ({
  type: 'casting',
  votes: votes.map(([referendum, vote]) => ({ referendum, vote })),
  delegations: none,
  prior,
});
const voter = (classes: Record<number, ClassVoting>, locks: Array<[number, bigint]> = []): VoterRecord => ({
  classes,
  classLocks: locks.map(([track, ksm]) => ({ track, amount: ksm * KSM })),
  delegators: {},
});
const delegating = (target: string, conviction: number, ksm: bigint): ClassVoting => ({
  type: 'delegating',
  target,
  conviction: conviction as 2,
  balance: ksm * KSM,
  delegations: none,
  prior: noPrior,
});

const ongoing = new Map([
  [1, { track: 32, title: 'Fund the shield' }],
  [2, { track: 32, title: null }],
]);

function data(
  accounts: VotersData['accounts'],
  delegates: VotersData['context']['delegates'] = new Map(),
  extra: Partial<VotersData['context']> = {},
): VotersData {
  return {
    accounts,
    context: { hasBase: true, ongoing, rules: RULES, outcomes: null, delegates, ...extra },
  };
}

describe('delegate-voted', () => {
  const alice = voter({ 32: delegating('dan', 2, 40n) }, [[32, 40n]]);
  const danBefore = voter({ 32: casting([[2, aye(1, 5n)]]) });
  const danAfter = voter({
    32: casting([
      [1, aye(3, 120n)],
      [2, aye(1, 5n)],
      [7, nay(1, 1n)],
    ]),
  });
  const run = (after = danAfter, extra: Partial<VotersData['context']> = {}) =>
    voterAlerts(
      data(
        [{ address: 'alice', before: alice, after: alice }],
        new Map([['dan', { before: danBefore, after }]]),
        extra,
      ),
      [],
      clock(),
    );

  it("a delegate's new vote on an ongoing referendum of the track, not its old ones nor ended ones", () => {
    const out = run();
    expect(out.map((a) => [a.id.replace(/:[0-9a-f]{8}$/, ''), a.scope, a.severity])).toEqual([
      ['dvote:alice:1:dan', { type: 'address', address: 'alice' }, 'info'],
    ]);
    expect(out[0]!.facts).toEqual({
      kind: 'delegate-voted',
      address: 'alice',
      referendum: 1,
      track: 32,
      title: 'Fund the shield',
      delegate: { address: 'dan' },
      vote: { type: 'standard', aye: true, conviction: 3, balance: String(120n * KSM) },
      delegated: { balance: String(40n * KSM), conviction: 2 },
    });
  });

  it('the same vote seen again has the same id; a changed vote a new one', () => {
    expect(run().map((a) => a.id)).toEqual(run().map((a) => a.id));
    const changed = voter({
      32: casting([
        [1, nay(3, 120n)],
        [2, aye(1, 5n)],
      ]),
    });
    expect(run(changed)[0]!.id).not.toBe(run()[0]!.id);
    // The delegate changing its vote on 2 is news too.
    const moved = voter({ 32: casting([[2, aye(2, 5n)]]) });
    expect(run(moved).map((a) => (a.facts as { referendum: number }).referendum)).toEqual([2]);
  });

  it('nothing on a first run, and nothing when the delegate record was not read', () => {
    expect(run(danAfter, { hasBase: false })).toEqual([]);
    expect(voterAlerts(data([{ address: 'alice', before: alice, after: alice }]), [], clock())).toEqual([]);
  });
});

describe('voted-ref-ended', () => {
  const approved5: ReferendumChange = {
    id: 5,
    before: rec(deciding(5, 32, NOW_BLOCK - 1_000)),
    after: ended(5, 'approved', NOW_BLOCK - 5),
  };
  const rejected6: ReferendumChange = {
    id: 6,
    before: rec(deciding(6, 11, NOW_BLOCK - 1_000)),
    after: ended(6, 'rejected', NOW_BLOCK - 5),
  };
  const bob = voter({ 32: casting([[5, aye(3, 25n)]]), 11: casting([[6, aye(0, 3n)]]) }, [
    [32, 25n],
    [11, 3n],
  ]);
  const carol = voter({ 32: casting([[5, nay(1, 9n)]]) }, [[32, 9n]]);
  const alice = voter({ 32: delegating('dan', 2, 40n) }, [[32, 40n]]);
  const dan = voter({ 32: casting([[5, aye(1, 1n)]]) });
  const input = (rules: VotingRules | null = RULES) =>
    data(
      [
        { address: 'bob', before: bob, after: bob },
        { address: 'carol', before: carol, after: carol },
        { address: 'alice', before: alice, after: alice },
      ],
      new Map([['dan', { before: dan, after: dan }]]),
      { rules },
    );

  it('how each voted, the outcome, and what stays locked or can be removed', () => {
    const out = voterAlerts(input(), [approved5, rejected6], clock());
    const rows = out.map((a) => [a.id, (a.facts as { lock: unknown }).lock]);
    expect(rows).toEqual([
      [
        'voted-ended:bob:5',
        {
          state: 'locked',
          amount: String(25n * KSM),
          until: { block: NOW_BLOCK - 5 + 4 * 100_800, atMs: expect.any(Number) },
        },
      ],
      ['voted-ended:bob:6', { state: 'free', amount: String(3n * KSM), reason: 'losing-side' }],
      ['voted-ended:carol:5', { state: 'free', amount: String(9n * KSM), reason: 'losing-side' }],
      ['voted-ended:alice:5', { state: 'delegated', amount: String(40n * KSM), conviction: 2, days: 14 }],
    ]);
    expect(out[3]!.facts).toMatchObject({ delegate: { address: 'dan' }, track: 32, outcome: 'approved' });
  });

  it('without the voting rules it still tells the outcome, with no lock; a referendum ended before is not news', () => {
    const out = voterAlerts(input(null), [approved5], clock());
    expect(out.map((a) => (a.facts as { lock: unknown }).lock)).toEqual([null, null, null]);
    const old: ReferendumChange = {
      id: 5,
      before: ended(5, 'approved', NOW_BLOCK - 5),
      after: ended(5, 'approved', NOW_BLOCK - 5),
    };
    expect(voterAlerts(input(), [old], clock())).toEqual([]);
  });
});

describe('lock-unlockable', () => {
  const outcomes = (ended: ReferendumOutcomes, ongoingIds: number[], relayBlock: number) => ({
    outcome: outcomeLookup(ended, new Map(ongoingIds.map((id) => [id, 32]))),
    relayBlock,
  });
  // A prior lock of 30 KSM on track 11 that ends at NOW + 10, and a Nay on 5 (9 KSM) on track 32.
  const erin = voter(
    { 11: casting([], { until: NOW_BLOCK + 10, amount: 30n * KSM }), 32: casting([[5, nay(1, 9n)]]) },
    [
      [11, 30n],
      [32, 9n],
    ],
  );
  const before = outcomes({}, [5], NOW_BLOCK - 100);
  const run = (
    after: ReturnType<typeof outcomes> | null,
    was: ReturnType<typeof outcomes> | null = before,
    hasBase = true,
  ) =>
    voterAlerts(
      data([{ address: 'erin', before: erin, after: erin }], new Map(), {
        hasBase,
        outcomes: after ? { after, before: was } : null,
      }),
      [],
      clock(),
    );

  it('the prior lock expiring and the referendum ending against the vote free funds, with the calls in order', () => {
    // Only time passed: the prior lock of track 11 ended; 5 is still ongoing. The lock falls from 30 to 9.
    const expired = run(outcomes({}, [5], NOW_BLOCK + 20));
    expect(expired.map((a) => a.facts)).toEqual([
      {
        kind: 'lock-unlockable',
        address: 'erin',
        amount: String(21n * KSM),
        lockedNow: String(30n * KSM),
        lockedAfter: String(9n * KSM),
        calls: [{ call: 'unlock', track: 11 }],
      },
    ]);
    // 5 was approved as well: the Nay locks nothing, so everything goes.
    const both = run(outcomes({ 5: { status: 'approved', block: NOW_BLOCK } }, [], NOW_BLOCK + 20));
    expect(
      both.map((a) => [(a.facts as { amount: string }).amount, (a.facts as { calls: unknown }).calls]),
    ).toEqual([
      [
        String(30n * KSM),
        [
          { call: 'unlock', track: 11 },
          { call: 'removeVote', track: 32, referendum: 5 },
          { call: 'unlock', track: 32 },
        ],
      ],
    ]);
    expect(both[0]!.id).toMatch(/^unlockable:erin:30000000000000:[0-9a-f]{8}$/);
    expect(both[0]!.id).not.toBe(expired[0]!.id);
  });

  it('once: no alert while the amount stays, none before anything is free, none without the outcomes', () => {
    const later = outcomes({}, [5], NOW_BLOCK + 20);
    expect(run(later, later)).toEqual([]);
    expect(run(outcomes({}, [5], NOW_BLOCK))).toEqual([]);
    expect(run(null)).toEqual([]);
    expect(
      voterAlerts(
        data([{ address: 'erin', before: erin, after: erin }], new Map(), {
          rules: null,
          outcomes: { after: later, before },
        }),
        [],
        clock(),
      ),
    ).toEqual([]);
    // A first run tells a standing amount once (its id is the one later runs would give).
    expect(run(later, null, false).map((a) => a.id)).toEqual(run(later).map((a) => a.id));
  });
});
