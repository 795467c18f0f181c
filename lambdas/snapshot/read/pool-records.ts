/**
 * The per-pool records beside `BondedPools`: reward pools, unbonding sub-pools, names and what each
 * reward account can pay out, all read in bulk at the pinned block.
 */
import { blake2AsU8a } from '@polkadot/util-crypto';
import { type AccountBalances, reducibleBalance } from '../../../core/staking/pool-math.js';
import { poolName } from '../../../core/staking/pool-name.js';
import type { RewardPoolRecord, SubPoolsRecord } from '../../../core/types/staking.js';
import { decodeMapKey, storagePrefix } from '../rpc/keys.js';
import {
  decodePoolMetadata,
  POOL_METADATA,
  REWARD_POOLS,
  SUB_POOLS_STORAGE,
  SYSTEM_ACCOUNT,
} from '../scale/pool-values.js';
import { decodeAll, type ReadContext } from './context.js';
import type { MetadataCodec } from './metadata-codec.js';

type Json = Record<string, unknown>;

const big = (v: unknown): bigint => BigInt(String(v ?? 0));
const poolIdOf = (key: string): number => decodeMapKey(key, REWARD_POOLS.keys)[0] as number;

export interface PoolRecords {
  rewardPools: Map<number, RewardPoolRecord>;
  subPools: Map<number, SubPoolsRecord>;
  names: Map<number, string | null>;
}

function unbondPool(j: Json): { points: bigint; balance: bigint } {
  return { points: big(j.points), balance: big(j.balance) };
}

export async function readPoolRecords(ctx: ReadContext, codec: MetadataCodec): Promise<PoolRecords> {
  const P = (item: string) => storagePrefix('NominationPools', item);
  const [rewardEntries, subEntries, metaEntries] = await Promise.all([
    ctx.storage.entries(P(REWARD_POOLS.item)),
    ctx.storage.entries(P(SUB_POOLS_STORAGE.item)),
    ctx.storage.entries(P(POOL_METADATA.item)),
  ]);
  const rewards = decodeAll(ctx, 'NominationPools.RewardPools', rewardEntries, (k, v) => {
    const j = codec.decode('NominationPools', 'RewardPools', v).toJSON() as Json;
    const record: RewardPoolRecord = {
      lastRecordedRewardCounter: big(j.lastRecordedRewardCounter),
      lastRecordedTotalPayouts: big(j.lastRecordedTotalPayouts),
      totalRewardsClaimed: big(j.totalRewardsClaimed),
      totalCommissionPending: big(j.totalCommissionPending),
      totalCommissionClaimed: big(j.totalCommissionClaimed),
    };
    return [poolIdOf(k), record] as const;
  });
  const subs = decodeAll(ctx, 'NominationPools.SubPoolsStorage', subEntries, (k, v) => {
    const j = codec.decode('NominationPools', 'SubPoolsStorage', v).toJSON() as Json;
    const withEra = Object.entries((j.withEra ?? {}) as Record<string, Json>)
      .map(([era, pool]) => ({ era: Number(era), ...unbondPool(pool) }))
      .sort((a, b) => a.era - b.era);
    const record: SubPoolsRecord = { noEra: unbondPool(j.noEra as Json), withEra };
    return [decodeMapKey(k, SUB_POOLS_STORAGE.keys)[0] as number, record] as const;
  });
  const names = decodeAll(ctx, 'NominationPools.Metadata', metaEntries, (k, v) => {
    return [decodeMapKey(k, POOL_METADATA.keys)[0] as number, poolName(decodePoolMetadata(v))] as const;
  });
  return { rewardPools: new Map(rewards), subPools: new Map(subs), names: new Map(names) };
}

function accountKey(accountId: Uint8Array): string {
  const hash = blake2AsU8a(accountId, 128);
  return (
    storagePrefix(SYSTEM_ACCOUNT.pallet, SYSTEM_ACCOUNT.item) +
    Buffer.from(hash).toString('hex') +
    Buffer.from(accountId).toString('hex')
  );
}

/**
 * What each reward account can pay out (`reducible_balance`, Expendable, Polite), by pool id: a
 * missing account holds nothing; one that does not decode is reported and counted as nothing.
 */
export async function readRewardBalances(
  ctx: ReadContext,
  codec: MetadataCodec,
  accounts: ReadonlyArray<{ poolId: number; accountId: Uint8Array }>,
  existentialDeposit: bigint,
): Promise<Map<number, bigint>> {
  const values = await ctx.storage.values(accounts.map((a) => accountKey(a.accountId)));
  const present: Array<[string, string]> = [];
  const out = new Map<number, bigint>();
  accounts.forEach((a, i) => {
    out.set(a.poolId, 0n);
    const v = values[i];
    if (v) present.push([String(a.poolId), v]);
  });
  const decoded = decodeAll(ctx, 'System.Account (pool reward accounts)', present, (poolId, v) => {
    const j = codec.decode('System', 'Account', v).toJSON() as Json;
    const data = j.data as Json;
    const balances: AccountBalances = {
      free: big(data.free),
      reserved: big(data.reserved),
      frozen: big(data.frozen ?? data.miscFrozen),
      consumers: Number(j.consumers),
      providers: Number(j.providers),
    };
    return [Number(poolId), reducibleBalance(balances, existentialDeposit)] as const;
  });
  for (const [poolId, balance] of decoded) out.set(poolId, balance);
  return out;
}
