/**
 * Bounty changes between two snapshot runs, as the pallets make them and written as the chain
 * stores them, each returned with the expected state after it: a legacy bounty proposed, approved,
 * funded at a spend period, given a curator who accepts (`update_due = now + BountyUpdatePeriod`),
 * awarded (`unlock_at = now + delay`), unlocked and claimed, or its update falling due; a child
 * bounty added, given a curator, awarded, unlocked. Deposits are not moved in `System.Account`.
 */
import type { Address } from '../../core/types/index.js';
import { type BountiesState, type Bounty, bountyRef, type ChildBounty } from '../../core/types/treasury.js';
import { finishChange } from './apply-changes.js';
import { curatorDeposit } from './bounty-model.js';
import { ScenarioError } from './errors.js';
import { common } from './multi-asset-bounties.js';
import { storageContext } from './storage-context.js';
import { NATIVE_ASSET } from './treasury-assets.js';
import { moveRelayTo } from './treasury-mutations.js';
import { bountyConstants } from './treasury-scenario.js';
import type { Scenario, ScenarioChange, StorageChange } from './types.js';
import { childBountyValue, legacyBountyValue, multiBountyValue, multiChildValue } from './write-treasury.js';

export function bountiesOf(scenario: Scenario): BountiesState {
  const b = scenario.expected.bounties;
  if (!b) throw new ScenarioError('this scenario has no bounties');
  return b;
}

export function bountyOf(scenario: Scenario, ref: string): Bounty {
  const b = bountiesOf(scenario).bounties.find((x) => x.ref === ref);
  if (!b) throw new ScenarioError(`bounty ${ref} does not exist`);
  return b;
}

export function childOf(scenario: Scenario, parentRef: string, id: number): ChildBounty {
  const c = bountyOf(scenario, parentRef).children.find((x) => x.id === id);
  if (!c) throw new ScenarioError(`bounty ${parentRef} has no child bounty ${id}`);
  return c;
}

function expectStatus(b: { status: string }, what: string, ...allowed: string[]): void {
  if (!allowed.includes(b.status))
    throw new ScenarioError(`${what} is ${b.status}, not ${allowed.join(' or ')}`);
}

/** Legacy bounties by id, then multi-asset ones by id: the order a reader returns. */
export function ordered(list: Bounty[]): Bounty[] {
  const rank = (b: Bounty) => (b.pallet === 'bounties' ? 0 : 1);
  return [...list].sort((a, b) => rank(a) - rank(b) || a.id - b.id);
}

/** Writes `next` (a new or changed bounty, with its children) as the expected state. */
export function withBounties(
  scenario: Scenario,
  state: Partial<BountiesState>,
  writes: StorageChange[],
): ScenarioChange {
  const expected = { ...scenario.expected, bounties: { ...bountiesOf(scenario), ...state } };
  const { size, seed, fixtures } = scenario;
  return finishChange(scenario, { size, seed, fixtures, expected }, writes);
}

function bountyWrite(ctx: ReturnType<typeof storageContext>, b: Bounty): StorageChange {
  return b.pallet === 'bounties'
    ? ctx.pair('Bounties', 'Bounties', [b.id], legacyBountyValue(b))
    : ctx.pair('MultiAssetBounties', 'Bounties', [b.id], multiBountyValue(b));
}

/** Replaces (or adds, or with `remove` drops) one bounty and writes its entry. */
export function putBounty(
  scenario: Scenario,
  next: Bounty,
  extra: StorageChange[] = [],
  state: Partial<BountiesState> = {},
): ScenarioChange {
  const ctx = storageContext(scenario.runtime);
  const others = bountiesOf(scenario).bounties.filter((b) => b.ref !== next.ref);
  return withBounties(scenario, { ...state, bounties: ordered([...others, next]) }, [
    bountyWrite(ctx, next),
    ...extra,
  ]);
}

