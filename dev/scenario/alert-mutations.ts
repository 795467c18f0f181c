/**
 * Mutations that make alerts happen between two snapshot runs: a referendum moved to any phase,
 * the clock moved on, validator prefs changed (commission, blocked, chilled), a pool's state, a
 * validator dropped from the active era's exposures, and slashes. Each returns exactly the
 * storage it wrote and the expected state after it, like nextEra and addVote.
 */
import { RELAY_BLOCK_MS } from '../../core/kusama/constants.js';
import { compareSlashes } from '../../core/staking/slash-order.js';
import type {
  Address,
  EraHistory,
  PoolState,
  ReferendumInfo,
  SlashRecord,
  ValidatorPrefs,
} from '../../core/types/index.js';
import { finishChange } from './apply-changes.js';
import { ScenarioError } from './errors.js';
import { storageContext } from './storage-context.js';
import type { Scenario, ScenarioChange, StorageChange, StoragePair } from './types.js';
import { chainPairs } from './write-chain.js';
import { referendumPair } from './write-governance.js';
import { bondedPoolValue } from './write-pools.js';
import { eraKeys, eraPairs, pointsValue } from './write-staking.js';

const same = (s: Scenario) => ({ size: s.size, seed: s.seed, fixtures: s.fixtures });

/** Writes `info` as the referendum's state (any phase, ongoing or ended). */
export function setReferendum(scenario: Scenario, info: ReferendumInfo): ScenarioChange {
  if (!Number.isInteger(info?.id) || info.id < 0)
    throw new ScenarioError('setReferendum needs a referendum id');
  const g = scenario.expected.governance;
  const expected = {
    ...scenario.expected,
    governance: {
      ...g,
      referenda: { ...g.referenda, [info.id]: info },
      referendumCount: Math.max(g.referendumCount, info.id + 1),
    },
  };
  const writes: StorageChange[] = [referendumPair(storageContext(scenario.runtime), info)];
  if (info.id >= g.referendumCount)
    writes.push(storageContext(scenario.runtime).pair('Referenda', 'ReferendumCount', [], info.id + 1));
  return finishChange(scenario, { ...same(scenario), expected }, writes);
}

/** Moves chain time (Timestamp.Now and the relay block) forward by `ms`. */
export function advanceClock(scenario: Scenario, ms: number): ScenarioChange {
  if (!Number.isFinite(ms) || ms < 0) throw new ScenarioError('advanceClock needs a non-negative ms');
  const a = scenario.expected.anchor;
  const expected = {
    ...scenario.expected,
    anchor: {
      ...a,
      timestampMs: a.timestampMs + ms,
      relayBlock: a.relayBlock + Math.floor(ms / RELAY_BLOCK_MS),
    },
  };
  return finishChange(
    scenario,
    { ...same(scenario), expected },
    chainPairs(storageContext(scenario.runtime), expected),
  );
}

/** Sets a validator's prefs (commission, blocked), or chills it with null. */
export function setValidatorPrefs(
  scenario: Scenario,
  validator: Address,
  prefs: Omit<ValidatorPrefs, 'stash'> | null,
): ScenarioChange {
  const ctx = storageContext(scenario.runtime);
  const validators = { ...scenario.expected.staking.validators };
  const writes: StorageChange[] = [];
  if (prefs === null) {
    if (!validators[validator]) throw new ScenarioError(`${validator} is not a validator`);
    delete validators[validator];
    writes.push(ctx.removal('Staking', 'Validators', [validator]));
  } else {
    validators[validator] = { stash: validator, ...prefs };
    writes.push(
      ctx.pair('Staking', 'Validators', [validator], {
        commission: prefs.commission,
        blocked: prefs.blocked,
      }),
    );
  }
  writes.push(ctx.pair('Staking', 'CounterForValidators', [], Object.keys(validators).length));
  const expected = { ...scenario.expected, staking: { ...scenario.expected.staking, validators } };
  return finishChange(scenario, { ...same(scenario), expected }, writes);
}

