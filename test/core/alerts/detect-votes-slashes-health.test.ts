import { describe, expect, it } from 'vitest';
import { healthAlerts, notVotedAlerts, slashAlerts } from '../../../core/alerts/detect.js';
import { upcomingDeadlines } from '../../../core/alerts/detect-deadlines.js';

import { freshSlashes } from '../../../core/alerts/detect-slashes.js';
import { delegatesToRead, votingLookup } from '../../../core/alerts/detect-votes.js';
import { buildAccountSlices } from '../../../core/staking/account-slices.js';
import type { AccountVoting, VotingState } from '../../../core/types/governance.js';
import type { SlashRecord } from '../../../core/types/staking.js';
import { KUSAMA_TRACKS, kusamaTrack } from '../../fixtures/kusama-tracks.js';
import { handScenario, who } from '../staking/scenario.js';
import { clock, deciding, NOW_BLOCK, NOW_MS } from './fixtures.js';

const endingIn = (id: number, minutes: number) =>
  deciding(id, 32, NOW_BLOCK + minutes * 10 - kusamaTrack(32).decisionPeriod);

describe('not-voted alerts', () => {
  const votes = new Map<string, VotingState>([
    ['alice#32', { type: 'casting', referenda: [1] }],
    ['bob#32', { type: 'delegating', target: 'carol' }],
    ['carol#32', { type: 'casting', referenda: [2] }],
    ['dave#32', { type: 'none' }],
  ]);
  const lookup = (a: string, t: number) => votes.get(`${a}#${t}`);
  const deadlines = upcomingDeadlines([endingIn(1, 30), endingIn(2, 20 * 60)], KUSAMA_TRACKS, clock());

  it('alerts addresses that have not voted; one that delegates only when its delegate has not voted either', () => {
    const out = notVotedAlerts(deadlines, ['alice', 'bob', 'dave', 'erin'], lookup, [1_440, 60], clock());
    const rows = out.map((a) => [
      a.id,
      a.severity,
      a.facts.kind,
      (a.facts as { delegate?: unknown }).delegate,
    ]);
    expect(rows).toEqual([
      // Referendum 1 ends in 30 min: alice voted; dave did not; erin unknown.
      [`novote:1:dave:${deadlines[0]!.end}:1h`, 'critical', 'ref-not-voted', undefined],
      // Referendum 2 ends in 20 h: alice did not vote on it; carol voted for bob, so bob is not told.
      [`novote:2:alice:${deadlines[1]!.end}:24h`, 'warning', 'ref-not-voted', undefined],
      [`novote:2:dave:${deadlines[1]!.end}:24h`, 'warning', 'ref-not-voted', undefined],
      // Then the delegate rule: bob's delegate carol did not vote on 1 (she did on 2).
      [
        `dnovote:1:bob:${deadlines[0]!.end}:1h`,
        'critical',
        'delegate-not-voted',
        { address: 'carol', delegating: false },
      ],
    ]);
  });

  it('a delegate that delegates the track on is said to be unable to vote; one not read gives no alert', () => {
    const chained = new Map<string, VotingState>([
      ['bob#32', { type: 'delegating', target: 'carol' }],
      ['carol#32', { type: 'delegating', target: 'zoe' }],
      ['fay#32', { type: 'delegating', target: 'gus' }],
    ]);
    const out = notVotedAlerts(deadlines, ['bob', 'fay'], (a, t) => chained.get(`${a}#${t}`), [60], clock());
    expect(out.map((a) => [a.id, a.facts])).toEqual([
      [
        `dnovote:1:bob:${deadlines[0]!.end}:1h`,
        expect.objectContaining({ delegate: { address: 'carol', delegating: true } }),
      ],
    ]);
  });

  it('nothing outside the lead windows', () => {
    const far = upcomingDeadlines([endingIn(3, 30 * 60)], KUSAMA_TRACKS, clock());
    expect(notVotedAlerts(far, ['dave'], lookup, [1_440, 60], clock())).toEqual([]);
  });
});

