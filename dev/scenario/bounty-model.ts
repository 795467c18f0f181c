/**
 * Bounties as Kusama Asset Hub holds them: the legacy `Bounties` pallet with its `ChildBounties`
 * (KSM, descriptions on chain) in every status, and the `MultiAssetBounties` pallet (any asset,
 * metadata by preimage hash) where the runtime has it. Block numbers (`update_due`, `unlock_at`) are
 * relay blocks: both legacy pallets read time through the treasury's `BlockNumberProvider`, the
 * relay chain on Asset Hub. `accept_curator` sets `update_due = now + BountyUpdatePeriod`;
 * `award_bounty` sets `unlock_at = now + BountyDepositPayoutDelay` (0 on Kusama Asset Hub, so a
 * future `unlock_at` is one awarded when the delay was longer). The expected state is exactly what
 * a correct reader returns: legacy bounties ascending, then multi-asset ones, children ascending.
 */
import { RELAY_BLOCKS_PER_DAY } from '../../core/kusama/constants.js';
import type { Address } from '../../core/types/index.js';
import {
  type BountiesState,
  type Bounty,
  type BountyStatus,
  bountyRef,
  type ChildBounty,
} from '../../core/types/treasury.js';
import { deriveAccount } from './accounts.js';
import { KSM } from './amounts.js';
import { addMultiAsset, common, type MultiAssetCases } from './multi-asset-bounties.js';
import { Rng } from './rng.js';
import { NATIVE_ASSET } from './treasury-assets.js';

const DAY = RELAY_BLOCKS_PER_DAY;

export interface BountyConstants {
  updatePeriod: number;
  depositBase: bigint;
  dataDepositPerByte: bigint;
  curatorDepositPermill: number;
  curatorDepositMin: bigint | null;
  curatorDepositMax: bigint | null;
}

/** What the storage holds beyond the expected shape: raw descriptions and remote payout targets. */
export interface BountyModel {
  state: BountiesState;
  /** Description bytes by ref (legacy bounties) and by `parent/child` (legacy children). */
  descriptions: Record<string, Uint8Array>;
  bountyApprovals: number[];
  cases: BountyCases;
  curators: { named: Address[]; unnamed: Address[] };
}

export interface BountyCases {
  proposed: string;
  approved: string;
  approvedWithCurator: string;
  funded: string;
  curatorProposed: string;
  active: string;
  pendingPayoutLocked: string;
  pendingPayoutClaimable: string;
  withChildren: string;
  /** Legacy child bounties of `withChildren`, one per status. */
  children: Record<
    'added' | 'curatorProposed' | 'active' | 'pendingPayoutLocked' | 'pendingPayoutClaimable',
    { parent: number; id: number }
  >;
  /** Multi-asset bounty refs per status (null on a runtime without the pallet). */
  multiAsset: MultiAssetCases | null;
}

const text = (s: string) => new TextEncoder().encode(s);

const TOPICS = [
  'Kusama ecosystem events',
  'Runtime security audits',
  'Developer tooling and SDK maintenance',
  'Anti-scam and user protection',
  'Parachain integration grants',
  'Translation of the Kusama wiki',
  'Hackathon prizes',
  'Infrastructure for archive nodes',
];

export const LONG_DESCRIPTION =
  'Kusama Social Media Bounty: a long-running bounty paying creators for explainers, threads and ' +
  'videos that teach newcomers how OpenGov, staking and the treasury work on Asset Hub.';

/** Not valid UTF-8: a reader shows no description for it. */
export const NON_UTF8_DESCRIPTION = new Uint8Array([
  0x42, 0x6f, 0x75, 0x6e, 0x74, 0x79, 0x20, 0xff, 0xfe, 0xc3,
]);

export function curatorDeposit(c: BountyConstants, fee: bigint): bigint {
  let d = (fee * BigInt(c.curatorDepositPermill)) / 1_000_000n;
  if (c.curatorDepositMax !== null && d > c.curatorDepositMax) d = c.curatorDepositMax;
  if (c.curatorDepositMin !== null && d < c.curatorDepositMin) d = c.curatorDepositMin;
  return d;
}

export interface BountyInput {
  seed: number;
  relayBlock: number;
  constants: BountyConstants;
  people: Address[];
  /** Whether the runtime has MultiAssetBounties. */
  multiAsset: boolean;
  /** Extra Active legacy bounties (the kusama size). */
  extraActive: number;
}

