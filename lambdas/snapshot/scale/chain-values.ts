/**
 * The anchor's values (time, relay block, issuance), decoded by hand with `decodeU32`, `decodeU64`
 * and `decodeU128`. A changed layout fails the run (see `guard/README.md`).
 */
import type { ItemLayout } from '../guard/item.js';
import { L } from '../guard/layout.js';

const plain = (pallet: string, item: string, value: string): ItemLayout => ({
  pallet,
  item,
  required: true,
  keys: [],
  value,
});

export const TIMESTAMP_NOW = plain('Timestamp', 'Now', L.u64);
export const LAST_RELAY_BLOCK = plain('ParachainSystem', 'LastRelayChainBlockNumber', L.u32);
export const TOTAL_ISSUANCE = plain('Balances', 'TotalIssuance', L.u128);
export const INACTIVE_ISSUANCE = plain('Balances', 'InactiveIssuance', L.u128);