export function setPoolState(scenario: Scenario, poolId: number, state: PoolState): ScenarioChange {
  const pool = scenario.expected.pools.pools[poolId];
  if (!pool) throw new ScenarioError(`pool ${poolId} does not exist`);
  const next = { ...pool, state };
  const expected = {
    ...scenario.expected,
    pools: { ...scenario.expected.pools, pools: { ...scenario.expected.pools.pools, [poolId]: next } },
  };
  const writes = [
    storageContext(scenario.runtime).pair('NominationPools', 'BondedPools', [poolId], bondedPoolValue(next)),
  ];
  return finishChange(scenario, { ...same(scenario), expected }, writes);
}

/** Takes `validator` out of the active era's elected set (its exposures, prefs and points). */
export function dropFromActiveEra(scenario: Scenario, validator: Address): ScenarioChange {
  const ctx = storageContext(scenario.runtime);
  const s = scenario.expected.staking;
  const active = s.history.find((h) => h.era === s.activeEra.index);
  if (!active?.overviews[validator])
    throw new ScenarioError(`${validator} is not elected in era ${s.activeEra.index}`);
  const drop = <T>(r: Record<Address, T>) =>
    Object.fromEntries(Object.entries(r).filter(([v]) => v !== validator));
  const { [validator]: gone, ...individual } = active.rewardPoints.individual;
  const next: EraHistory = {
    ...active,
    totalStake: active.totalStake - active.overviews[validator]!.total,
    rewardPoints: { total: active.rewardPoints.total - (gone ?? 0), individual },
    prefs: drop(active.prefs),
    overviews: drop(active.overviews),
    pages: active.pages.filter((p) => p.validator !== validator),
    claimed: drop(active.claimed),
  };
  const pairs: StoragePair[] = [];
  eraPairs(ctx, next, pairs);
  const kept = new Set(pairs.map(([k]) => k));
  const writes: StorageChange[] = [
    ...pairs,
    ctx.pair('Staking', 'ErasRewardPoints', [next.era], pointsValue(next.rewardPoints)),
  ];
  for (const key of eraKeys(ctx, active)) if (!kept.has(key)) writes.push([key, null]);
  const expected = {
    ...scenario.expected,
    staking: { ...s, history: s.history.map((h) => (h.era === next.era ? next : h)) },
  };
  return finishChange(scenario, { ...same(scenario), expected }, writes);
}

export interface SlashSpec {
  validator: Address;
  era: number;
  /** Perbill parts. */
  fraction: number;
  amount: bigint;
  /** Applied (`ValidatorSlashInEra`) or waiting (`UnappliedSlashes`, keyed by the era it applies in). */
  applied: boolean;
}

/**
 * Records a slash of `validator`. An unapplied slash is one page of `UnappliedSlashes` (page 0);
 * the same (validator, era, fraction) again replaces it, as on chain.
 */
export function addSlash(scenario: Scenario, slash: SlashSpec): ScenarioChange {
  const ctx = storageContext(scenario.runtime);
  const write = slash.applied
    ? ctx.pair('Staking', 'ValidatorSlashInEra', [slash.era, slash.validator], [slash.fraction, slash.amount])
    : ctx.pair('Staking', 'UnappliedSlashes', [slash.era, [slash.validator, slash.fraction, 0]], {
        validator: slash.validator,
        own: slash.amount,
        others: [],
        reporter: null,
        payout: 0n,
      });
  const record: SlashRecord = {
    validator: slash.validator,
    era: slash.era,
    kind: slash.applied ? 'applied' : 'unapplied',
    fraction: slash.fraction,
    amount: slash.amount,
  };
  const s = scenario.expected.staking;
  const replaced = (x: SlashRecord) =>
    x.kind === record.kind &&
    x.validator === record.validator &&
    x.era === record.era &&
    (record.kind === 'applied' || x.fraction === record.fraction);
  const slashes = [...s.slashes.filter((x) => !replaced(x)), record].sort(compareSlashes);
  const expected = { ...scenario.expected, staking: { ...s, slashes } };
  return finishChange(scenario, { ...same(scenario), expected }, [write]);
}
