/**
 * Nomination pools at the pinned block: bonded pools with their commission, roles, names, reward
 * pools, unbonding sub-pools and reward balances, the members, and the global commission cap.
 */
import { encodeAddress } from '@polkadot/util-crypto';
import { KUSAMA_SS58_PREFIX } from '../../../core/kusama/constants.js';
import type { PoolsState } from '../../../core/types/snapshot.js';
import type { BondedPool, PoolCommission, PoolMember, PoolState } from '../../../core/types/staking.js';
import { decodeMapKey, storagePrefix } from '../rpc/keys.js';
import { GLOBAL_MAX_COMMISSION } from '../scale/pool-values.js';
import { BONDED_POOLS, decodeU32, POOL_MEMBERS } from '../scale/staking-codecs.js';
import { decodeAll, type ReadContext } from './context.js';
import type { MetadataCodec } from './metadata-codec.js';
import { readPoolRecords, readRewardBalances } from './pool-records.js';

type Json = Record<string, unknown>;

/** A pool account: "modl" ++ pallet id ++ AccountType (0 bonded, 1 reward) ++ pool id (LE), zero padded. */
export function poolAccountId(palletId: Uint8Array, poolId: number, kind: 0 | 1): Uint8Array {
  const bytes = new Uint8Array(32);
  bytes.set(new TextEncoder().encode('modl'), 0);
  bytes.set(palletId.subarray(0, 8), 4);
  bytes[12] = kind;
  new DataView(bytes.buffer).setUint32(13, poolId, true);
  return bytes;
}

export function poolBondedAccount(palletId: Uint8Array, poolId: number): string {
  return encodeAddress(poolAccountId(palletId, poolId, 0), KUSAMA_SS58_PREFIX);
}

const STATES: Record<string, PoolState> = { open: 'Open', blocked: 'Blocked', destroying: 'Destroying' };
const NO_RULES = { globalMaxCommission: null };

function commissionOf(c: Json): PoolCommission {
  const current = c.current as [number, string] | null;
  const changeRate = c.changeRate as Json | null;
  return {
    current: current ? { rate: Number(current[0]), payee: String(current[1]) } : null,
    max: c.max == null ? null : Number(c.max),
    changeRate: changeRate
      ? { maxIncrease: Number(changeRate.maxIncrease), minDelay: Number(changeRate.minDelay) }
      : null,
    throttleFrom: c.throttleFrom == null ? null : Number(c.throttleFrom),
  };
}

function constantBytes(codec: MetadataCodec, fallback: string): Uint8Array {
  const c = codec.consts.nominationPools?.palletId as { toU8a(raw: boolean): Uint8Array } | undefined;
  return c ? c.toU8a(true) : new TextEncoder().encode(fallback);
}

export async function readPools(ctx: ReadContext, codec: MetadataCodec): Promise<PoolsState> {
  if (!ctx.has('NominationPools', 'BondedPools')) {
    ctx.warn('NominationPools is not in this runtime; pools left empty');
    return { pools: {}, members: {}, rules: NO_RULES };
  }
  const palletId = constantBytes(codec, 'py/nopls');
  const ed = BigInt(String(codec.consts.balances?.existentialDeposit ?? 0));
  const P = (item: string) => storagePrefix('NominationPools', item);
  const [poolEntries, memberEntries, records, globalMax] = await Promise.all([
    ctx.storage.entries(P('BondedPools')),
    ctx.storage.entries(P('PoolMembers')),
    readPoolRecords(ctx, codec),
    ctx.has(GLOBAL_MAX_COMMISSION.pallet, GLOBAL_MAX_COMMISSION.item)
      ? ctx.storage.values([P(GLOBAL_MAX_COMMISSION.item)])
      : Promise.resolve([null]),
  ]);
  const pools = decodeAll<BondedPool>(ctx, 'NominationPools.BondedPools', poolEntries, (k, v) => {
    const id = decodeMapKey(k, BONDED_POOLS.keys)[0] as number;
    const j = codec.decode('NominationPools', 'BondedPools', v).toJSON() as Json;
    const roles = j.roles as Json;
    const state = STATES[String(j.state).toLowerCase()];
    if (!state) throw new Error(`pool ${id}: unknown state ${String(j.state)}`);
    return {
      id,
      state,
      points: BigInt(j.points as string),
      memberCounter: Number(j.memberCounter),
      roles: {
        depositor: String(roles.depositor),
        root: (roles.root as string | null) ?? null,
        nominator: (roles.nominator as string | null) ?? null,
        bouncer: (roles.bouncer as string | null) ?? null,
      },
      commission: commissionOf(j.commission as Json),
      bondedAccount: poolBondedAccount(palletId, id),
      name: records.names.get(id) ?? null,
      rewardPool: records.rewardPools.get(id) ?? null,
      rewardBalance: 0n,
      subPools: records.subPools.get(id) ?? null,
    };
  });
  const balances = await readRewardBalances(
    ctx,
    codec,
    pools.map((p) => ({ poolId: p.id, accountId: poolAccountId(palletId, p.id, 1) })),
    ed,
  );
  for (const p of pools) p.rewardBalance = balances.get(p.id) ?? 0n;
  const decodeMember = ctx.decoders.decoder(POOL_MEMBERS);
  const members = decodeAll<PoolMember>(ctx, 'NominationPools.PoolMembers', memberEntries, (k, v) =>
    decodeMember(v, decodeMapKey(k, POOL_MEMBERS.keys)[0] as string),
  );
  const maxHex = globalMax[0];
  return {
    pools: Object.fromEntries(pools.map((p) => [p.id, p])),
    members: Object.fromEntries(members.map((m) => [m.who, m])),
    rules: { globalMaxCommission: maxHex ? decodeU32(maxHex, 'nominationPools.globalMaxCommission') : null },
  };
}
