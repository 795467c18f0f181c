/**
 * Child-bounty and multi-asset bounty changes between two snapshot runs: a legacy child bounty
 * added under an Active bounty, given a curator (its fee counted in `ChildrenCuratorFees`) who
 * accepts, awarded and unlocked; a multi-asset bounty funded (`FundingAttempted`, then `Funded`
 * once `check_status` confirms the payment), its payout attempted and failed.
 */
import { blake2AsHex } from '@polkadot/util-crypto';
import type { Address } from '../../core/types/index.js';
import type { Bounty, ChildBounty } from '../../core/types/treasury.js';
import { curatorDeposit } from './bounty-model.js';
import {
  bountiesOf,
  bountyOf,
  childOf,
  ordered,
  putBounty,
  putChild,
  withBounties,
} from './bounty-mutations.js';
import { ScenarioError } from './errors.js';
import { common, newMultiAssetBounty } from './multi-asset-bounties.js';
import { storageContext } from './storage-context.js';
import { assetRef, NATIVE_ASSET } from './treasury-assets.js';
import { moveRelayTo } from './treasury-mutations.js';
import { bountyConstants } from './treasury-scenario.js';
import type { Scenario, ScenarioChange, StorageChange } from './types.js';
import { childBountyValue, multiBountyValue } from './write-treasury.js';

function expectStatus(b: { status: string }, what: string, ...allowed: string[]): void {
  if (!allowed.includes(b.status))
    throw new ScenarioError(`${what} is ${b.status}, not ${allowed.join(' or ')}`);
}

/** `child_bounties.add_child_bounty`: child `ParentTotalChildBounties(parent)` Added under an Active bounty. */
export function addChildBounty(
  scenario: Scenario,
  parentRef: string,
  value: bigint,
  description: string,
): ScenarioChange {
  const parent = bountyOf(scenario, parentRef);
  if (parent.pallet !== 'bounties') throw new ScenarioError(`bounty ${parentRef} is not a legacy bounty`);
  expectStatus(parent, `bounty ${parentRef}`, 'Active');
  const spent = parent.children.reduce((s, c) => s + c.value, 0n);
  if (typeof value !== 'bigint' || value <= 0n || value > parent.value - spent)
    throw new ScenarioError(
      `a child bounty's value must be positive and within what bounty ${parentRef} has left`,
    );
  const ctx = storageContext(scenario.runtime);
  const id = parent.childrenTotal;
  const child: ChildBounty = {
    ...common(id, NATIVE_ASSET, value),
    parent: parent.id,
    status: 'Added',
    fee: 0n,
    curatorDeposit: 0n,
    description,
  };
  const children = [...parent.children, child];
  const s = bountiesOf(scenario);
  const next: Bounty = { ...parent, children, childrenTotal: id + 1 };
  const writes: StorageChange[] = [
    ctx.pair('ChildBounties', 'ChildBounties', [parent.id, id], childBountyValue(child)),
    ctx.pair(
      'ChildBounties',
      'ChildBountyDescriptionsV1',
      [parent.id, id],
      new TextEncoder().encode(description),
    ),
    ctx.pair('ChildBounties', 'ParentChildBounties', [parent.id], children.length),
    ctx.pair('ChildBounties', 'ParentTotalChildBounties', [parent.id], id + 1),
    ctx.pair('ChildBounties', 'ChildBountyCount', [], s.childBountyCount + 1),
  ];
  const bounties = ordered([...s.bounties.filter((b) => b !== parent), next]);
  return withBounties(scenario, { bounties, childBountyCount: s.childBountyCount + 1 }, writes);
}

/** `child_bounties.propose_curator`: Added → CuratorProposed; the fee joins `ChildrenCuratorFees(parent)`. */
export function proposeChildCurator(
  scenario: Scenario,
  parentRef: string,
  id: number,
  curator: Address,
  fee: bigint,
): ScenarioChange {
  const parent = bountyOf(scenario, parentRef);
  const c = childOf(scenario, parentRef, id);
  expectStatus(c, `child bounty ${parentRef}/${id}`, 'Added');
  if (fee < 0n || fee >= c.value)
    throw new ScenarioError(`a curator's fee must be below the child bounty's value`);
  const fees = (parent.childrenValue ?? 0n) + fee;
  const ctx = storageContext(scenario.runtime);
  return putChild(
    scenario,
    { ...parent, childrenValue: fees },
    { ...c, status: 'CuratorProposed', curator, fee },
    [ctx.pair('ChildBounties', 'ChildrenCuratorFees', [parent.id], fees)],
  );
}

