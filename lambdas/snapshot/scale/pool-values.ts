/**
 * The nomination pool items besides `BondedPools` and `PoolMembers` (in `staking-codecs.ts`): their
 * keys are read or built by hand, their values go through the metadata (a few hundred pools), except
 * the pool names, read as the bytes they are.
 */
import type { ItemLayout } from '../guard/item.js';
import { L } from '../guard/layout.js';
import { ScaleReader } from './reader.js';

const BY_POOL_ID = [['Twox64Concat', 'u32']] as const;

export const REWARD_POOLS: ItemLayout = {
  pallet: 'NominationPools',
  item: 'RewardPools',
  required: true,
  keys: BY_POOL_ID,
  value: null,
};

export const SUB_POOLS_STORAGE: ItemLayout = {
  pallet: 'NominationPools',
  item: 'SubPoolsStorage',
  required: true,
  keys: BY_POOL_ID,
  value: null,
};

export const POOL_METADATA: ItemLayout = {
  pallet: 'NominationPools',
  item: 'Metadata',
  required: true,
  keys: BY_POOL_ID,
  value: L.vec(L.u8),
};

export function decodePoolMetadata(hex: string): Uint8Array {
  const r = ScaleReader.fromHex(hex, 'nominationPools.metadata');
  const bytes = r.raw(r.compactNumber());
  r.end();
  return bytes;
}

export const GLOBAL_MAX_COMMISSION: ItemLayout = {
  pallet: 'NominationPools',
  item: 'GlobalMaxCommission',
  required: false,
  keys: [],
  value: L.perbill,
};

/** The pools' reward accounts are read by key (Blake2_128Concat of the account id). */
export const SYSTEM_ACCOUNT: ItemLayout = {
  pallet: 'System',
  item: 'Account',
  required: true,
  keys: [['Blake2_128Concat', 'AccountId32']],
  value: null,
};
