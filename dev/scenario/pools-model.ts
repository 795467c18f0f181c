/**
 * Nomination pools: bonded pools with roles, commission and names, members whose points sum to the
 * pool's points, unbonding members mirrored in the sub-pools (eras older than the merge window in
 * `noEra`) and the pool's ledger, and reward pools whose counters and reward account balance give
 * every member what it is owed plus the rewards received since the last record.
 *
 * Fixed cases, whatever the seed: pool 1 is open with a commission, a change rate and a named
 * depositor, and has a member unbonding in several eras (one already merged into `noEra`, one
 * withdrawable) and a member that is its bouncer; pool 2 is blocked, slashed (bonded and one unbond
 * pool), its commission above the global maximum and its name hostile; pool 3 is being destroyed,
 * has no name and received nothing since its last record.
 */

import { poolName } from '../../core/staking/pool-name.js';
import type {
  BondedPool,
  PoolMember,
  PoolState,
  RewardPoolRecord,
  SubPoolsRecord,
  UnlockChunk,
} from '../../core/types/index.js';
import { type Account, deriveAccount, palletSubAccount } from './accounts.js';
import { ksm } from './amounts.js';
import { BONDING_DURATION_ERAS } from './chain-constants.js';
import { Rng } from './rng.js';

export const POOLS_PALLET_ID = 'py/nopls';
/** Kusama Asset Hub's `PostUnbondingPoolsWindow`: unbond pools this many eras past their era are merged. */
export const POST_UNBONDING_POOLS_WINDOW = 4;
/** The seeded `GlobalMaxCommission` (10%). */
export const GLOBAL_MAX_COMMISSION = 100_000_000;
/** Existential deposit of Kusama Asset Hub (KSM planck): frozen on every reward account. */
export const POOL_REWARD_ED = 3_333_333n;
const FIXED_POINT = 10n ** 18n;
const HOSTILE_NAME = new Uint8Array([
  ...new TextEncoder().encode('\u202Egnikats\u202C Pool\u200B\u0007\n  Official '),
  0xff,
  0xfe,
  ...new TextEncoder().encode(' support: visit our site now for double rewards!!!'),
]);

export interface PoolStaker {
  poolId: number;
  stash: Account;
  reward: Account;
  active: bigint;
  unlocking: UnlockChunk[];
  /** The reward account's free balance (the existential deposit of it is frozen). */
  rewardFree: bigint;
}

export type RewardPoolValue = RewardPoolRecord;

