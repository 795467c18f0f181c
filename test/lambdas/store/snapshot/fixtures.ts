/** Kusama-shaped entities of every kind the snapshot job writes, with bigints throughout. */

import type { Entity } from '../../../../core/snapshot/entities.js';
import type {
  BondedPool,
  ChainAnchor,
  EraHistory,
  OngoingReferendum,
  PoolMember,
  StakingLedger,
  TrackInfo,
  ValidatorPrefs,
} from '../../../../core/types/index.js';

export function address(i: number): string {
  return `H${String(i).padStart(6, '0')}Kusama${(i * 7919).toString(36)}`;
}

export function account(i: number, bump = 0n): Entity {
  const ledger: StakingLedger = {
    stash: address(i),
    controller: address(i),
    total: 1_000_000_000_000n * BigInt(i + 1) + bump,
    active: 900_000_000_000n * BigInt(i + 1),
    unlocking: [{ value: 100_000_000_000n + bump, era: 9_800 + (i % 28) }],
  };
  const member: PoolMember = {
    who: address(i),
    poolId: i % 5,
    points: 10n ** 18n + BigInt(i),
    lastRecordedRewardCounter: 123_456_789_012_345_678_901n,
    unbondingEras: [],
  };
  return {
    kind: 'account',
    id: address(i),
    data: { ledger, member, nominations: { targets: [address(i + 1), address(i + 2)], submittedIn: 9_700 } },
  };
}

export function validator(i: number, nominators = 3): Entity {
  const prefs: ValidatorPrefs = { stash: address(i), commission: 50_000_000, blocked: false };
  return {
    kind: 'validator',
    id: address(i),
    data: {
      prefs,
      others: Array.from({ length: nominators }, (_, n) => ({
        who: address(1_000_000 + i * 10_000 + n),
        value: BigInt(n) * 7n + 3n,
      })),
    },
  };
}

export function referendum(id: number, ayes = 5n * 10n ** 15n): Entity {
  const data: OngoingReferendum = {
    status: 'ongoing',
    id,
    track: 33,
    origin: 'Origins.MediumSpender',
    proposal: { kind: 'Lookup', hash: `0x${'ab'.repeat(32)}`, len: 120 },
    enactment: { kind: 'After', blocks: 14_400 },
    submitted: 30_500_000,
    submissionDeposit: { who: address(id), amount: 33_333_333_333n },
    decisionDeposit: null,
    deciding: { since: 30_501_000, confirming: null },
    tally: { ayes, nays: 10n ** 14n, support: 2n * 10n ** 15n },
    inQueue: false,
    alarm: 30_700_000,
  };
  return { kind: 'referendum', id: String(id), data };
}

export function era(index: number): Entity {
  const data: Omit<EraHistory, 'pages' | 'overviews' | 'prefs' | 'claimed'> = {
    era: index,
    validatorReward: 1_234_567_890_123_456n,
    totalStake: 8_000_000_000_000_000_000n,
    rewardPoints: { total: 80_000, individual: { [address(1)]: 400 } },
  };
  return { kind: 'era', id: String(index), data };
}

export function tracks(): Entity {
  const track: TrackInfo = {
    id: 0,
    name: 'root',
    maxDeciding: 1,
    decisionDeposit: 3_333_333_333_333_333n,
    preparePeriod: 1_200,
    decisionPeriod: 201_600,
    confirmPeriod: 14_400,
    minEnactmentPeriod: 14_400,
    minApproval: { type: 'Reciprocal', factor: 222_222_224n, xOffset: 333_333_335n, yOffset: 333_333_332n },
    minSupport: { type: 'LinearDecreasing', length: 1_000_000_000, floor: 0, ceil: 500_000_000 },
  };
  return { kind: 'tracks', id: 'all', data: [track] };
}

export function pool(id: number): Entity {
  const data: BondedPool = {
    id,
    state: 'Open',
    points: 5_000_000_000_000_000n,
    memberCounter: 12,
    roles: { depositor: address(id), root: null, nominator: address(id + 1), bouncer: null },
    commission: {
      current: { rate: 30_000_000, payee: address(id) },
      max: null,
      changeRate: null,
      throttleFrom: null,
    },
    bondedAccount: address(900_000 + id),
    name: `Pool ${id}`,
    rewardPool: null,
    rewardBalance: 0n,
    subPools: null,
  };
  return { kind: 'pool', id: String(id), data };
}

export function status(block: number): Entity {
  const anchor: ChainAnchor = {
    blockHash: `0x${block.toString(16).padStart(64, '0')}`,
    blockNumber: block,
    relayBlock: 30_600_000 + block,
    timestampMs: 1_790_000_000_000 + block * 6_000,
    specVersion: 2_003_002,
    genesisHash: `0x${'01'.repeat(32)}`,
  };
  return { kind: 'status', id: 'chain', data: { anchor, warnings: ['$literal dollar string'] } };
}

export function index(ids: number[]): Entity {
  return { kind: 'index', id: 'ongoing-referenda', data: { ids, count: BigInt(ids.length) } };
}

/** A small but complete snapshot: every kind at least once. */
export function smallSnapshot(): Entity[] {
  return [
    account(1),
    account(2),
    validator(1),
    referendum(500),
    referendum(501),
    era(9_800),
    tracks(),
    pool(1),
    status(1),
    index([500, 501]),
  ];
}
