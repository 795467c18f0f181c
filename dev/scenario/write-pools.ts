/** Nomination pools storage pairs from the pools model. */
import type { BondedPool, PoolMember, SubPoolsRecord } from '../../core/types/index.js';
import { ksm } from './amounts.js';
import type { PoolsModel } from './pools-model.js';
import type { StorageContext } from './storage-context.js';
import type { StoragePair } from './types.js';

export function bondedPoolValue(p: BondedPool): unknown {
  const c = p.commission;
  return {
    commission: {
      current: c.current ? [c.current.rate, c.current.payee] : null,
      max: c.max,
      changeRate: c.changeRate,
      throttleFrom: c.throttleFrom,
      claimPermission: null,
    },
    memberCounter: p.memberCounter,
    points: p.points,
    roles: p.roles,
    state: p.state,
  };
}

export function poolMemberValue(m: PoolMember): unknown {
  return {
    poolId: m.poolId,
    points: m.points,
    lastRecordedRewardCounter: m.lastRecordedRewardCounter,
    unbondingEras: m.unbondingEras.map((u) => [u.era, u.points]),
  };
}

export function subPoolsValue(s: SubPoolsRecord): unknown {
  return {
    noEra: s.noEra,
    withEra: s.withEra.map((p) => [p.era, { points: p.points, balance: p.balance }]),
  };
}

export function poolsPairs(ctx: StorageContext, m: PoolsModel): StoragePair[] {
  const ids = Object.keys(m.pools).map(Number);
  const tvl = m.stakers.reduce((s, st) => st.unlocking.reduce((a, c) => a + c.value, s + st.active), 0n);
  const named = Object.keys(m.metadata).map(Number);
  const out: StoragePair[] = [
    ctx.pair('NominationPools', 'MinJoinBond', [], ksm(0.1)),
    ctx.pair('NominationPools', 'MinCreateBond', [], ksm(1)),
    ctx.pair('NominationPools', 'TotalValueLocked', [], tvl),
    ctx.pair('NominationPools', 'GlobalMaxCommission', [], m.globalMaxCommission),
    ctx.pair('NominationPools', 'LastPoolId', [], Math.max(0, ...ids)),
    ctx.pair('NominationPools', 'CounterForBondedPools', [], ids.length),
    ctx.pair('NominationPools', 'CounterForRewardPools', [], ids.length),
    ctx.pair('NominationPools', 'CounterForMetadata', [], named.length),
    ctx.pair('NominationPools', 'CounterForReversePoolIdLookup', [], ids.length),
    ctx.pair('NominationPools', 'CounterForSubPoolsStorage', [], Object.keys(m.subPools).length),
    ctx.pair('NominationPools', 'CounterForPoolMembers', [], Object.keys(m.members).length),
  ];
  for (const id of ids) {
    const pool = m.pools[id]!;
    out.push(ctx.pair('NominationPools', 'BondedPools', [id], bondedPoolValue(pool)));
    out.push(ctx.pair('NominationPools', 'RewardPools', [id], m.rewardPools[id]));
    out.push(ctx.pair('NominationPools', 'ReversePoolIdLookup', [pool.bondedAccount], id));
  }
  for (const id of named) out.push(ctx.pair('NominationPools', 'Metadata', [id], m.metadata[id]));
  for (const [id, sub] of Object.entries(m.subPools)) {
    out.push(ctx.pair('NominationPools', 'SubPoolsStorage', [Number(id)], subPoolsValue(sub)));
  }
  for (const member of Object.values(m.members)) {
    out.push(ctx.pair('NominationPools', 'PoolMembers', [member.who], poolMemberValue(member)));
  }
  return out;
}