describe('stored voting records', () => {
  const records = new Map<string, AccountVoting>([
    ['alice', { 32: { type: 'casting', referenda: [1] }, 0: { type: 'delegating', target: 'zoe' } }],
    ['bob', { 32: { type: 'delegating', target: 'carol' }, 30: { type: 'delegating', target: 'dan' } }],
    ['carol', {}],
  ]);

  it('an address read without a record on a track has not voted there; one not read is unknown', () => {
    const lookup = votingLookup(records);
    expect(lookup('alice', 32)).toEqual({ type: 'casting', referenda: [1] });
    expect(lookup('carol', 32)).toEqual({ type: 'none' });
    expect(lookup('alice', 11)).toEqual({ type: 'none' });
    expect(lookup('erin', 32)).toBeUndefined();
  });

  it('delegates still to read: only on the tracks asked for, and only those not read already', () => {
    expect(delegatesToRead(records, new Set([32]))).toEqual([]);
    expect(delegatesToRead(records, new Set([0, 30])).sort()).toEqual(['dan', 'zoe']);
    expect(delegatesToRead(records, new Set([5]))).toEqual([]);
  });
});

describe('fresh slashes', () => {
  const s = (validator: string, era: number, kind: SlashRecord['kind'], amount = 1n): SlashRecord => ({
    validator,
    era,
    kind,
    fraction: 1,
    amount,
  });

  it('between two versions: only the ones the previous version did not hold', () => {
    const before = [s('v1', 990, 'applied'), s('v2', 1_027, 'unapplied')];
    const after = [...before, s('v3', 999, 'applied'), s('v2', 1_027, 'applied')];
    expect(freshSlashes(before, after, 1_000)).toEqual([s('v3', 999, 'applied'), s('v2', 1_027, 'applied')]);
    expect(freshSlashes(after, after, 1_000)).toEqual([]);
  });

  it('on a first run: unapplied ones, and applied ones of the last two eras only', () => {
    const after = [
      s('v1', 990, 'applied'),
      s('v2', 998, 'applied'),
      s('v3', 999, 'applied'),
      s('v4', 1_026, 'unapplied'),
    ];
    expect(freshSlashes(undefined, after, 1_000).map((x) => x.validator)).toEqual(['v3', 'v4']);
  });
});

describe('slash alerts', () => {
  it('applied and unapplied slashes of a nominated validator, per address and era', () => {
    const slices = buildAccountSlices(handScenario());
    const out = slashAlerts(
      [{ address: who.all, after: slices.get(who.all) }],
      [
        { validator: who.v1, era: 999, kind: 'applied', fraction: 10_000_000, amount: 5n * 10n ** 12n },
        { validator: who.v2, era: 1000, kind: 'unapplied', fraction: null, amount: 7n * 10n ** 12n },
        { validator: who.v6, era: 1000, kind: 'applied', fraction: 1, amount: 1n },
      ],
      clock(),
    );
    expect(out.map((a) => a.id)).toEqual([
      `slash:${who.all}:${who.v1}:999`,
      `unapplied-slash:${who.all}:${who.v2}:1000`,
    ]);
    expect(out.every((a) => a.severity === 'critical')).toBe(true);
  });
});

describe('health alerts', () => {
  it('stale data and an endpoint failover', () => {
    const c = clock({ nowMs: NOW_MS + 16 * 60_000 });
    const out = healthAlerts(
      { staleAfterMs: 15 * 60_000, previousEndpoint: 'wss://a', endpoint: 'wss://b' },
      c,
    );
    expect(out.map((a) => a.id)).toEqual(['health:stale:7', 'health:failover:7']);
    expect(out[1]!.facts).toMatchObject({ from: 'wss://a', to: 'wss://b' });
    expect(
      healthAlerts({ staleAfterMs: 15 * 60_000, previousEndpoint: 'wss://a', endpoint: 'wss://a' }, clock()),
    ).toEqual([]);
  });
});
