/**
 * What the crowdloan refund reader (`read/ah-ops.ts`) reads without the metadata: the keys of the
 * three `AhOps` maps, (relay block, para id, account) each behind `Twox64Concat`. Their values go
 * through the metadata. A runtime without `AhOps` has no refunds to read.
 */
import type { ItemLayout } from '../guard/item.js';

const NO_AH_OPS = 'no crowdloan refunds (a runtime without AhOps)';

const item = (name: string): ItemLayout => ({
  pallet: 'AhOps',
  item: name,
  required: false,
  keys: [
    ['Twox64Concat', 'u32'],
    ['Twox64Concat', 'u32'],
    ['Twox64Concat', 'AccountId32'],
  ],
  value: null,
  absentMeans: NO_AH_OPS,
});

export const AH_OPS_KEY = item('RcCrowdloanContribution').keys;
export const RC_CROWDLOAN_CONTRIBUTION = item('RcCrowdloanContribution');
export const RC_CROWDLOAN_RESERVE = item('RcCrowdloanReserve');
export const RC_LEASE_RESERVE = item('RcLeaseReserve');
