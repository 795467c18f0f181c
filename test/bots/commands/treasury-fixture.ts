/**
 * A treasury and its bounties built by hand from the contract's types, relative to a relay block
 * `now`: a spend in every phase (native and asset spends, one to a non-local beneficiary), approved
 * legacy proposals, and bounties and child bounties of both pallets in each state.
 */
import { RELAY_BLOCKS_PER_DAY } from '../../../core/kusama/constants.js';
import type { BountyIndex } from '../../../core/snapshot/entities.js';
import type {
  AssetRef,
  Bounty,
  BountyCommon,
  ChildBounty,
  TreasurySpend,
  TreasuryState,
} from '../../../core/types/treasury.js';

export const DAY = RELAY_BLOCKS_PER_DAY;
export const TREASURY_ACCOUNT = 'F3opxRbN5ZbjJNU511Kj2TLuzFcDq9BGduA9TgiECafpg29';
export const ALICE = 'HNZata7iMYWmk5RvZRTiAsSDhV8366zq2YGb3tLH5Upf74F';
export const BOB = 'CaueuyKiS6gEVPb18ftgdWph6n3tgC6epa1RXx3Ayu5onjD';
export const CAROL = 'DgoyymRmY2eKUHBeaVfgmy2mq1ZYYvwqVHXSvUpqBvMtZ96';
export const DAVE = 'HB3SikjEdmvy3pTVWQPuGqez4a3THdVAHuRVqUGuCgd9dKz';
/** ALICE in the generic Substrate form (prefix 42). */
export const ALICE_42 = '5GrwvaEF5zXb26Fz9rcQpDWS57CtERHpNehXCPcNoHGKutQY';

export const KSM: AssetRef = { key: 'native', symbol: 'KSM', decimals: 12 };
export const USDT: AssetRef = { key: 'assets:1984', symbol: 'USDT', decimals: 6 };
export const USDC: AssetRef = { key: 'assets:1337', symbol: 'USDC', decimals: 6 };
export const WEIRD: AssetRef = {
  key: 'foreign:{"parents":2,"interior":{"x1":[{"globalConsensus":{"ethereum":{"chainId":1}}}]}}',
  symbol: 'WETH',
  decimals: 18,
};

export const ksm = (n: number): bigint => BigInt(Math.round(n * 1e4)) * 10n ** 8n;
export const usd = (n: number): bigint => BigInt(Math.round(n * 1e6));
/** 1 USDT = 0.1 KSM: 1e6 units → 1e11 planck, so the rate is 1e5 × 1e18. */
export const USDT_RATE = 10n ** 23n;

export interface TreasuryFixture {
  now: number;
  state: TreasuryState;
  bounties: Bounty[];
  index: BountyIndex;
}

function spend(
  index: number,
  asset: AssetRef,
  amount: bigint,
  beneficiary: string,
  validFrom: number,
  expireAt: number,
  status: TreasurySpend['status'] = 'Pending',
  approvedBy: number | null = null,
): TreasurySpend {
  return {
    index,
    asset,
    amount,
    beneficiary,
    validFrom,
    expireAt,
    status,
    paymentId: status === 'Attempted' ? 77n : null,
    approvedBy,
  };
}

const common = (
  over: Partial<BountyCommon> & Pick<BountyCommon, 'id' | 'status' | 'value'>,
): BountyCommon => ({
  asset: KSM,
  fee: null,
  curatorDeposit: null,
  curator: null,
  beneficiary: null,
  updateDue: null,
  unlockAt: null,
  paymentStatus: null,
  paymentId: null,
  description: null,
  metadataHash: null,
  ...over,
});

function bounty(over: Partial<Bounty> & Pick<Bounty, 'id' | 'status' | 'value'>): Bounty {
  const pallet = over.pallet ?? 'bounties';
  return {
    ...common(over),
    pallet,
    ref: pallet === 'multiAssetBounties' ? `m${over.id}` : String(over.id),
    proposer: ALICE,
    bond: ksm(1),
    awaitingFunding: false,
    children: [],
    childrenTotal: 0,
    childrenValue: null,
    ...over,
  };
}

const child = (
  parent: number,
  over: Partial<ChildBounty> & Pick<ChildBounty, 'id' | 'status' | 'value'>,
) => ({
  ...common(over),
  parent,
  ...over,
});