export function putChild(
  scenario: Scenario,
  parent: Bounty,
  child: ChildBounty,
  extra: StorageChange[] = [],
): ScenarioChange {
  const ctx = storageContext(scenario.runtime);
  const children = [...parent.children.filter((c) => c.id !== child.id), child].sort((a, b) => a.id - b.id);
  const others = bountiesOf(scenario).bounties.filter((b) => b.ref !== parent.ref);
  const write: StorageChange =
    parent.pallet === 'bounties'
      ? ctx.pair('ChildBounties', 'ChildBounties', [parent.id, child.id], childBountyValue(child))
      : ctx.pair('MultiAssetBounties', 'ChildBounties', [parent.id, child.id], multiChildValue(child));
  return withBounties(scenario, { bounties: ordered([...others, { ...parent, children }]) }, [
    write,
    ...extra,
  ]);
}

export interface NewBounty {
  value: bigint;
  description: string;
  proposer: Address;
}

/** `bounties.propose_bounty`: `Bounties(BountyCount)` Proposed with its description and the proposer's bond. */
export function proposeBounty(scenario: Scenario, spec: NewBounty): ScenarioChange {
  const ctx = storageContext(scenario.runtime);
  const c = bountyConstants(ctx);
  const min = BigInt(ctx.constant('Bounties', 'BountyValueMinimum').toString());
  if (typeof spec.value !== 'bigint' || spec.value < min)
    throw new ScenarioError(`a bounty's value must be at least BountyValueMinimum (${min} planck)`);
  const s = bountiesOf(scenario);
  const id = s.bountyCount;
  const bytes = new TextEncoder().encode(spec.description);
  const bounty: Bounty = {
    ...common(id, NATIVE_ASSET, spec.value),
    pallet: 'bounties',
    ref: bountyRef('bounties', id),
    proposer: spec.proposer,
    bond: c.depositBase + c.dataDepositPerByte * BigInt(bytes.length),
    awaitingFunding: false,
    children: [],
    childrenTotal: 0,
    childrenValue: 0n,
    fee: 0n,
    curatorDeposit: 0n,
    description: spec.description,
  };
  const writes: StorageChange[] = [
    ctx.pair('Bounties', 'BountyCount', [], id + 1),
    bountyWrite(ctx, bounty),
    ctx.pair('Bounties', 'BountyDescriptions', [id], bytes),
  ];
  return withBounties(scenario, { bountyCount: id + 1, bounties: ordered([...s.bounties, bounty]) }, writes);
}

/** `BountyApprovals` after appending `with_` (approve) or dropping `without` (funded). */
function approvalsAfter(scenario: Scenario, with_: number | null, without: number | null): number[] {
  const ids = bountiesOf(scenario).approvals.filter((id) => id !== without);
  if (with_ !== null) ids.push(with_);
  return ids;
}

function approvalsWrite(scenario: Scenario, ids: number[]): StorageChange {
  return storageContext(scenario.runtime).pair('Bounties', 'BountyApprovals', [], ids);
}

/** `bounties.approve_bounty`: Proposed → Approved, queued in `BountyApprovals` for the next spend period. */
export function approveBounty(scenario: Scenario, ref: string): ScenarioChange {
  const b = bountyOf(scenario, ref);
  expectStatus(b, `bounty ${ref}`, 'Proposed');
  const ids = approvalsAfter(scenario, b.id, null);
  return putBounty(
    scenario,
    { ...b, status: 'Approved', awaitingFunding: true },
    [approvalsWrite(scenario, ids)],
    {
      approvals: ids,
    },
  );
}

/** The spend period funds an approved bounty: Approved → Funded (ApprovedWithCurator → CuratorProposed). */
export function fundBounty(scenario: Scenario, ref: string): ScenarioChange {
  const b = bountyOf(scenario, ref);
  expectStatus(b, `bounty ${ref}`, 'Approved', 'ApprovedWithCurator');
  const status = b.status === 'Approved' ? 'Funded' : 'CuratorProposed';
  const ids = approvalsAfter(scenario, null, b.id);
  return putBounty(scenario, { ...b, status, awaitingFunding: false }, [approvalsWrite(scenario, ids)], {
    approvals: ids,
  });
}

