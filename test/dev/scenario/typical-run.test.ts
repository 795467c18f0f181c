import { describe, expect, it } from 'vitest';
import { itemOfKey } from '../../../dev/scenario/apply-changes.js';
import { generateScenario } from '../../../dev/scenario/index.js';
import { TYPICAL_FIVE_MINUTES, typicalFiveMinutes } from '../../../dev/scenario/typical-run.js';

describe('five typical minutes', () => {
  const scenario = generateScenario({ size: 'small', onProgress: () => {} });

  it('writes the clock, votes, claims, reward points and bonds, and the expected state follows', () => {
    const change = typicalFiveMinutes(scenario);
    const items = new Map<string, number>();
    for (const [key] of change.changes) items.set(itemOfKey(key), (items.get(itemOfKey(key)) ?? 0) + 1);
    expect(items.get('Staking.ClaimedRewards')).toBe(TYPICAL_FIVE_MINUTES.claims);
    expect(items.get('Staking.ErasRewardPoints')).toBe(1);
    expect(items.get('Staking.Ledger')).toBe(TYPICAL_FIVE_MINUTES.bonds);
    expect(items.get('ConvictionVoting.VotingFor')).toBeGreaterThanOrEqual(1);
    expect(items.get('Timestamp.Now')).toBe(1);

    const before = scenario.expected;
    const after = change.scenario.expected;
    expect(after.anchor.timestampMs - before.anchor.timestampMs).toBe(300_000);
    const active = before.staking.activeEra.index;
    const points = (s: typeof before) => s.staking.history.find((h) => h.era === active)!.rewardPoints.total;
    expect(points(after)).toBeGreaterThan(points(before));
    const claimedPages = (s: typeof before) =>
      s.staking.history.reduce((n, h) => n + Object.values(h.claimed).reduce((m, p) => m + p.length, 0), 0);
    expect(claimedPages(after) - claimedPages(before)).toBe(TYPICAL_FIVE_MINUTES.claims);
  });

  it('is deterministic, and a later step votes on other referenda', () => {
    expect(typicalFiveMinutes(scenario).changes).toEqual(typicalFiveMinutes(scenario).changes);
    expect(typicalFiveMinutes(scenario, 1).changes).not.toEqual(typicalFiveMinutes(scenario, 0).changes);
  });
});
