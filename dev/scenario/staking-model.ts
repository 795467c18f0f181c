/**
 * The active staking state: validators and their prefs, nominators with targets, ledgers, payees and
 * the active era's exposures. Every nominator's exposed stake sums to its ledger's active balance.
 */
import { MAX_NOMINATIONS, PERBILL } from '../../core/kusama/constants.js';
import type {
  Address,
  IndividualExposure,
  Nominations,
  RewardDestination,
  StakingLedger,
  UnlockChunk,
  ValidatorPrefs,
} from '../../core/types/index.js';
import { type Account, deriveAccount } from './accounts.js';
import { ksm, splitAmount } from './amounts.js';
import { BONDING_DURATION_ERAS } from './chain-constants.js';
import type { PoolStaker } from './pools-model.js';
import type { ScenarioProfile } from './profiles.js';
import { Rng } from './rng.js';

export interface ActiveExposure {
  own: bigint;
  others: IndividualExposure[];
}

export interface StakingModel {
  validators: Record<Address, ValidatorPrefs>;
  elected: Address[];
  waiting: Address[];
  chilled: Address[];
  nominators: Record<Address, Nominations>;
  ledgers: Record<Address, StakingLedger>;
  payees: Record<Address, RewardDestination>;
  /** Staking.Bonded: stash → controller, for every staker. */
  bonded: Record<Address, Address>;
  exposures: Map<Address, ActiveExposure>;
  minNominatorBond: bigint;
  minimumActiveStake: bigint;
  /** Accounts only the staking model created (stashes, controllers, payee accounts). */
  accounts: Account[];
  fixtures: {
    allTargetsActive: Address;
    noTargetsActive: Address;
    notExposed: Address;
    controllerNotStash: { stash: Address; controller: Address };
    withdrawableChunk: Address;
    lockedChunk: Address;
    blocked: Address;
  };
}

function commission(rng: Rng): number {
  const roll = rng.float();
  if (roll < 0.08) return Number(PERBILL);
  if (roll < 0.2) return 0;
  return rng.int(1, 50) * 5_000_000;
}

function payee(rng: Rng, seed: number, index: number, accounts: Account[]): RewardDestination {
  const roll = rng.float();
  if (roll < 0.6) return { kind: 'Staked' };
  if (roll < 0.88) return { kind: 'Stash' };
  if (roll < 0.99) {
    const a = deriveAccount(seed, 'payee', index);
    accounts.push(a);
    return { kind: 'Account', account: a.address };
  }
  return { kind: 'None' };
}