/** `bounties.propose_curator`: Funded → CuratorProposed with the curator's fee. */
export function proposeCurator(
  scenario: Scenario,
  ref: string,
  curator: Address,
  fee: bigint,
): ScenarioChange {
  const b = bountyOf(scenario, ref);
  expectStatus(b, `bounty ${ref}`, 'Funded');
  if (fee < 0n || fee >= b.value) throw new ScenarioError(`a curator's fee must be below the bounty's value`);
  return putBounty(scenario, { ...b, status: 'CuratorProposed', curator, fee });
}

/** `bounties.accept_curator`: CuratorProposed → Active, the deposit held, an update due a period from now. */
export function acceptCurator(scenario: Scenario, ref: string): ScenarioChange {
  const b = bountyOf(scenario, ref);
  expectStatus(b, `bounty ${ref}`, 'CuratorProposed');
  const c = bountyConstants(storageContext(scenario.runtime));
  const updateDue = scenario.expected.anchor.relayBlock + c.updatePeriod;
  return putBounty(scenario, {
    ...b,
    status: 'Active',
    updateDue,
    curatorDeposit: curatorDeposit(c, b.fee ?? 0n),
  });
}

/** The curator's update falls due `blocks` relay blocks from now (what an earlier extension left). */
export function bountyUpdateDueIn(scenario: Scenario, ref: string, blocks: number): ScenarioChange {
  const b = bountyOf(scenario, ref);
  expectStatus(b, `bounty ${ref}`, 'Active');
  if (!Number.isInteger(blocks) || blocks < 0)
    throw new ScenarioError('blocks must be a non-negative integer');
  return putBounty(scenario, { ...b, updateDue: scenario.expected.anchor.relayBlock + blocks });
}

/**
 * `bounties.award_bounty`: Active → PendingPayout, claimable at `now + delay` (the runtime's
 * `BountyDepositPayoutDelay`, 0 on Kusama Asset Hub, unless another is given).
 */
export function awardBounty(
  scenario: Scenario,
  ref: string,
  beneficiary: Address,
  delay?: number,
): ScenarioChange {
  const b = bountyOf(scenario, ref);
  expectStatus(b, `bounty ${ref}`, 'Active');
  if (b.children.length > 0) throw new ScenarioError(`bounty ${ref} still has active child bounties`);
  const d = delay ?? scenario.expected.treasury?.constants.bountyDepositPayoutDelay ?? 0;
  const unlockAt = scenario.expected.anchor.relayBlock + d;
  return putBounty(scenario, { ...b, status: 'PendingPayout', beneficiary, unlockAt, updateDue: null });
}

/** Relay time reaches a pending payout's `unlock_at`: the beneficiary can claim it from now. */
export function bountyUnlockReached(scenario: Scenario, ref: string): ScenarioChange {
  const b = bountyOf(scenario, ref);
  expectStatus(b, `bounty ${ref}`, 'PendingPayout');
  return moveRelayTo(scenario, Math.max(b.unlockAt!, scenario.expected.anchor.relayBlock));
}

/** `bounties.claim_bounty`: paid out; the bounty, its description and its child-bounty counters are removed. */
export function claimBounty(scenario: Scenario, ref: string): ScenarioChange {
  const b = bountyOf(scenario, ref);
  expectStatus(b, `bounty ${ref}`, 'PendingPayout');
  if (scenario.expected.anchor.relayBlock < b.unlockAt!)
    throw new ScenarioError(`bounty ${ref} unlocks at ${b.unlockAt}`);
  const ctx = storageContext(scenario.runtime);
  const writes: StorageChange[] = [
    ctx.removal('Bounties', 'Bounties', [b.id]),
    ctx.removal('Bounties', 'BountyDescriptions', [b.id]),
    ctx.removal('ChildBounties', 'ParentChildBounties', [b.id]),
    ctx.removal('ChildBounties', 'ParentTotalChildBounties', [b.id]),
    ctx.removal('ChildBounties', 'ChildrenCuratorFees', [b.id]),
  ];
  return withBounties(scenario, { bounties: bountiesOf(scenario).bounties.filter((x) => x !== b) }, writes);
}
