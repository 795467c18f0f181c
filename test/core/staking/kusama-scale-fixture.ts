/**
 * A generated snapshot of the `kusama` size (1,000 elected + 60 waiting + 5 chilled validators, 12,500 nominators,
 * 250 pools with 5,000 members, 84 eras, a few validators with several exposure pages), independent of the dev
 * scenario so that the engine is checked against two data sources.
 */
import { KUSAMA_STAKING } from '../../../core/kusama/constants.js';
import { poolBondedAccount } from '../../../core/staking/index.js';
import type { Address, PoolMember, Snapshot, ValidatorPrefs } from '../../../core/types/index.js';
import {
  accountOf,
  emptySnapshot,
  eraOf,
  HOUR_MS,
  ksm,
  ledgerOf,
  poolOf,
  type ValidatorEraSpec,
} from '../../fixtures/staking-fixture.js';

/** Deterministic PRNG (mulberry32). */
export function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

export interface KusamaScaleOptions {
  seed?: number;
  elected?: number;
  waiting?: number;
  chilled?: number;
  nominators?: number;
  pools?: number;
  poolMembers?: number;
  eras?: number;
  /** Exposure counts of the heavily nominated validators (over 512 means several pages). */
  popular?: number[];
}

export interface KusamaScale {
  snapshot: Snapshot;
  validators: Address[];
  nominators: Address[];
  poolMembers: Address[];
}

/** A snapshot of the live network's size; every era has its own exposures, points and claims. */
export function kusamaScaleSnapshot(options: KusamaScaleOptions = {}): KusamaScale {
  const o = {
    seed: 7,
    elected: 1_000,
    waiting: 60,
    chilled: 5,
    nominators: 12_500,
    pools: 250,
    poolMembers: 5_000,
    eras: KUSAMA_STAKING.historyDepth,
    popular: [560, 700, 900, 1_100, 1_300],
    ...options,
  };
  const random = rng(o.seed);
  const int = (min: number, max: number) => min + Math.floor(random() * (max - min + 1));
  const active = 9_800;
  const startMs = 1_790_000_000_000;
  const snapshot = emptySnapshot(active, startMs, startMs + 2 * HOUR_MS);
  const st = snapshot.staking;
  st.minNominatorBond = ksm(2);
  st.minimumActiveStake = ksm(5);

  const candidates: Address[] = [];
  for (let i = 0; i < o.elected + o.waiting + o.chilled; i += 1) {
    const v = accountOf(`validator/${i}`);
    candidates.push(v);
    st.ledgers[v] = ledgerOf(v, ksm(int(10, 5_000)));
    st.payees[v] = { kind: 'Staked' };
    if (i < o.elected + o.waiting) {
      const prefs: ValidatorPrefs = { stash: v, commission: int(0, 20) * 5_000_000, blocked: i % 97 === 3 };
      st.validators[v] = prefs;
    }
  }
  const elected = candidates.slice(0, o.elected);
  const electedSet = new Set(elected);

  const nominators: Address[] = [];
  for (let p = 0; p < o.pools; p += 1) nominators.push(poolBondedAccount(p + 1));
  for (let i = nominators.length; i < o.nominators; i += 1) nominators.push(accountOf(`nominator/${i}`));
  const assignment: Array<{ who: Address; stake: bigint; backs: Address[] }> = [];
  for (const [i, who] of nominators.entries()) {
    const targets = new Set<Address>();
    const count = int(1, 24);
    while (targets.size < count) targets.add(candidates[int(0, candidates.length - 1)]!);
    const stake = ksm(int(5, 20_000));
    st.ledgers[who] = ledgerOf(who, stake, i % 9 === 0 ? [[ksm(int(1, 50)), active + int(-5, 28)]] : []);
    st.payees[who] = i % 3 === 0 ? { kind: 'Stash' } : { kind: 'Staked' };
    st.nominators[who] = {
      stash: who,
      targets: [...targets],
      submittedIn: active - int(1, 200),
      suppressed: false,
    };
    const electedTargets = [...targets].filter((t) => electedSet.has(t));
    assignment.push({ who, stake, backs: electedTargets.slice(0, int(1, 4)) });
  }

  // A few popular validators get extra exposures so that they need several pages.
  const popularOf = new Map<Address, number>(o.popular.map((n, i) => [elected[i * 7]!, n]));

  const members: Record<Address, PoolMember> = {};
  const poolMembers: Address[] = [];
  for (let p = 1; p <= o.pools; p += 1) {
    const bonded = st.ledgers[poolBondedAccount(p)]!.active;
    snapshot.pools.pools[p] = poolOf(p, bonded, accountOf(`pool/${p}/depositor`), int(0, 10) * 10_000_000);
  }
  for (let m = 0; m < o.poolMembers; m += 1) {
    const who = accountOf(`member/${m}`);
    const poolId = (m % o.pools) + 1;
    poolMembers.push(who);
    const unbonding = m % 11 === 0 ? [{ era: active + int(-3, 28), points: ksm(int(1, 20)) }] : [];
    members[who] = {
      who,
      poolId,
      points: ksm(int(1, 100)),
      lastRecordedRewardCounter: 0n,
      unbondingEras: unbonding,
    };
  }
  snapshot.pools.members = members;

  for (let era = active - o.eras + 1; era <= active; era += 1) {
    const byValidator = new Map<Address, Array<[Address, bigint]>>();
    for (const a of assignment) {
      const share = a.stake / BigInt(Math.max(1, a.backs.length));
      for (const v of a.backs) {
        const list = byValidator.get(v);
        if (list) list.push([a.who, share]);
        else byValidator.set(v, [[a.who, share]]);
      }
    }
    for (const [v, extra] of popularOf) {
      const list = byValidator.get(v) ?? [];
      for (let k = 0; list.length < extra; k += 1)
        list.push([nominators[(k * 31 + era) % nominators.length]!, ksm(1)]);
      byValidator.set(v, list);
    }
    const validators: Record<Address, ValidatorEraSpec> = {};
    const age = active - era;
    for (const v of elected) {
      const entries = byValidator.get(v) ?? [];
      const pages: Array<Array<[Address, bigint]>> = [];
      for (let i = 0; i < entries.length; i += KUSAMA_STAKING.maxExposurePageSize)
        pages.push(entries.slice(i, i + KUSAMA_STAKING.maxExposurePageSize));
      const claimShare = age === 0 ? 0 : age >= 12 ? 0.96 : 0.2 + 0.06 * age;
      const claimed = pages.map((_, i) => i).filter(() => random() < claimShare);
      validators[v] = {
        commission: st.validators[v]?.commission ?? 0,
        own: st.ledgers[v]!.active,
        pages,
        points: age === 0 ? int(0, 400) * 20 : int(2_000, 4_500) * 20,
        claimed,
      };
    }
    st.history.push(eraOf(era, age === 0 ? null : ksm(int(3_000, 4_000)), validators));
  }
  return { snapshot, validators: candidates, nominators, poolMembers };
}