/** `child_bounties.accept_curator`: CuratorProposed → Active with the curator's deposit held. */
export function acceptChildCurator(scenario: Scenario, parentRef: string, id: number): ScenarioChange {
  const parent = bountyOf(scenario, parentRef);
  const c = childOf(scenario, parentRef, id);
  expectStatus(c, `child bounty ${parentRef}/${id}`, 'CuratorProposed');
  const deposit = curatorDeposit(bountyConstants(storageContext(scenario.runtime)), c.fee ?? 0n);
  return putChild(scenario, parent, { ...c, status: 'Active', curatorDeposit: deposit });
}

/** `child_bounties.award_child_bounty`: Active → PendingPayout, claimable at `now + delay`. */
export function awardChildBounty(
  scenario: Scenario,
  parentRef: string,
  id: number,
  beneficiary: Address,
  delay?: number,
): ScenarioChange {
  const parent = bountyOf(scenario, parentRef);
  const c = childOf(scenario, parentRef, id);
  expectStatus(c, `child bounty ${parentRef}/${id}`, 'Active');
  const d = delay ?? scenario.expected.treasury?.constants.bountyDepositPayoutDelay ?? 0;
  const unlockAt = scenario.expected.anchor.relayBlock + d;
  return putChild(scenario, parent, { ...c, status: 'PendingPayout', beneficiary, unlockAt });
}

/** Relay time reaches a child bounty's `unlock_at`: claimable from now. */
export function childUnlockReached(scenario: Scenario, parentRef: string, id: number): ScenarioChange {
  const c = childOf(scenario, parentRef, id);
  expectStatus(c, `child bounty ${parentRef}/${id}`, 'PendingPayout');
  return moveRelayTo(scenario, Math.max(c.unlockAt!, scenario.expected.anchor.relayBlock));
}

export interface NewMultiAssetBounty {
  asset: 'KSM' | 'USDT' | 'USDC';
  value: bigint;
  curator: Address;
}

/**
 * `multi_asset_bounties.fund_bounty`: `Bounties(BountyCount)` FundingAttempted with the payment
 * from the treasury under way (`Attempted` with a payment id).
 */
export function fundMultiAssetBounty(scenario: Scenario, spec: NewMultiAssetBounty): ScenarioChange {
  const s = bountiesOf(scenario);
  if (s.multiAssetBountyCount === null)
    throw new ScenarioError('this runtime has no MultiAssetBounties pallet');
  if (typeof spec.value !== 'bigint' || spec.value <= 0n)
    throw new ScenarioError('a bounty needs a positive bigint value');
  const id = s.multiAssetBountyCount;
  const bounty: Bounty = {
    ...newMultiAssetBounty(id, assetRef(spec.asset), spec.value),
    status: 'FundingAttempted',
    curator: spec.curator,
    paymentStatus: 'Attempted',
    paymentId: BigInt(70_000 + scenario.generation),
    metadataHash: blake2AsHex(`herald-scenario/${scenario.seed}/bounty-metadata/${scenario.generation}`, 256),
  };
  const ctx = storageContext(scenario.runtime);
  const writes: StorageChange[] = [
    ctx.pair('MultiAssetBounties', 'BountyCount', [], id + 1),
    ctx.pair('MultiAssetBounties', 'Bounties', [id], multiBountyValue(bounty)),
  ];
  return withBounties(
    scenario,
    { multiAssetBountyCount: id + 1, bounties: ordered([...s.bounties, bounty]) },
    writes,
  );
}

/** `check_status` confirms a multi-asset bounty's funding: FundingAttempted → Funded (curator proposed). */
export function multiAssetFunded(scenario: Scenario, ref: string): ScenarioChange {
  const b = bountyOf(scenario, ref);
  expectStatus(b, `bounty ${ref}`, 'FundingAttempted');
  return putBounty(scenario, { ...b, status: 'Funded', paymentStatus: null, paymentId: null });
}

/** `multi_asset_bounties.award_bounty`: Active → PayoutAttempted to `beneficiary`, the payment under way. */
export function multiAssetPayoutAttempted(
  scenario: Scenario,
  ref: string,
  beneficiary: Address,
): ScenarioChange {
  const b = bountyOf(scenario, ref);
  expectStatus(b, `bounty ${ref}`, 'Active');
  const paymentId = BigInt(80_000 + scenario.generation);
  return putBounty(scenario, {
    ...b,
    status: 'PayoutAttempted',
    beneficiary,
    paymentStatus: 'Attempted',
    paymentId,
  });
}

/** `check_status` finds a multi-asset bounty's payout failed: its payment state becomes Failed. */
export function multiAssetPayoutFailed(scenario: Scenario, ref: string): ScenarioChange {
  const b = bountyOf(scenario, ref);
  expectStatus(b, `bounty ${ref}`, 'PayoutAttempted');
  if (b.paymentStatus !== 'Attempted') throw new ScenarioError(`bounty ${ref} has no payout under way`);
  return putBounty(scenario, { ...b, paymentStatus: 'Failed', paymentId: null });
}
