/**
 * When a bounty or child bounty pays out, and the call that makes it happen. Legacy bounties
 * (`pallet_bounties` / `pallet_child_bounties` 47): an awarded one sits in `PendingPayout` until
 * `unlock_at` (a relay block: both pallets count with the treasury's block number provider), then
 * anyone calls `bounties.claim_bounty(id)` or `childBounties.claim_child_bounty(parent, id)`.
 * Multi-asset bounties (`pallet_multi_asset_bounties` 0.7) pay at award time: a bounty in
 * `PayoutAttempted` is settled by `check_status(parent, child)`, and a failed payment is retried
 * with `retry_payment(parent, child)`.
 */
import { type BlockTime, blockTime, type TimeAnchor } from '../opengov/time.js';
import type { BountyCommon, BountyPallet } from '../types/treasury.js';

export type BountyClaim =
  /** Claimable now (`since` the unlock block, when there is one): `call` pays it. */
  | { state: 'claimable'; since: BlockTime | null; call: string }
  /** Awarded, claimable from `at`. */
  | { state: 'waiting'; at: BlockTime; call: string }
  /** Multi-asset: the payout was made and awaits its status check (or a retry after a failure). */
  | { state: 'payout-attempted'; failed: boolean; call: string }
  | { state: 'none' };

/** `None`/`Some(n)`: the child argument of the multi-asset calls. */
const childArg = (child: number | null): string => (child === null ? 'None' : `Some(${child})`);

function claimCall(parent: number, child: number | null): string {
  if (child === null) return `bounties.claimBounty(${parent})`;
  return `childBounties.claimChildBounty(${parent}, ${child})`;
}

export function multiAssetPayoutCall(parent: number, child: number | null, failed: boolean): string {
  const name = failed ? 'retryPayment' : 'checkStatus';
  return `multiAssetBounties.${name}(${parent}, ${childArg(child)})`;
}

/**
 * `parent` is the bounty's own id for a bounty, the parent's for a child bounty (whose own id is
 * `child`); `pallet` is the bounty's (a child bounty's parent's) pallet.
 */
export function bountyClaim(
  b: Pick<BountyCommon, 'status' | 'unlockAt' | 'paymentStatus'>,
  pallet: BountyPallet,
  parent: number,
  child: number | null,
  anchor: TimeAnchor,
): BountyClaim {
  if (pallet === 'multiAssetBounties') {
    if (b.status !== 'PayoutAttempted') return { state: 'none' };
    const failed = b.paymentStatus === 'Failed';
    return { state: 'payout-attempted', failed, call: multiAssetPayoutCall(parent, child, failed) };
  }
  if (b.status !== 'PendingPayout') return { state: 'none' };
  const call = claimCall(parent, child);
  if (b.unlockAt === null) return { state: 'claimable', since: null, call };
  const at = blockTime(b.unlockAt, anchor);
  return anchor.relayBlock >= b.unlockAt
    ? { state: 'claimable', since: at, call }
    : { state: 'waiting', at, call };
}