export function buildBounties(input: BountyInput): BountyModel {
  const rng = new Rng(input.seed, 'bounties');
  const { relayBlock: now, constants: c } = input;
  const named = Array.from({ length: 4 }, (_, i) => deriveAccount(input.seed, 'curator', i).address);
  const unnamed = Array.from(
    { length: 3 },
    (_, i) => deriveAccount(input.seed, 'curator-unnamed', i).address,
  );
  const curators = [...named, ...unnamed];
  const m: BountyModel = {
    state: { bountyCount: 0, multiAssetBountyCount: null, childBountyCount: 0, approvals: [], bounties: [] },
    descriptions: {},
    bountyApprovals: [],
    cases: {} as BountyCases,
    curators: { named, unnamed },
  };
  const statuses: Array<[keyof BountyCases | null, BountyStatus]> = [
    ['active', 'Active'],
    ['proposed', 'Proposed'],
    ['approved', 'Approved'],
    ['funded', 'Funded'],
    ['curatorProposed', 'CuratorProposed'],
    ['withChildren', 'Active'],
    ['pendingPayoutLocked', 'PendingPayout'],
    ['approvedWithCurator', 'ApprovedWithCurator'],
    ['pendingPayoutClaimable', 'PendingPayout'],
    ...Array.from({ length: input.extraActive }, (): [null, BountyStatus] => [null, 'Active']),
  ];
  let id = rng.int(5, 12);
  statuses.forEach(([name, status], k) => {
    id += rng.chance(0.5) ? rng.int(2, 4) : 1;
    const value = rng.bigint(200n * KSM, 30_000n * KSM);
    const description =
      k === 6
        ? text(LONG_DESCRIPTION)
        : k === 3
          ? NON_UTF8_DESCRIPTION
          : text(`${rng.pick(TOPICS)} (#${id})`);
    const b: Bounty = {
      ...common(id, NATIVE_ASSET, value),
      pallet: 'bounties',
      ref: bountyRef('bounties', id),
      proposer: rng.pick(input.people),
      bond: c.depositBase + c.dataDepositPerByte * BigInt(description.length),
      awaitingFunding: status === 'Approved' || status === 'ApprovedWithCurator',
      children: [],
      childrenTotal: 0,
      childrenValue: 0n,
      status,
      fee: 0n,
      curatorDeposit: 0n,
      description: k === 3 ? null : new TextDecoder().decode(description),
    };
    const hasCurator = !['Proposed', 'Approved', 'Funded'].includes(status);
    if (hasCurator) {
      b.curator = curators[k % curators.length]!;
      b.fee = value / BigInt(rng.int(20, 60));
    }
    if (status === 'Active' || status === 'PendingPayout') b.curatorDeposit = curatorDeposit(c, b.fee!);
    if (status === 'Active') b.updateDue = now - rng.int(10 * DAY, 700 * DAY) + c.updatePeriod;
    if (status === 'PendingPayout') {
      b.beneficiary = rng.pick(input.people);
      b.unlockAt =
        name === 'pendingPayoutLocked' ? now + rng.int(DAY, 4 * DAY) : now - rng.int(DAY, 20 * DAY);
    }
    if (b.awaitingFunding) m.bountyApprovals.push(id);
    m.descriptions[b.ref] = description;
    if (name && name !== 'children' && name !== 'multiAsset')
      (m.cases as unknown as Record<string, string>)[name] = b.ref;
    m.state.bounties.push(b);
  });
  // Approved in another order than proposed: the spend period funds them in approval order.
  m.bountyApprovals.reverse();
  m.state.approvals = [...m.bountyApprovals];
  m.state.bountyCount = id + 1 + rng.int(0, 2);
  const parent = m.state.bounties.find((b) => b.ref === m.cases.withChildren)!;
  m.cases.children = addChildren(rng, parent, now, c, curators, input.people, m.descriptions);
  m.state.childBountyCount = 300 + rng.int(0, 60);
  m.cases.multiAsset = null;
  if (input.multiAsset) addMultiAsset(rng, m, curators, input.people);
  return m;
}

function addChildren(
  rng: Rng,
  parent: Bounty,
  now: number,
  c: BountyConstants,
  curators: Address[],
  people: Address[],
  descriptions: Record<string, Uint8Array>,
): BountyCases['children'] {
  const statuses = [
    'added',
    'curatorProposed',
    'active',
    'pendingPayoutLocked',
    'pendingPayoutClaimable',
  ] as const;
  const cases = {} as BountyCases['children'];
  let id = rng.int(0, 3);
  let fees = rng.bigint(0n, 20n * KSM);
  for (const [k, name] of statuses.entries()) {
    id += rng.chance(0.5) ? 2 : 1;
    const value = parent.value / BigInt(rng.int(15, 40));
    const child: ChildBounty = {
      ...common(id, NATIVE_ASSET, value),
      parent: parent.id,
      fee: 0n,
      curatorDeposit: 0n,
    };
    child.status =
      name === 'added'
        ? 'Added'
        : name === 'curatorProposed'
          ? 'CuratorProposed'
          : name === 'active'
            ? 'Active'
            : 'PendingPayout';
    if (name !== 'added') {
      child.curator = curators[(k + 2) % curators.length]!;
      child.fee = value / 10n;
      fees += child.fee;
    }
    if (name === 'active' || name.startsWith('pendingPayout'))
      child.curatorDeposit = curatorDeposit(c, child.fee!);
    if (name.startsWith('pendingPayout')) {
      child.beneficiary = rng.pick(people);
      child.unlockAt =
        name === 'pendingPayoutLocked' ? now + rng.int(DAY, 4 * DAY) : now - rng.int(DAY, 10 * DAY);
    }
    const description = text(`Milestone ${id} of ${parent.description ?? 'the bounty'}`.slice(0, 200));
    child.description = new TextDecoder().decode(description);
    descriptions[`${parent.id}/${id}`] = description;
    parent.children.push(child);
    cases[name] = { parent: parent.id, id };
  }
  parent.childrenTotal = id + 1 + rng.int(0, 2);
  parent.childrenValue = fees;
  return cases;
}
