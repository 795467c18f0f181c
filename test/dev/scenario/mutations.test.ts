import { describe, expect, it } from 'vitest';
import type { OngoingReferendum } from '../../../core/types/index.js';
import { createAssetHubRegistry } from '../../../dev/chain/metadata.js';
import { HISTORY_DEPTH_ERAS } from '../../../dev/scenario/chain-constants.js';
import {
  addReferendum,
  addVote,
  generateScenario,
  nextEra,
  ScenarioError,
} from '../../../dev/scenario/index.js';
import { big, decodeAll, num, readReferendum } from './readback.js';

const { registry, metadata } = createAssetHubRegistry();
const base = generateScenario({ size: 'small', seed: 21 });

function keySet(pairs: ReadonlyArray<[string, unknown]>): Set<string> {
  return new Set(pairs.map(([k]) => k));
}

/** Keys whose value differs between two storages, plus keys only one of them has. */
function diffKeys(a: ReadonlyArray<[string, string]>, b: ReadonlyArray<[string, string]>): string[] {
  const left = new Map(a);
  const right = new Map(b);
  const out = new Set<string>();
  for (const [k, v] of left) if (right.get(k) !== v) out.add(k);
  for (const k of right.keys()) if (!left.has(k)) out.add(k);
  return [...out].sort();
}

describe('nextEra', () => {
  const change = nextEra(base);
  const next = change.scenario;
  const A = base.expected.staking.activeEra.index;

  it('moves the window one era: pays the old active era, starts the next, prunes the oldest', () => {
    const h = next.expected.staking.history;
    expect(h).toHaveLength(HISTORY_DEPTH_ERAS);
    expect(h[0]!.era).toBe(A - HISTORY_DEPTH_ERAS + 2);
    expect(h.at(-1)!.era).toBe(A + 1);
    expect(h.at(-1)!.validatorReward).toBeNull();
    expect(h.at(-2)!.validatorReward).not.toBeNull();
    expect(h.at(-2)!.rewardPoints.total).toBeGreaterThan(
      base.expected.staking.history.at(-1)!.rewardPoints.total,
    );
    expect(h.at(-1)!.overviews).toEqual(base.expected.staking.history.at(-1)!.overviews);
    expect(next.expected.staking.activeEra.index).toBe(A + 1);
    expect(next.expected.staking.currentEra).toBe(A + 2);
    expect(next.fixtures.eras.expiresNext).toBe(A - HISTORY_DEPTH_ERAS + 2);
    expect(next.expected.anchor.relayBlock).toBeGreaterThan(base.expected.anchor.relayBlock);
    expect(next.expected.anchor.timestampMs).toBeGreaterThan(base.expected.anchor.timestampMs);
  });

  it('reports exactly the keys that differ, and only staking era, time and relay items', () => {
    expect(change.changes.map(([k]) => k)).toEqual(diffKeys(base.storage, next.storage));
    expect(change.items).toEqual([
      'ParachainSystem.LastRelayChainBlockNumber',
      'Staking.ActiveEra',
      'Staking.BondedEras',
      'Staking.ClaimedRewards',
      'Staking.CurrentEra',
      'Staking.ErasRewardPoints',
      'Staking.ErasStakersOverview',
      'Staking.ErasStakersPaged',
      'Staking.ErasSumValidatorIncentiveWeight',
      'Staking.ErasTotalStake',
      'Staking.ErasValidatorIncentiveBudget',
      'Staking.ErasValidatorIncentiveWeight',
      'Staking.ErasValidatorPrefs',
      'Staking.ErasValidatorReward',
      // The validators elected for the new era: their last era as validators moves with it.
      'Staking.LastValidatorEra',
      'Timestamp.Now',
    ]);
    const removed = change.changes.filter(([, v]) => v === null).length;
    expect(removed).toBeGreaterThan(0);
    expect(next.generation).toBe(1);
    expect(next.expected.governance).toBe(base.expected.governance);
    expect(next.expected.staking.ledgers).toBe(base.expected.staking.ledgers);
  });

  it('writes what decodes back to the new era', () => {
    const { items } = decodeAll(registry, metadata, next.storage);
    const eras = new Set(items.get('Staking.ErasStakersOverview')!.map((d) => num(d.args[0])));
    expect(Math.min(...eras)).toBe(A - HISTORY_DEPTH_ERAS + 2);
    expect(Math.max(...eras)).toBe(A + 1);
    expect(num(items.get('Staking.ActiveEra')![0]!.value.index)).toBe(A + 1);
    const reward = items.get('Staking.ErasValidatorReward')!.find((d) => num(d.args[0]) === A)!;
    expect(big(reward.value)).toBe(next.expected.staking.history.at(-2)!.validatorReward);
  });

  it('is deterministic and chains', () => {
    expect(nextEra(base).changes).toEqual(change.changes);
    const twice = nextEra(next);
    expect(twice.scenario.expected.staking.activeEra.index).toBe(A + 2);
    expect(twice.scenario.generation).toBe(2);
  });
});

