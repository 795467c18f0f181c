/**
 * Nomination pools: bonded pools with roles and commission, members whose points sum to the pool's
 * points (1 point = 1 planck), unbonding members mirrored in the sub-pools and the pool's ledger.
 */

import type { BondedPool, PoolMember, PoolState, UnlockChunk } from '../../core/types/index.js';
import { type Account, deriveAccount, palletSubAccount } from './accounts.js';
import { ksm } from './amounts.js';
import { BONDING_DURATION_ERAS } from './chain-constants.js';
import { Rng } from './rng.js';

export const POOLS_PALLET_ID = 'py/nopls';

export interface PoolStaker {
  poolId: number;
  stash: Account;
  reward: Account;
  active: bigint;
  unlocking: UnlockChunk[];
}

export interface RewardPoolValue {
  lastRecordedRewardCounter: bigint;
  lastRecordedTotalPayouts: bigint;
  totalRewardsClaimed: bigint;
  totalCommissionPending: bigint;
  totalCommissionClaimed: bigint;
}

export interface PoolsModel {
  pools: Record<number, BondedPool>;
  members: Record<string, PoolMember>;
  stakers: PoolStaker[];
  rewardPools: Record<number, RewardPoolValue>;
  /** Unbonding points and balance per era, per pool (only pools with unbonding members). */
  subPools: Record<number, Array<{ era: number; points: bigint }>>;
  names: Record<number, string>;
  memberAccounts: Account[];
  fixtures: { poolId: number; member: string; unbondingMember: string; depositor: string };
}

const NAMES = ['Kusama Canary', 'Stake Nest', 'Chaos Pool', 'Expect Chaos', 'Unbounded', 'Rococo Rest'];

function poolAccount(kind: 0 | 1, poolId: number): Account {
  const sub = new Uint8Array(5);
  sub[0] = kind;
  new DataView(sub.buffer).setUint32(1, poolId, true);
  return palletSubAccount(POOLS_PALLET_ID, sub);
}

export function buildPools(
  seed: number,
  poolCount: number,
  memberCount: number,
  activeEra: number,
): PoolsModel {
  const rng = new Rng(seed, 'pools');
  const model: PoolsModel = {
    pools: {},
    members: {},
    stakers: [],
    rewardPools: {},
    subPools: {},
    names: {},
    memberAccounts: [],
    fixtures: { poolId: 1, member: '', unbondingMember: '', depositor: '' },
  };
  // Bigger pools first: member share falls off with the pool id; every pool has its depositor.
  const weights = Array.from({ length: poolCount }, (_, i) => 1 / (i + 2));
  const wsum = weights.reduce((a, b) => a + b, 0);
  const extra = memberCount - poolCount;
  const sizes = weights.map((w) => 1 + Math.floor((extra * w) / wsum));
  let assigned = sizes.reduce((a, b) => a + b, 0);
  for (let i = 0; assigned < memberCount; i = (i + 1) % poolCount, assigned++) sizes[i] = sizes[i]! + 1;

  let memberIndex = 0;
  for (let p = 0; p < poolCount; p++) {
    const id = p + 1;
    const stash = poolAccount(0, id);
    const reward = poolAccount(1, id);
    const poolCounter = rng.bigint(10n ** 17n, 10n ** 19n);
    let points = 0n;
    const unbonding = new Map<number, bigint>();
    let depositor = '';
    for (let m = 0; m < sizes[p]!; m++) {
      const acct = deriveAccount(seed, 'pool-member', memberIndex++);
      model.memberAccounts.push(acct);
      const memberPoints = m === 0 ? rng.logBigint(ksm(10), ksm(5_000)) : rng.logBigint(ksm(1), ksm(2_000));
      const unbondingEras: Array<{ era: number; points: bigint }> = [];
      const forceUnbonding = p === 0 && m === 2;
      if (m > 0 && (forceUnbonding || rng.chance(0.05))) {
        const era = activeEra + rng.int(1, BONDING_DURATION_ERAS + 1);
        const amount = memberPoints / BigInt(rng.int(2, 10));
        unbondingEras.push({ era, points: amount });
        unbonding.set(era, (unbonding.get(era) ?? 0n) + amount);
        if (forceUnbonding) model.fixtures.unbondingMember = acct.address;
      }
      if (m === 0) depositor = acct.address;
      if (p === 0 && m === 1) model.fixtures.member = acct.address;
      points += memberPoints;
      model.members[acct.address] = {
        who: acct.address,
        poolId: id,
        points: memberPoints,
        lastRecordedRewardCounter: poolCounter - rng.bigint(0n, poolCounter / 4n),
        unbondingEras,
      };
    }
    if (p === 0) model.fixtures.depositor = depositor;
    const stateRoll = rng.float();
    const state: PoolState =
      p === 0 ? 'Open' : stateRoll < 0.9 ? 'Open' : stateRoll < 0.97 ? 'Blocked' : 'Destroying';
    const root = rng.chance(0.8) ? depositor : deriveAccount(seed, 'pool-root', id).address;
    const hasCommission = rng.chance(0.6);
    model.pools[id] = {
      id,
      state,
      points,
      memberCounter: sizes[p]!,
      roles: {
        depositor,
        root,
        nominator: rng.chance(0.95) ? root : null,
        bouncer: rng.chance(0.9) ? root : null,
      },
      commission: {
        current: hasCommission ? { rate: rng.int(0, 20) * 5_000_000, payee: root } : null,
        max: hasCommission && rng.chance(0.5) ? 200_000_000 : null,
      },
      bondedAccount: stash.address,
    };
    const eras = [...unbonding.entries()].sort((a, b) => a[0] - b[0]);
    if (eras.length > 0) model.subPools[id] = eras.map(([era, pts]) => ({ era, points: pts }));
    model.stakers.push({
      poolId: id,
      stash,
      reward,
      active: points,
      unlocking: eras.map(([era, value]) => ({ value, era })),
    });
    const payouts = rng.bigint(ksm(10), ksm(5_000));
    model.rewardPools[id] = {
      lastRecordedRewardCounter: poolCounter,
      lastRecordedTotalPayouts: payouts,
      totalRewardsClaimed: payouts - payouts / 10n,
      totalCommissionPending: hasCommission ? payouts / 50n : 0n,
      totalCommissionClaimed: hasCommission ? payouts / 20n : 0n,
    };
    model.names[id] = `${NAMES[p % NAMES.length]} #${id}`;
  }
  return model;
}
