/** Nomination pools at the pinned block: bonded pools and their members. */
import { encodeAddress } from '@polkadot/util-crypto';
import { KUSAMA_SS58_PREFIX } from '../../../core/kusama/constants.js';
import type { PoolsState } from '../../../core/types/snapshot.js';
import type { BondedPool, PoolMember, PoolState } from '../../../core/types/staking.js';
import { decodeMapKey, storagePrefix } from '../rpc/keys.js';
import { BONDED_POOLS, POOL_MEMBERS } from '../scale/staking-codecs.js';
import { decodeAll, type ReadContext } from './context.js';
import type { MetadataCodec } from './metadata-codec.js';

type Json = Record<string, unknown>;

/** The pool's bonded stash: "modl" ++ pallet id ++ AccountType::Bonded (0) ++ pool id (LE), zero padded. */
export function poolBondedAccount(palletId: Uint8Array, poolId: number): string {
  const bytes = new Uint8Array(32);
  bytes.set(new TextEncoder().encode('modl'), 0);
  bytes.set(palletId.subarray(0, 8), 4);
  bytes[12] = 0;
  new DataView(bytes.buffer).setUint32(13, poolId, true);
  return encodeAddress(bytes, KUSAMA_SS58_PREFIX);
}

const STATES: Record<string, PoolState> = { open: 'Open', blocked: 'Blocked', destroying: 'Destroying' };

export async function readPools(ctx: ReadContext, codec: MetadataCodec): Promise<PoolsState> {
  if (!ctx.has('NominationPools', 'BondedPools')) {
    ctx.warn('NominationPools is not in this runtime; pools left empty');
    return { pools: {}, members: {} };
  }
  const palletIdCodec = codec.consts.nominationPools?.palletId as
    | { toU8a(raw: boolean): Uint8Array }
    | undefined;
  const palletId = palletIdCodec ? palletIdCodec.toU8a(true) : new TextEncoder().encode('py/nopls');
  const P = (item: string) => storagePrefix('NominationPools', item);
  const [poolEntries, memberEntries] = await Promise.all([
    ctx.storage.entries(P('BondedPools')),
    ctx.storage.entries(P('PoolMembers')),
  ]);
  const pools = decodeAll<BondedPool>(ctx, 'NominationPools.BondedPools', poolEntries, (k, v) => {
    const id = decodeMapKey(k, BONDED_POOLS.keys)[0] as number;
    const j = codec.decode('NominationPools', 'BondedPools', v).toJSON() as Json;
    const roles = j.roles as Json;
    const commission = j.commission as Json;
    const current = commission.current as [number, string] | null;
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
      commission: {
        current: current ? { rate: Number(current[0]), payee: String(current[1]) } : null,
        max: commission.max == null ? null : Number(commission.max),
      },
      bondedAccount: poolBondedAccount(palletId, id),
    };
  });
  const decodeMember = ctx.decoders.decoder(POOL_MEMBERS);
  const members = decodeAll<PoolMember>(ctx, 'NominationPools.PoolMembers', memberEntries, (k, v) =>
    decodeMember(v, decodeMapKey(k, POOL_MEMBERS.keys)[0] as string),
  );
  return {
    pools: Object.fromEntries(pools.map((p) => [p.id, p])),
    members: Object.fromEntries(members.map((m) => [m.who, m])),
  };
}
