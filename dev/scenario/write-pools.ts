/** Nomination pools storage pairs from the pools model. */
import type { BondedPool, PoolMember } from '../../core/types/index.js';
import { ksm } from './amounts.js';
import type { PoolsModel } from './pools-model.js';
import type { StorageContext } from './storage-context.js';
import type { StoragePair } from './types.js';

export function bondedPoolValue(p: BondedPool): unknown {
  return {
    commission: {
      current: p.commission.current ? [p.commission.current.rate, p.commission.current.payee] : null,
      max: p.commission.max,
      changeRate: null,
      throttleFrom: null,
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

export function poolsPairs(ctx: StorageContext, m: PoolsModel): StoragePair[] {
  const ids = Object.keys(m.pools).map(Number);
  const tvl = m.stakers.reduce((s, st) => st.unlocking.reduce((a, c) => a + c.value, s + st.active), 0n);
  const out: StoragePair[] = [
    ctx.pair('NominationPools', 'MinJoinBond', [], ksm(0.1)),
    ctx.pair('NominationPools', 'MinCreateBond', [], ksm(1)),
    ctx.pair('NominationPools', 'TotalValueLocked', [], tvl),
    ctx.pair('NominationPools', 'LastPoolId', [], Math.max(0, ...ids)),
    ctx.pair('NominationPools', 'CounterForBondedPools', [], ids.length),
    ctx.pair('NominationPools', 'CounterForRewardPools', [], ids.length),
    ctx.pair('NominationPools', 'CounterForMetadata', [], ids.length),
    ctx.pair('NominationPools', 'CounterForReversePoolIdLookup', [], ids.length),
    ctx.pair('NominationPools', 'CounterForSubPoolsStorage', [], Object.keys(m.subPools).length),
    ctx.pair('NominationPools', 'CounterForPoolMembers', [], Object.keys(m.members).length),
  ];
  for (const id of ids) {
    const pool = m.pools[id]!;
    out.push(ctx.pair('NominationPools', 'BondedPools', [id], bondedPoolValue(pool)));
    out.push(ctx.pair('NominationPools', 'RewardPools', [id], m.rewardPools[id]));
    out.push(ctx.pair('NominationPools', 'Metadata', [id], new TextEncoder().encode(m.names[id] ?? '')));
    out.push(ctx.pair('NominationPools', 'ReversePoolIdLookup', [pool.bondedAccount], id));
  }
  for (const [id, eras] of Object.entries(m.subPools)) {
    const withEra = eras.map((e) => [e.era, { points: e.points, balance: e.points }]);
    out.push(
      ctx.pair('NominationPools', 'SubPoolsStorage', [Number(id)], {
        noEra: { points: 0n, balance: 0n },
        withEra,
      }),
    );
  }
  for (const member of Object.values(m.members)) {
    out.push(ctx.pair('NominationPools', 'PoolMembers', [member.who], poolMemberValue(member)));
  }
  return out;
}
