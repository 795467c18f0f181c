import { describe, expect, it } from 'vitest';
import { generateScenario } from '../../../dev/scenario/index.js';
import { votingChecks } from './voting-checks.js';

const DAY = 14_400;

describe('the named voter cases (small scenario)', () => {
  const s = generateScenario({ size: 'small', seed: 3 });
  const c = s.fixtures.voterCases;
  const now = s.expected.anchor.relayBlock;
  const referenda = s.expected.governance.referenda;
  const record = (who: string, track: number) => s.expected.voting[who]?.classes[track];

  it('direct: standard votes with conviction on ongoing referenda', () => {
    const voting = record(c.direct.address, c.direct.track);
    expect(voting?.type).toBe('casting');
    if (voting?.type !== 'casting') return;
    expect(voting.votes.map((v) => v.referendum)).toEqual(c.direct.referenda);
    for (const v of voting.votes) {
      expect(referenda[v.referendum]?.status).toBe('ongoing');
      expect(v.vote).toMatchObject({ type: 'standard' });
      expect(v.vote.type === 'standard' && v.vote.conviction).toBeGreaterThan(0);
    }
  });

  it('split and splitAbstain: one vote each of that kind on an ongoing referendum', () => {
    expect(record(c.split.address, c.split.track)).toMatchObject({ votes: [{ vote: { type: 'split' } }] });
    expect(record(c.splitAbstain.address, c.splitAbstain.track)).toMatchObject({
      votes: [{ vote: { type: 'splitAbstain' } }],
    });
    expect(referenda[c.split.referenda[0]!]?.status).toBe('ongoing');
  });

  it('delegate and delegating: several delegators on the track, the delegate votes itself', () => {
    const delegate = s.expected.voting[c.delegate.address]!;
    expect(delegate.delegators[c.delegate.track]?.count).toBe(c.delegate.delegators.length);
    expect(c.delegate.delegators.length).toBeGreaterThanOrEqual(3);
    expect(record(c.delegate.address, c.delegate.track)).toMatchObject({ type: 'casting', votes: [{}] });
    expect(record(c.delegating.address, c.delegating.track)).toMatchObject({
      type: 'delegating',
      target: c.delegate.address,
      conviction: c.delegating.conviction,
      balance: c.delegating.balance,
    });
    expect(c.delegate.delegators).toContain(c.delegating.address);
  });

  it('prior locks: one still running, one already over; neither has votes', () => {
    expect(c.priorLocked.prior.until).toBeGreaterThan(now);
    expect(c.priorExpired.prior.until).toBeLessThanOrEqual(now);
    for (const k of [c.priorLocked, c.priorExpired]) {
      expect(record(k.address, k.track)).toEqual({
        type: 'casting',
        votes: [],
        delegations: { votes: 0n, capital: 0n },
        prior: k.prior,
      });
      expect(s.expected.voting[k.address]!.classLocks).toEqual([{ track: k.track, amount: k.prior.amount }]);
    }
  });

  it('endedWinner: a conviction aye on an approved referendum, still locked; endedFree: removable now', () => {
    const won = referenda[c.endedWinner.referenda[0]!]!;
    expect(won.status).toBe('approved');
    expect(c.endedWinner.until).toBe(
      (won as { block: number }).block + 100_800 * 2 ** (c.endedWinner.conviction - 1),
    );
    expect(c.endedWinner.until).toBeGreaterThan(now + DAY);
    expect(record(c.endedWinner.address, c.endedWinner.track)).toMatchObject({
      votes: [{ vote: { type: 'standard', aye: true, conviction: c.endedWinner.conviction } }],
    });
    const statuses = c.endedFree.referenda.map((id) => referenda[id]!.status);
    expect(statuses).toContain('rejected');
    expect(statuses.filter((st) => st === 'cancelled' || st === 'timedOut')).toHaveLength(1);
    expect(record(c.endedFree.address, c.endedFree.track)).toMatchObject({ type: 'casting' });
  });

  it('noVotes: no record, no class lock', () => {
    expect(s.expected.voting[c.noVotes.address]).toBeUndefined();
    expect(s.fixtures.voting.some((r) => r.who === c.noVotes.address)).toBe(false);
  });

  it('keeps the voting storage consistent: one record per (account, track), class locks, tallies', () => {
    votingChecks(s);
  });
});