export function treasuryFixture(now: number, withMultiAsset = true): TreasuryFixture {
  const spends = [
    spend(3, KSM, ksm(120), ALICE, now - 10 * DAY, now + 2 * DAY, 'Pending', 401),
    spend(4, USDT, usd(25_000), BOB, now + 3 * DAY, now + 93 * DAY, 'Pending', 402),
    spend(5, USDT, usd(1_500), ALICE, now - 5 * DAY, now + 5 * DAY, 'Failed'),
    spend(6, USDC, usd(800), CAROL, now - 20 * DAY, now + 70 * DAY, 'Attempted'),
    spend(7, KSM, ksm(50), DAVE, now - 95 * DAY, now - 5 * DAY, 'Pending'),
    spend(
      8,
      USDT,
      usd(300),
      'Location { parents: 1, interior: X1(Parachain(2000)) }',
      now - DAY,
      now + 6 * DAY,
    ),
    spend(9, KSM, ksm(9.5), BOB, now - DAY, now + 40 * DAY),
  ];
  const state: TreasuryState = {
    constants: {
      account: TREASURY_ACCOUNT,
      spendPeriod: 6 * DAY,
      burnPermill: 10_000,
      payoutPeriod: 90 * DAY,
      maxApprovals: 100,
      existentialDeposit: 3_333_333n,
      bountyDepositPayoutDelay: 0,
      bountyUpdatePeriod: 10 * 12 * 30 * DAY,
      bountyValueMinimum: ksm(0.0666),
    },
    holdings: [
      { asset: KSM, balance: ksm(1_000), rateToNative: null },
      { asset: USDC, balance: usd(40_000), rateToNative: null },
      { asset: USDT, balance: usd(200_000), rateToNative: USDT_RATE },
    ],
    deactivated: 0n,
    lastSpendPeriod: now - 4 * DAY,
    spendCount: 10,
    spends,
    proposalCount: 2,
    proposals: [{ index: 1, proposer: CAROL, value: ksm(100), beneficiary: CAROL, bond: ksm(5) }],
    approvals: [1],
  };
  const bounties: Bounty[] = [
    bounty({ id: 0, status: 'Proposed', value: ksm(30), description: 'Tooling for validators' }),
    bounty({ id: 1, status: 'Approved', value: ksm(200), awaitingFunding: true, description: 'Events' }),
    bounty({ id: 2, status: 'Funded', value: ksm(80), description: 'Translations' }),
    bounty({ id: 4, status: 'CuratorProposed', value: ksm(60), curator: BOB, fee: ksm(3) }),
    bounty({
      id: 5,
      status: 'Active',
      value: ksm(500),
      curator: CAROL,
      fee: ksm(10),
      curatorDeposit: ksm(5),
      updateDue: now + 300 * DAY,
      description: 'Kusama ecosystem grants',
      childrenTotal: 3,
      childrenValue: ksm(2),
      children: [
        child(5, { id: 0, status: 'Added', value: ksm(20) }),
        child(5, { id: 1, status: 'Active', value: ksm(30), curator: DAVE, fee: ksm(1) }),
        child(5, {
          id: 2,
          status: 'PendingPayout',
          value: ksm(40),
          curator: DAVE,
          fee: ksm(2),
          beneficiary: ALICE,
          unlockAt: now - 10,
        }),
      ],
    }),
    bounty({
      id: 6,
      status: 'PendingPayout',
      value: ksm(70),
      curator: CAROL,
      fee: ksm(2),
      beneficiary: BOB,
      unlockAt: now + 2 * DAY,
    }),
    bounty({
      id: 7,
      status: 'PendingPayout',
      value: ksm(15),
      curator: CAROL,
      beneficiary: DAVE,
      unlockAt: now,
    }),
  ];
  if (withMultiAsset)
    bounties.push(
      bounty({
        pallet: 'multiAssetBounties',
        id: 1,
        status: 'Active',
        asset: USDT,
        value: usd(10_000),
        curator: BOB,
        metadataHash: '0x1234abcd',
        childrenTotal: 1,
        children: [
          child(1, {
            id: 0,
            status: 'PayoutAttempted',
            asset: USDT,
            value: usd(2_000),
            curator: BOB,
            beneficiary: CAROL,
            paymentStatus: 'Failed',
          }),
        ],
      }),
      bounty({
        pallet: 'multiAssetBounties',
        id: 2,
        status: 'PayoutAttempted',
        asset: USDC,
        value: usd(5_000),
        curator: DAVE,
        beneficiary: ALICE,
        paymentStatus: 'Attempted',
        paymentId: 9n,
      }),
    );
  const index: BountyIndex = {
    bountyCount: 8,
    multiAssetBountyCount: withMultiAsset ? 3 : null,
    childBountyCount: 4,
    approvals: bounties.filter((b) => b.pallet === 'bounties' && b.awaitingFunding).map((b) => b.id),
    bounties: bounties.map(({ children, ...b }) => ({
      ...b,
      description: b.description === null ? null : b.description.slice(0, 120),
      childCount: children.length,
    })),
  };
  return { now, state, bounties, index };
}