export interface PoolsModel {
  pools: Record<number, BondedPool>;
  members: Record<string, PoolMember>;
  stakers: PoolStaker[];
  rewardPools: Record<number, RewardPoolValue>;
  /** Unbonding sub-pools, per pool with unbonding members. */
  subPools: Record<number, SubPoolsRecord>;
  /** The raw `Metadata` bytes of each pool that has a name. */
  metadata: Record<number, Uint8Array>;
  globalMaxCommission: number;
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

interface Unbond {
  era: number;
  points: bigint;
  /** Balance per point in percent (100 unless its unbond pool was slashed). */
  worth: bigint;
}

function subPoolsOf(unbonds: Unbond[], activeEra: number): SubPoolsRecord | null {
  if (unbonds.length === 0) return null;
  const noEra = { points: 0n, balance: 0n };
  const byEra = new Map<number, { points: bigint; balance: bigint }>();
  for (const u of unbonds) {
    const balance = (u.points * u.worth) / 100n;
    if (u.era <= activeEra - POST_UNBONDING_POOLS_WINDOW) {
      noEra.points += u.points;
      noEra.balance += balance;
      continue;
    }
    const p = byEra.get(u.era) ?? { points: 0n, balance: 0n };
    p.points += u.points;
    p.balance += balance;
    byEra.set(u.era, p);
  }
  const withEra = [...byEra.entries()].sort((a, b) => a[0] - b[0]).map(([era, p]) => ({ era, ...p }));
  return { noEra, withEra };
}

function stateOf(p: number, roll: number): PoolState {
  if (p === 0) return 'Open';
  if (p === 1) return 'Blocked';
  if (p === 2) return 'Destroying';
  return roll < 0.9 ? 'Open' : roll < 0.97 ? 'Blocked' : 'Destroying';
}

export function buildPools(
  seed: number,
  poolCount: number,
  memberCount: number,
  activeEra: number,
): PoolsModel {
  const rng = new Rng(seed, 'pools');
  const extra = new Rng(seed, 'pool-rewards');
  const model: PoolsModel = {
    pools: {},
    members: {},
    stakers: [],
    rewardPools: {},
    subPools: {},
    metadata: {},
    globalMaxCommission: GLOBAL_MAX_COMMISSION,
    memberAccounts: [],
    fixtures: { poolId: 1, member: '', unbondingMember: '', depositor: '' },
  };
  // Bigger pools first: member share falls off with the pool id; every pool has its depositor.
  const weights = Array.from({ length: poolCount }, (_, i) => 1 / (i + 2));
  const wsum = weights.reduce((a, b) => a + b, 0);
  const extraMembers = memberCount - poolCount;
  const sizes = weights.map((w) => 1 + Math.floor((extraMembers * w) / wsum));
  let assigned = sizes.reduce((a, b) => a + b, 0);
  for (let i = 0; assigned < memberCount; i = (i + 1) % poolCount, assigned++) sizes[i] = sizes[i]! + 1;

  let memberIndex = 0;
  for (let p = 0; p < poolCount; p++) {
    const id = p + 1;
    const stash = poolAccount(0, id);
    const reward = poolAccount(1, id);
    // Up to 0.1 planck earned per point since each pool started (a FixedU128 counter).
    const poolCounter = rng.bigint(10n ** 17n, 10n ** 19n) / 100n;
    let points = 0n;
    const unbonds: Unbond[] = [];
    const members: PoolMember[] = [];
    for (let m = 0; m < sizes[p]!; m++) {
      const acct = deriveAccount(seed, 'pool-member', memberIndex++);
      model.memberAccounts.push(acct);
      const memberPoints = m === 0 ? rng.logBigint(ksm(10), ksm(5_000)) : rng.logBigint(ksm(1), ksm(2_000));
      const unbondingEras: Array<{ era: number; points: bigint }> = [];
      const forceUnbonding = (p === 0 || p === 1) && m === 2;
      if (m > 0 && (forceUnbonding || rng.chance(0.05))) {
        const era = activeEra + rng.int(1, BONDING_DURATION_ERAS + 1);
        const amount = memberPoints / BigInt(rng.int(2, 10));
        unbondingEras.push({ era, points: amount });
        // Pool 2's unbond pool of this era lost 10% to a slash.
        unbonds.push({ era, points: amount, worth: p === 1 ? 90n : 100n });
        if (p === 0 && m === 2) {
          // Older chunks: one withdrawable now, one merged into the era-less pool.
          for (const back of [1, POST_UNBONDING_POOLS_WINDOW + 6]) {
            const old = activeEra - back;
            const pts = memberPoints / BigInt(extra.int(10, 20));
            unbondingEras.push({ era: old, points: pts });
            unbonds.push({ era: old, points: pts, worth: 100n });
          }
          model.fixtures.unbondingMember = acct.address;
        }
      }
      if (p === 0 && m === 1) model.fixtures.member = acct.address;
      points += memberPoints;
      const member: PoolMember = {
        who: acct.address,
        poolId: id,
        points: memberPoints,
        lastRecordedRewardCounter: poolCounter - rng.bigint(0n, poolCounter / 4n),
        unbondingEras: unbondingEras.sort((a, b) => a.era - b.era),
      };
      members.push(member);
      model.members[acct.address] = member;
    }
    const depositor = members[0]!.who;
    if (p === 0) model.fixtures.depositor = depositor;
    const state = stateOf(p, rng.float());
    const root = rng.chance(0.8) || p === 0 ? depositor : deriveAccount(seed, 'pool-root', id).address;
    const hasCommission = rng.chance(0.6);
    const nominator = rng.chance(0.95) ? root : null;
    let bouncer = rng.chance(0.9) ? root : null;
    if (p === 0 && members[3]) bouncer = members[3].who;
    let rate = hasCommission ? rng.int(0, 20) * 5_000_000 : null;
    let max = hasCommission && rng.chance(0.5) ? 200_000_000 : null;
    if (rate !== null && rate > GLOBAL_MAX_COMMISSION) rate = GLOBAL_MAX_COMMISSION;
    if (p === 0) [rate, max] = [50_000_000, 100_000_000];
    if (p === 1) [rate, max] = [120_000_000, null];
    if (p === 2) [rate, max] = [null, null];
    const subPools = subPoolsOf(unbonds, activeEra);
    // Pool 2 was slashed 4%: its active stake is below its points.
    const active = p === 1 ? (points * 96n) / 100n : points;
    const rewardPool = rewardPoolOf(extra, poolCounter, members, rate !== null, p === 2);
    const rewardFree = POOL_REWARD_ED + rewardPool.owed + rewardPool.received;
    model.rewardPools[id] = rewardPool.record;
    const metadata = nameBytes(p, id);
    if (metadata) model.metadata[id] = metadata;
    if (subPools) model.subPools[id] = subPools;
    model.pools[id] = {
      id,
      state,
      points,
      memberCounter: sizes[p]!,
      roles: { depositor, root, nominator, bouncer },
      commission: {
        current: rate === null ? null : { rate, payee: root },
        max,
        changeRate: p === 0 ? { maxIncrease: 10_000_000, minDelay: 14_400 } : null,
        throttleFrom: p === 0 ? 31_000_000 : null,
      },
      bondedAccount: stash.address,
      name: metadata ? poolName(metadata) : null,
      rewardPool: rewardPool.record,
      rewardBalance: rewardFree - POOL_REWARD_ED,
      subPools,
    };
    model.stakers.push({
      poolId: id,
      stash,
      reward,
      active,
      unlocking: ledgerChunks(subPools, unbonds),
      rewardFree,
    });
  }
  return model;
}

function nameBytes(p: number, id: number): Uint8Array | null {
  if (p === 1) return HOSTILE_NAME;
  if (p === 2) return null;
  return new TextEncoder().encode(`${NAMES[p % NAMES.length]} #${id}`);
}

/** The pool stash's unlocking chunks: one per unbond era, worth what its unbond pool holds. */
function ledgerChunks(sub: SubPoolsRecord | null, unbonds: Unbond[]): UnlockChunk[] {
  if (!sub) return [];
  const byEra = new Map<number, bigint>();
  for (const u of unbonds) byEra.set(u.era, (byEra.get(u.era) ?? 0n) + (u.points * u.worth) / 100n);
  return [...byEra.entries()].sort((a, b) => a[0] - b[0]).map(([era, value]) => ({ era, value }));
}

/**
 * The reward pool as of its last record (the counter `C`), with enough left in the reward account
 * for what every member is owed at `C` and the pending commission, plus what arrived since.
 */
function rewardPoolOf(
  rng: Rng,
  counter: bigint,
  members: PoolMember[],
  hasCommission: boolean,
  quiet: boolean,
): { record: RewardPoolRecord; owed: bigint; received: bigint } {
  let owed = 0n;
  for (const m of members) owed += ((counter - m.lastRecordedRewardCounter) * m.points) / FIXED_POINT;
  const commissionPending = hasCommission ? rng.bigint(ksm(0.1), ksm(5)) : 0n;
  const commissionClaimed = hasCommission ? rng.bigint(ksm(1), ksm(50)) : 0n;
  const claimed = rng.bigint(ksm(10), ksm(2_000));
  const dust = rng.bigint(0n, 1_000_000n);
  const atRecord = owed + commissionPending + dust;
  return {
    record: {
      lastRecordedRewardCounter: counter,
      lastRecordedTotalPayouts: atRecord + claimed + commissionClaimed,
      totalRewardsClaimed: claimed,
      totalCommissionPending: commissionPending,
      totalCommissionClaimed: commissionClaimed,
    },
    owed: atRecord,
    received: quiet ? 0n : rng.bigint(ksm(0.5), ksm(20)),
  };
}