describe('addVote', () => {
  const refId = base.fixtures.referenda.deciding[1]!;
  const before = base.expected.governance.referenda[refId] as OngoingReferendum;

  it('adds a standard vote to the tally and writes the vote, lock and account', () => {
    const vote = { kind: 'Standard' as const, aye: true, conviction: 2, balance: 10n ** 13n };
    const change = addVote(base, refId, vote);
    const after = change.scenario.expected.governance.referenda[refId] as OngoingReferendum;
    expect(after.tally).toEqual({
      ayes: before.tally.ayes + 2n * 10n ** 13n,
      nays: before.tally.nays,
      support: before.tally.support + 10n ** 13n,
    });
    expect(change.items).toEqual([
      'ConvictionVoting.ClassLocksFor',
      'ConvictionVoting.VotingFor',
      'Referenda.ReferendumInfoFor',
      'System.Account',
    ]);
    expect(change.changes).toHaveLength(4);
    expect(change.changes.map(([k]) => k)).toEqual(diffKeys(base.storage, change.scenario.storage));
    const { items } = decodeAll(registry, metadata, change.changes as Array<[string, string]>);
    const info = items.get('Referenda.ReferendumInfoFor')![0]!;
    expect(readReferendum(refId, info.value)).toEqual(after);
    const voter = change.scenario.fixtures.voting.at(-1)!;
    expect(voter.kind).toBe('Casting');
    expect(change.scenario.fixtures.balances[voter.who]!.frozen).toBe(10n ** 13n);
  });

  it('replacing a vote removes the old contribution; a split vote counts at 0.1x', () => {
    const first = addVote(base, refId, { kind: 'Standard', aye: false, conviction: 6, balance: 10n ** 14n });
    const who = first.scenario.fixtures.voting.at(-1)!.who;
    const second = addVote(
      first.scenario,
      refId,
      { kind: 'Split', aye: 10n ** 13n, nay: 2n * 10n ** 13n },
      who,
    );
    const after = second.scenario.expected.governance.referenda[refId] as OngoingReferendum;
    expect(after.tally).toEqual({
      ayes: before.tally.ayes + 10n ** 12n,
      nays: before.tally.nays + 2n * 10n ** 12n,
      support: before.tally.support + 10n ** 13n,
    });
  });

  it('updates the track queue when the referendum is queued', () => {
    const queued = base.fixtures.referenda.queued[0]!;
    const change = addVote(base, queued, { kind: 'Standard', aye: true, conviction: 1, balance: 10n ** 18n });
    expect(change.items).toContain('Referenda.TrackQueue');
    const ref = change.scenario.expected.governance.referenda[queued] as OngoingReferendum;
    const queue = change.scenario.expected.governance.trackQueue[ref.track]!;
    expect(queue.at(-1)).toEqual({ id: queued, ayes: ref.tally.ayes });
  });

  it('rejects ended referenda, unknown ids, bad convictions and delegating voters', () => {
    const ended = base.fixtures.referenda.approved[0]!;
    const vote = { kind: 'Standard' as const, aye: true, conviction: 1, balance: 1n };
    expect(() => addVote(base, ended, vote)).toThrow(ScenarioError);
    expect(() => addVote(base, 99_999, vote)).toThrow(/does not exist/);
    expect(() => addVote(base, refId, { ...vote, conviction: 7 })).toThrow(/conviction/);
    expect(() => addVote(base, refId, { ...vote, balance: -1n })).toThrow(/non-negative/);
    const delegation = base.fixtures.voting.find((r) => r.kind === 'Delegating')!;
    const onTrack = Object.values(base.expected.governance.referenda).find(
      (r) => r.status === 'ongoing' && r.track === delegation.track,
    )!;
    expect(() => addVote(base, onTrack.id, vote, delegation.who)).toThrow(/delegates/);
  });
});

describe('addReferendum', () => {
  it('submits a preparing referendum with its preimage and deposits', () => {
    const spender = base.expected.governance.tracks.find((t) => t.name === 'small_spender')!;
    const change = addReferendum(base, { track: spender.id });
    const g = change.scenario.expected.governance;
    const id = base.expected.governance.referendumCount;
    expect(g.referendumCount).toBe(id + 1);
    const ref = g.referenda[id] as OngoingReferendum;
    expect(ref.status).toBe('ongoing');
    expect(ref.deciding).toBeNull();
    expect(ref.decisionDeposit).toBeNull();
    expect(ref.origin).toBe('Origins.SmallSpender');
    expect(g.proposalSummaries[id]).toBe('treasury.spend');
    expect(change.scenario.fixtures.referenda.preparing).toContain(id);
    expect(change.items).toEqual([
      'Preimage.PreimageFor',
      'Preimage.RequestStatusFor',
      'Referenda.ReferendumCount',
      'Referenda.ReferendumInfoFor',
      'System.Account',
    ]);
    expect(keySet(change.changes).size).toBe(5);
    expect(change.changes.map(([k]) => k)).toEqual(diffKeys(base.storage, change.scenario.storage));
    const { items } = decodeAll(registry, metadata, change.changes as Array<[string, string]>);
    expect(readReferendum(id, items.get('Referenda.ReferendumInfoFor')![0]!.value)).toEqual(ref);
  });

  it('rejects an unknown track', () => {
    expect(() => addReferendum(base, { track: 77 })).toThrow(/track 77 does not exist/);
  });
});
