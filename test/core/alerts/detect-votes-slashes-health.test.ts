import { describe, expect, it } from 'vitest';
import { upcomingDeadlines } from '../../../core/alerts/detect-deadlines.js';
import { healthAlerts } from '../../../core/alerts/detect-health.js';
import { slashAlerts } from '../../../core/alerts/detect-slashes.js';
import { notVotedAlerts, type VotingState } from '../../../core/alerts/detect-votes.js';
import { buildAccountSlices } from '../../../core/staking/account-slices.js';
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

  it('alerts addresses that have not voted, saying whether their delegate did', () => {
    const out = notVotedAlerts(deadlines, ['alice', 'bob', 'dave', 'erin'], lookup, [1_440, 60], clock());
    const rows = out.map((a) => [a.id, a.severity, (a.facts as { delegate: unknown }).delegate]);
    expect(rows).toEqual([
      // Referendum 1 ends in 30 min: alice voted; bob's delegate carol did not; dave did not; erin unknown.
      [`novote:1:bob:${deadlines[0]!.end}:1h`, 'critical', { address: 'carol', voted: false }],
      [`novote:1:dave:${deadlines[0]!.end}:1h`, 'critical', null],
      // Referendum 2 ends in 20 h: alice did not vote on it; carol voted for bob.
      [`novote:2:alice:${deadlines[1]!.end}:24h`, 'warning', null],
      [`novote:2:bob:${deadlines[1]!.end}:24h`, 'info', { address: 'carol', voted: true }],
      [`novote:2:dave:${deadlines[1]!.end}:24h`, 'warning', null],
    ]);
  });

  it('nothing outside the lead windows', () => {
    const far = upcomingDeadlines([endingIn(3, 30 * 60)], KUSAMA_TRACKS, clock());
    expect(notVotedAlerts(far, ['dave'], lookup, [1_440, 60], clock())).toEqual([]);
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
