/**
 * What about five minutes of a live Kusama Asset Hub change between two snapshots, for measuring a
 * typical run's cost: the clock moves 5 minutes (50 relay blocks), a few votes are cast on ongoing
 * referenda, validators claim payouts (a page each, in the newest paid eras), the active era's
 * reward points grow for a hundred validators, and a few nominators bond more. The parachain heads
 * that move in the same minutes are the relay chain's (the benchmark advances them there).
 */
import { RELAY_BLOCK_MS } from '../../core/kusama/constants.js';
import type { EraHistory, StakingLedger } from '../../core/types/index.js';
import { advanceClock } from './alert-mutations.js';
import { finishChange } from './apply-changes.js';
import { addVote } from './governance-mutations.js';
import { storageContext } from './storage-context.js';
import type { Scenario, ScenarioChange, StorageChange } from './types.js';
import { ledgerValue, pointsValue } from './write-staking.js';

/** How much of each kind of change five minutes bring (an assumed, realistic mix). */
export const TYPICAL_FIVE_MINUTES = {
  relayBlocks: 50,
  votes: 7,
  claims: 14,
  pointsValidators: 100,
  bonds: 3,
} as const;

const KSM = 1_000_000_000_000n;

function claimSome(scenario: Scenario, count: number): { writes: StorageChange[]; history: EraHistory[] } {
  const ctx = storageContext(scenario.runtime);
  const s = scenario.expected.staking;
  const history = s.history.map((h) => ({ ...h, claimed: { ...h.claimed } }));
  const writes: StorageChange[] = [];
  let left = count;
  // Newest paid eras first: validators claim soon after an era is paid.
  for (const h of [...history].reverse()) {
    if (h.era >= s.activeEra.index || left === 0) continue;
    for (const [validator, overview] of Object.entries(h.overviews).sort((a, b) => (a[0] < b[0] ? -1 : 1))) {
      if (left === 0) break;
      const claimed = h.claimed[validator] ?? [];
      const page = Array.from({ length: overview.pageCount }, (_, p) => p).find((p) => !claimed.includes(p));
      if (page === undefined) continue;
      h.claimed[validator] = [...claimed, page];
      writes.push(ctx.pair('Staking', 'ClaimedRewards', [h.era, validator], h.claimed[validator]));
      left--;
    }
  }
  return { writes, history };
}

function morePoints(scenario: Scenario, history: EraHistory[], validators: number): StorageChange[] {
  const ctx = storageContext(scenario.runtime);
  const active = history.find((h) => h.era === scenario.expected.staking.activeEra.index);
  if (!active) return [];
  const individual = { ...active.rewardPoints.individual };
  const chosen = Object.keys(active.overviews).sort().slice(0, validators);
  for (const v of chosen) individual[v] = (individual[v] ?? 0) + 20;
  active.rewardPoints = { total: active.rewardPoints.total + 20 * chosen.length, individual };
  return [ctx.pair('Staking', 'ErasRewardPoints', [active.era], pointsValue(active.rewardPoints))];
}

function bondMore(
  scenario: Scenario,
  count: number,
): { writes: StorageChange[]; ledgers: Record<string, StakingLedger> } {
  const ctx = storageContext(scenario.runtime);
  const ledgers = { ...scenario.expected.staking.ledgers };
  const nominators = Object.keys(scenario.expected.staking.nominators).sort().slice(0, count);
  const writes: StorageChange[] = [];
  for (const stash of nominators) {
    const l = ledgers[stash];
    if (!l) continue;
    const next = { ...l, total: l.total + KSM, active: l.active + KSM };
    ledgers[stash] = next;
    writes.push(ctx.pair('Staking', 'Ledger', [next.controller], ledgerValue(next)));
  }
  return { writes, ledgers };
}

/** Five typical minutes on Asset Hub; `step` varies which referenda get the votes. */
export function typicalFiveMinutes(scenario: Scenario, step = 0): ScenarioChange {
  const mix = TYPICAL_FIVE_MINUTES;
  let current = advanceClock(scenario, mix.relayBlocks * RELAY_BLOCK_MS);
  const writes: StorageChange[] = [...current.changes];
  const ongoing = Object.values(current.scenario.expected.governance.referenda)
    .filter((r) => r.status === 'ongoing')
    .map((r) => r.id)
    .sort((a, b) => a - b);
  for (let i = 0; i < mix.votes && ongoing.length > 0; i++) {
    const ref = ongoing[(step * mix.votes + i) % ongoing.length]!;
    current = addVote(current.scenario, ref, {
      kind: 'Standard',
      aye: i % 3 !== 0,
      conviction: 1,
      balance: 5n * KSM,
    });
    writes.push(...current.changes);
  }
  const base = current.scenario;
  const claims = claimSome(base, mix.claims);
  writes.push(...claims.writes, ...morePoints(base, claims.history, mix.pointsValidators));
  const bonds = bondMore(base, mix.bonds);
  writes.push(...bonds.writes);
  const expected = {
    ...base.expected,
    staking: { ...base.expected.staking, history: claims.history, ledgers: bonds.ledgers },
  };
  return finishChange(
    scenario,
    { size: base.size, seed: base.seed, fixtures: base.fixtures, expected },
    writes,
  );
}
