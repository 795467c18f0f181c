/**
 * What the treasury and bounty readers read without the metadata: the keys they take apart
 * (spends, proposals, bounties, child bounties, asset ids) and the keys they build from ids (the
 * treasury account's asset balances, asset metadata, descriptions, per-parent counters), and the
 * approvals (`decodeU32Vec`). Every value else goes through the metadata. A changed layout fails
 * the run (see `guard/README.md`); a runtime without the pallet reads no treasury or bounties.
 */
import type { ItemLayout } from '../guard/item.js';
import { L } from '../guard/layout.js';

const item = (
  pallet: string,
  name: string,
  keys: ItemLayout['keys'],
  value: string | null = null,
  absentMeans?: string,
): ItemLayout => ({
  pallet,
  item: name,
  required: false,
  keys,
  value,
  ...(absentMeans ? { absentMeans } : {}),
});

const U32: ItemLayout['keys'] = [['Twox64Concat', 'u32']];
const U32_U32: ItemLayout['keys'] = [
  ['Twox64Concat', 'u32'],
  ['Twox64Concat', 'u32'],
];
const NO_MULTI = 'no multi-asset bounties (runtimes before 2,003,000)';

export const TREASURY_SPENDS = item('Treasury', 'Spends', U32);
export const TREASURY_PROPOSALS = item('Treasury', 'Proposals', U32);
/** With `decodeU32Vec`. */
export const TREASURY_APPROVALS = item('Treasury', 'Approvals', [], L.vec(L.u32));

/** Asset ids from the keys; the treasury's balance and the metadata by keys built from them. */
export const ASSETS_ASSET = item('Assets', 'Asset', [['Blake2_128Concat', 'u32']]);
export const ASSETS_ACCOUNT = item('Assets', 'Account', [
  ['Blake2_128Concat', 'u32'],
  ['Blake2_128Concat', 'AccountId32'],
]);
export const ASSETS_METADATA = item('Assets', 'Metadata', [['Blake2_128Concat', 'u32']]);

export const BOUNTIES = item('Bounties', 'Bounties', U32);
export const BOUNTY_DESCRIPTIONS = item('Bounties', 'BountyDescriptions', U32);
/** With `decodeU32Vec`. */
export const BOUNTY_APPROVALS = item('Bounties', 'BountyApprovals', [], L.vec(L.u32));
export const CHILD_BOUNTIES = item('ChildBounties', 'ChildBounties', U32_U32);
export const CHILD_BOUNTY_DESCRIPTIONS = item('ChildBounties', 'ChildBountyDescriptionsV1', U32_U32);
export const CHILDREN_CURATOR_FEES = item('ChildBounties', 'ChildrenCuratorFees', U32);
export const PARENT_TOTAL_CHILD_BOUNTIES = item('ChildBounties', 'ParentTotalChildBounties', U32);

export const MULTI_BOUNTIES = item('MultiAssetBounties', 'Bounties', U32, null, NO_MULTI);
export const MULTI_CHILD_BOUNTIES = item('MultiAssetBounties', 'ChildBounties', U32_U32, null, NO_MULTI);
export const MULTI_TOTAL_CHILDREN = item(
  'MultiAssetBounties',
  'TotalChildBountiesPerParent',
  U32,
  null,
  NO_MULTI,
);
export const MULTI_CHILDREN_VALUE = item(
  'MultiAssetBounties',
  'ChildBountiesValuePerParent',
  U32,
  null,
  NO_MULTI,
);
