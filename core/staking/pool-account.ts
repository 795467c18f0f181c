/**
 * Nomination pool accounts: `PalletId(*b"py/nopls").into_sub_account_truncating((AccountType, poolId))`,
 * i.e. "modl" ‖ "py/nopls" ‖ account type (0 bonded, 1 reward) ‖ pool id as u32 LE, zero-padded to 32 bytes.
 */
import { encodeAddress } from '../address/ss58.js';
import { KUSAMA_SS58_PREFIX } from '../kusama/constants.js';
import type { Address } from '../types/staking.js';

export const POOLS_PALLET_ID = 'py/nopls';

export type PoolAccountKind = 'bonded' | 'reward';

export function poolAccountId(poolId: number, kind: PoolAccountKind, palletId = POOLS_PALLET_ID): Uint8Array {
  if (!Number.isInteger(poolId) || poolId < 0 || poolId > 0xffff_ffff) {
    throw new RangeError(`Pool id ${poolId} is not a u32.`);
  }
  const text = new TextEncoder().encode(`modl${palletId}`);
  if (text.length !== 12) throw new RangeError(`Pallet id "${palletId}" must be 8 bytes.`);
  const out = new Uint8Array(32);
  out.set(text, 0);
  out[12] = kind === 'bonded' ? 0 : 1;
  new DataView(out.buffer).setUint32(13, poolId, true);
  return out;
}

export function poolAccount(poolId: number, kind: PoolAccountKind, prefix = KUSAMA_SS58_PREFIX): Address {
  return encodeAddress(poolAccountId(poolId, kind), prefix);
}

export const poolBondedAccount = (poolId: number): Address => poolAccount(poolId, 'bonded');
export const poolRewardAccount = (poolId: number): Address => poolAccount(poolId, 'reward');