export function buildStaking(
  seed: number,
  profile: ScenarioProfile,
  activeEra: number,
  pools: PoolStaker[],
): StakingModel {
  const rng = new Rng(seed, 'staking');
  const accounts: Account[] = [];
  const m: StakingModel = {
    validators: {},
    elected: [],
    waiting: [],
    chilled: [],
    nominators: {},
    ledgers: {},
    payees: {},
    bonded: {},
    exposures: new Map(),
    minNominatorBond: ksm(0.1),
    minimumActiveStake: 0n,
    accounts,
    fixtures: {} as StakingModel['fixtures'],
  };
  const addLedger = (stash: Address, active: bigint, unlocking: UnlockChunk[], controller = stash) => {
    const total = unlocking.reduce((s, c) => s + c.value, active);
    m.ledgers[stash] = { stash, controller, total, active, unlocking };
    m.bonded[stash] = controller;
  };

  const vCount = profile.electedValidators + profile.waitingValidators + profile.chilledValidators;
  for (let i = 0; i < vCount; i++) {
    const a = deriveAccount(seed, 'validator', i);
    accounts.push(a);
    const own = rng.logBigint(ksm(100), ksm(6_000));
    addLedger(a.address, own, []);
    m.payees[a.address] = payee(rng, seed, 1_000_000 + i, accounts);
    if (i >= profile.electedValidators + profile.waitingValidators) {
      m.chilled.push(a.address);
      continue;
    }
    const c = commission(rng);
    const blocked = c === Number(PERBILL) && rng.chance(0.5);
    m.validators[a.address] = { stash: a.address, commission: c, blocked };
    if (i < profile.electedValidators) {
      m.elected.push(a.address);
      m.exposures.set(a.address, { own, others: [] });
    } else m.waiting.push(a.address);
  }
  m.fixtures.blocked = m.waiting[0]!;
  m.validators[m.waiting[0]!]!.blocked = true;

  const popular = m.elected.slice(0, profile.popularExposures.length);
  const regular = m.elected.slice(popular.length);
  const everyone = [...m.elected, ...m.waiting, ...m.chilled];
  const exposureSets: Array<Set<Address>> = Array.from({ length: profile.nominators }, () => new Set());
  profile.popularExposures.forEach((count, j) => {
    const order = rng.shuffle(Array.from({ length: profile.nominators }, (_, n) => n));
    for (const n of order.slice(0, Math.min(count, order.length))) exposureSets[n]!.add(popular[j]!);
  });

  const expose = (stash: Address, stake: bigint, onto: Address[]) => {
    const parts = splitAmount(rng, stake, onto.length);
    onto.forEach((v, k) => {
      m.exposures.get(v)!.others.push({ who: stash, value: parts[k]! });
    });
  };
  const nominate = (stash: Address, exposed: Address[], extraPool: Address[], count: number) => {
    const targets = new Set(exposed);
    for (let guard = 0; targets.size < count && guard < count * 4; guard++) targets.add(rng.pick(extraPool));
    m.nominators[stash] = {
      stash,
      targets: rng.shuffle([...targets]),
      submittedIn: activeEra - rng.int(0, 400),
      suppressed: false,
    };
  };

  for (let n = 0; n < profile.nominators; n++) {
    const a = deriveAccount(seed, 'nominator', n);
    accounts.push(a);
    const set = exposureSets[n]!;
    const extra = rng.int(set.size > 0 ? 0 : 1, set.size > 0 ? 1 : 3);
    for (let k = 0; k < extra; k++) set.add(rng.pick(regular));
    const stake = rng.logBigint(ksm(2), ksm(3_000));
    let unlocking: UnlockChunk[] = [];
    if (n === 2) unlocking = [{ value: stake / 4n, era: activeEra - 3 }];
    else if (n === 3) {
      unlocking = [
        { value: stake / 5n, era: activeEra + 20 },
        { value: stake / 7n, era: activeEra + BONDING_DURATION_ERAS },
      ];
    } else if (rng.chance(0.03)) {
      unlocking = [
        { value: stake / BigInt(rng.int(2, 20)), era: activeEra + rng.int(-6, BONDING_DURATION_ERAS) },
      ];
    }
    let controller = a.address;
    if (n === 1) {
      const c = deriveAccount(seed, 'controller', 0);
      accounts.push(c);
      controller = c.address;
    }
    addLedger(a.address, stake, unlocking, controller);
    m.payees[a.address] = payee(rng, seed, n, accounts);
    const exposed = [...set];
    expose(a.address, stake, exposed);
    nominate(a.address, exposed, everyone, rng.int(Math.max(exposed.length, 8), MAX_NOMINATIONS));
  }
  const first = (n: number) => deriveAccount(seed, 'nominator', n).address;
  m.fixtures.controllerNotStash = { stash: first(1), controller: m.ledgers[first(1)]!.controller };
  m.fixtures.withdrawableChunk = first(2);
  m.fixtures.lockedChunk = first(3);

  for (const pool of pools) {
    const exposed = Array.from({ length: rng.int(1, 3) }, () => rng.pick(regular));
    const unique = [...new Set(exposed)];
    addLedger(pool.stash.address, pool.active, pool.unlocking);
    m.payees[pool.stash.address] = { kind: 'Account', account: pool.reward.address };
    expose(pool.stash.address, pool.active, unique);
    nominate(pool.stash.address, unique, m.elected, rng.int(Math.max(unique.length, 6), 16));
  }

  // Every elected validator carries at least one nominator.
  for (const v of m.elected) {
    if (m.exposures.get(v)!.others.length > 0) continue;
    const fx = deriveAccount(seed, 'backer', m.elected.indexOf(v));
    accounts.push(fx);
    const stake = rng.logBigint(ksm(5), ksm(500));
    addLedger(fx.address, stake, []);
    m.payees[fx.address] = { kind: 'Staked' };
    expose(fx.address, stake, [v]);
    nominate(fx.address, [v], m.elected, 1);
  }
  let minActive: bigint | null = null;
  for (const s of Object.keys(m.nominators)) {
    const active = m.ledgers[s]!.active;
    if (minActive === null || active < minActive) minActive = active;
  }
  m.minimumActiveStake = minActive ?? 0n;

  // Fixture nominators, added after the minimum so they stay outside the election.
  const fixture = (label: string, stake: bigint, exposed: Address[], targets: Address[]): Address => {
    const a = deriveAccount(seed, label, 0);
    accounts.push(a);
    addLedger(a.address, stake, []);
    m.payees[a.address] = { kind: 'Staked' };
    if (exposed.length > 0) expose(a.address, stake, exposed);
    m.nominators[a.address] = { stash: a.address, targets, submittedIn: activeEra - 10, suppressed: false };
    return a.address;
  };
  const three = regular.slice(0, 3);
  m.fixtures.allTargetsActive = fixture('all-active', ksm(750), three, [...three]);
  m.fixtures.noTargetsActive = fixture(
    'none-active',
    ksm(120),
    [],
    [m.waiting[1] ?? m.waiting[0]!, m.chilled[0]!],
  );
  m.fixtures.notExposed = fixture('not-exposed', m.minimumActiveStake / 2n, [], regular.slice(3, 5));
  return m;
}
