/**
 * A treasury and bounties seeded by hand for the reader tests: the storage pairs a runtime would
 * hold, and what the reader must make of them, written out independently of the reader.
 */
import { blake2AsU8a, encodeAddress } from '@polkadot/util-crypto';
import type { BountiesState, TreasuryState } from '../../../../core/types/treasury.js';
import { storageContext } from '../../../../dev/scenario/storage-context.js';
import type { StoragePair } from '../../../../dev/scenario/types.js';

const who = (name: string) => encodeAddress(blake2AsU8a(`treasury-test-${name}`, 256), 2);
export const POT = encodeAddress(new TextEncoder().encode('modlpy/trsry'.padEnd(32, '\0')), 2);
export const PEOPLE = {
  alice: who('alice'),
  bob: who('bob'),
  carol: who('carol'),
  curator: who('curator'),
  childCurator: who('child-curator'),
  hunter: who('hunter'),
  proposer: who('proposer'),
};

const HERE = { parents: 0, interior: 'Here' };
const KSM = { parents: 1, interior: 'Here' };
const usdt = { parents: 0, interior: { X2: [{ PalletInstance: 50 }, { GeneralIndex: 1984n }] } };
const usdc = { parents: 0, interior: { X2: [{ PalletInstance: 50 }, { GeneralIndex: 1337n }] } };
export const WETH = { parents: 2, interior: { X1: [{ GlobalConsensus: { Ethereum: { chainId: 1n } } }] } };
export const WETH_KEY =
  'foreign:{"parents":2,"interior":{"x1":[{"globalConsensus":{"ethereum":{"chainId":1}}}]}}';
const asset = (assetId: unknown) => ({ V4: { location: HERE, assetId } });
const account = (address: string) => ({
  V4: {
    location: HERE,
    accountId: { parents: 0, interior: { X1: [{ AccountId32: { network: null, id: address } }] } },
  },
});
const text = (s: string) => new TextEncoder().encode(s);
const details = (supply: bigint) => ({
  owner: PEOPLE.proposer,
  issuer: PEOPLE.proposer,
  admin: PEOPLE.proposer,
  freezer: PEOPLE.proposer,
  supply,
  deposit: 0n,
  minBalance: 1n,
  isSufficient: true,
  accounts: 1,
  sufficients: 1,
  approvals: 0,
  status: 'Live',
});
const balance = (amount: bigint) => ({
  balance: amount,
  status: 'Liquid',
  reason: 'Sufficient',
  extra: null,
});
const meta = (symbol: string, decimals: number) => ({
  deposit: 0n,
  name: text(symbol),
  symbol: text(symbol),
  decimals,
  isFrozen: false,
});

export const RELAY_NOW = 30_000_000;
const KSM_FREE = 123_456_000_000_000_000n;
const USDT_RATE = 40_000_000_000_000_000_000n; // FixedU128: 1 smallest USDT = 40,000 planck... of KSM
const WETH_RATE = 7_000_000_000_000_000n;

/** The storage: Treasury, the pot's balances, AssetRate, Bounties and ChildBounties (and MultiAssetBounties on 2,003,000). */
export function treasuryPairs(runtime: number): StoragePair[] {
  const ctx = storageContext(runtime);
  const p = ctx.pair.bind(ctx);
  const pairs: StoragePair[] = [
    p('Treasury', 'SpendCount', [], 9),
    p('Treasury', 'LastSpendPeriod', [], RELAY_NOW - 1_000),
    p('Treasury', 'Deactivated', [], 5_000_000_000_000n),
    p('Treasury', 'ProposalCount', [], 3),
    p('Treasury', 'Approvals', [], [2]),
    p('Treasury', 'Proposals', [2], {
      proposer: PEOPLE.proposer,
      value: 10_000_000_000_000n,
      beneficiary: PEOPLE.carol,
      bond: 0n,
    }),
    p('Treasury', 'Spends', [3], {
      assetKind: asset(KSM),
      amount: 1_500_000_000_000n,
      beneficiary: account(PEOPLE.alice),
      validFrom: RELAY_NOW + 100,
      expireAt: RELAY_NOW + 1_296_100,
      status: 'Pending',
    }),
    p('Treasury', 'Spends', [5], {
      assetKind: asset(usdt),
      amount: 25_000_000_000n,
      beneficiary: account(PEOPLE.bob),
      validFrom: RELAY_NOW - 100,
      expireAt: RELAY_NOW + 500,
      status: { Attempted: { id: 77n } },
    }),
    p('Treasury', 'Spends', [6], {
      assetKind: asset(usdc),
      amount: 9_000_000n,
      beneficiary: account(PEOPLE.bob),
      validFrom: RELAY_NOW - 100,
      expireAt: RELAY_NOW + 500,
      status: 'Failed',
    }),
    p('Treasury', 'Spends', [7], {
      assetKind: asset(WETH),
      amount: 10n ** 18n,
      beneficiary: account(PEOPLE.carol),
      validFrom: RELAY_NOW - 2_000_000,
      expireAt: RELAY_NOW - 1,
      status: 'Pending',
    }),
    p('Treasury', 'Spends', [8], {
      assetKind: { V4: { location: { parents: 1, interior: { X1: [{ Parachain: 2000 }] } }, assetId: KSM } },
      amount: 1n,
      beneficiary: { V4: { location: HERE, accountId: { parents: 1, interior: 'Here' } } },
      validFrom: 0,
      expireAt: RELAY_NOW + 10,
      status: 'Pending',
    }),
    p('System', 'Account', [POT], {
      nonce: 0,
      consumers: 2,
      providers: 1,
      sufficients: 0,
      data: { free: KSM_FREE, reserved: 0n, frozen: 0n, flags: 0n },
    }),
    p('Assets', 'Asset', [1984], details(10n ** 15n)),
    p('Assets', 'Asset', [1337], details(10n ** 15n)),
    p('Assets', 'Asset', [50], details(10n ** 15n)),
    p('Assets', 'Account', [1984, POT], balance(3_000_000_000n)),
    p('Assets', 'Account', [1337, POT], balance(0n)),
    p('Assets', 'Account', [50, PEOPLE.alice], balance(42n)),
    p('Assets', 'Metadata', [1984], meta('USDT', 6)),
    p('Assets', 'Metadata', [1337], meta('USDC', 6)),
    p('Assets', 'Metadata', [50], meta('ZERO', 2)),
    p('ForeignAssets', 'Asset', [WETH], details(10n ** 20n)),
    p('ForeignAssets', 'Account', [WETH, POT], balance(2n * 10n ** 18n)),
    p('ForeignAssets', 'Metadata', [WETH], meta('WETH', 18)),
    p('AssetRate', 'ConversionRateToNative', [asset(usdt)], USDT_RATE),
    p('AssetRate', 'ConversionRateToNative', [{ V5: { location: HERE, assetId: WETH } }], WETH_RATE),
    p('Bounties', 'BountyCount', [], 12),
    p('Bounties', 'BountyApprovals', [], [4]),
    p('Bounties', 'Bounties', [4], {
      proposer: PEOPLE.proposer,
      value: 50_000_000_000_000n,
      fee: 0n,
      curatorDeposit: 0n,
      bond: 1_000_000n,
      status: 'Approved',
    }),
    p('Bounties', 'BountyDescriptions', [4], text('Kusama meetups')),
    p('Bounties', 'Bounties', [9], {
      proposer: PEOPLE.proposer,
      value: 900_000_000_000_000n,
      fee: 9_000_000_000_000n,
      curatorDeposit: 450_000_000_000n,
      bond: 2_000_000n,
      status: { Active: { curator: PEOPLE.curator, updateDue: RELAY_NOW + 5_000 } },
    }),
    p('Bounties', 'BountyDescriptions', [9], text('Tooling bounty')),
    p('Bounties', 'Bounties', [11], {
      proposer: PEOPLE.proposer,
      value: 7_000_000_000_000n,
      fee: 0n,
      curatorDeposit: 1n,
      bond: 3n,
      status: {
        PendingPayout: { curator: PEOPLE.curator, beneficiary: PEOPLE.hunter, unlockAt: RELAY_NOW + 7 },
      },
    }),
    p('Bounties', 'BountyDescriptions', [11], new Uint8Array([0xff, 0xfe])),
    p('ChildBounties', 'ChildBountyCount', [], 2),
    p('ChildBounties', 'ParentTotalChildBounties', [9], 3),
    p('ChildBounties', 'ChildrenCuratorFees', [9], 1_000_000_000n),
    p('ChildBounties', 'ChildBounties', [9, 0], {
      parentBounty: 9,
      value: 10_000_000_000_000n,
      fee: 1_000_000_000n,
      curatorDeposit: 5n,
      status: { Active: { curator: PEOPLE.childCurator } },
    }),
    p('ChildBounties', 'ChildBountyDescriptionsV1', [9, 0], text('Indexer')),
    p('ChildBounties', 'ChildBounties', [9, 2], {
      parentBounty: 9,
      value: 3_000_000_000_000n,
      fee: 0n,
      curatorDeposit: 0n,
      status: {
        PendingPayout: { curator: PEOPLE.childCurator, beneficiary: PEOPLE.alice, unlockAt: RELAY_NOW - 1 },
      },
    }),
  ];
  if (runtime >= 2_003_000) {
    pairs.push(
      p('MultiAssetBounties', 'BountyCount', [], 4),
      p('MultiAssetBounties', 'Bounties', [3], {
        assetKind: { V5: { location: HERE, assetId: usdt } },
        value: 5_000_000_000n,
        metadata: `0x${'ab'.repeat(32)}`,
        status: { Active: { curator: PEOPLE.curator } },
      }),
      p('MultiAssetBounties', 'TotalChildBountiesPerParent', [3], 1),
      p('MultiAssetBounties', 'ChildBountiesValuePerParent', [3], 2_000_000_000n),
      p('MultiAssetBounties', 'ChildBounties', [3, 0], {
        parentBounty: 3,
        value: 2_000_000_000n,
        metadata: `0x${'cd'.repeat(32)}`,
        status: {
          PayoutAttempted: {
            curator: PEOPLE.childCurator,
            beneficiary: {
              V5: {
                location: HERE,
                accountId: {
                  parents: 0,
                  interior: { X1: [{ AccountId32: { network: null, id: PEOPLE.hunter } }] },
                },
              },
            },
            paymentStatus: { Attempted: { id: 12n } },
          },
        },
      }),
      p('MultiAssetBounties', 'Bounties', [1], {
        assetKind: { V5: { location: HERE, assetId: KSM } },
        value: 1_000n,
        metadata: `0x${'01'.repeat(32)}`,
        status: 'CuratorUnassigned',
      }),
    );
  }
  return pairs;
}

const NATIVE = { key: 'native', symbol: 'KSM', decimals: 12 };
const USDT = { key: 'assets:1984', symbol: 'USDT', decimals: 6 };
const USDC = { key: 'assets:1337', symbol: 'USDC', decimals: 6 };
const WETH_REF = { key: WETH_KEY, symbol: 'WETH', decimals: 18 };
const none = {
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
};

/** What the reader must give, less the unknown spend's asset key (its SCALE, checked apart). */
export function expectedTreasury(): Omit<TreasuryState, 'constants'> {
  const spend = { paymentId: null, approvedBy: null };
  return {
    holdings: [
      { asset: NATIVE, balance: KSM_FREE, rateToNative: null },
      { asset: USDT, balance: 3_000_000_000n, rateToNative: USDT_RATE },
      { asset: WETH_REF, balance: 2n * 10n ** 18n, rateToNative: WETH_RATE },
    ],
    deactivated: 5_000_000_000_000n,
    lastSpendPeriod: RELAY_NOW - 1_000,
    spendCount: 9,
    spends: [
      {
        ...spend,
        index: 3,
        asset: NATIVE,
        amount: 1_500_000_000_000n,
        beneficiary: PEOPLE.alice,
        validFrom: RELAY_NOW + 100,
        expireAt: RELAY_NOW + 1_296_100,
        status: 'Pending',
      },
      {
        ...spend,
        index: 5,
        asset: USDT,
        amount: 25_000_000_000n,
        beneficiary: PEOPLE.bob,
        validFrom: RELAY_NOW - 100,
        expireAt: RELAY_NOW + 500,
        status: 'Attempted',
        paymentId: 77n,
      },
      {
        ...spend,
        index: 6,
        asset: USDC,
        amount: 9_000_000n,
        beneficiary: PEOPLE.bob,
        validFrom: RELAY_NOW - 100,
        expireAt: RELAY_NOW + 500,
        status: 'Failed',
      },
      {
        ...spend,
        index: 7,
        asset: WETH_REF,
        amount: 10n ** 18n,
        beneficiary: PEOPLE.carol,
        validFrom: RELAY_NOW - 2_000_000,
        expireAt: RELAY_NOW - 1,
        status: 'Pending',
      },
      {
        ...spend,
        index: 8,
        asset: { key: 'unknown', symbol: 'unknown asset', decimals: 0 },
        amount: 1n,
        beneficiary: '{"parents":1,"interior":{"here":null}}',
        validFrom: 0,
        expireAt: RELAY_NOW + 10,
        status: 'Pending',
      },
    ],
    proposalCount: 3,
    proposals: [
      {
        index: 2,
        proposer: PEOPLE.proposer,
        value: 10_000_000_000_000n,
        beneficiary: PEOPLE.carol,
        bond: 0n,
      },
    ],
    approvals: [2],
  };
}

export function expectedBounties(runtime: number): BountiesState {
  const legacy = {
    pallet: 'bounties' as const,
    proposer: PEOPLE.proposer,
    metadataHash: null,
    paymentStatus: null,
    paymentId: null,
    asset: NATIVE,
  };
  const child = {
    asset: NATIVE,
    metadataHash: null,
    paymentStatus: null,
    paymentId: null,
    updateDue: null,
    parent: 9,
  };
  const multi = runtime >= 2_003_000;
  return {
    bountyCount: 12,
    multiAssetBountyCount: multi ? 4 : null,
    childBountyCount: 2,
    approvals: [4],
    bounties: [
      {
        ...none,
        ...legacy,
        id: 4,
        ref: '4',
        value: 50_000_000_000_000n,
        fee: 0n,
        curatorDeposit: 0n,
        bond: 1_000_000n,
        status: 'Approved',
        description: 'Kusama meetups',
        awaitingFunding: true,
        children: [],
        childrenTotal: 0,
        childrenValue: 0n,
      },
      {
        ...none,
        ...legacy,
        id: 9,
        ref: '9',
        value: 900_000_000_000_000n,
        fee: 9_000_000_000_000n,
        curatorDeposit: 450_000_000_000n,
        bond: 2_000_000n,
        status: 'Active',
        curator: PEOPLE.curator,
        updateDue: RELAY_NOW + 5_000,
        description: 'Tooling bounty',
        awaitingFunding: false,
        childrenTotal: 3,
        childrenValue: 1_000_000_000n,
        children: [
          {
            ...child,
            id: 0,
            value: 10_000_000_000_000n,
            fee: 1_000_000_000n,
            curatorDeposit: 5n,
            status: 'Active',
            curator: PEOPLE.childCurator,
            beneficiary: null,
            unlockAt: null,
            description: 'Indexer',
          },
          {
            ...child,
            id: 2,
            value: 3_000_000_000_000n,
            fee: 0n,
            curatorDeposit: 0n,
            status: 'PendingPayout',
            curator: PEOPLE.childCurator,
            beneficiary: PEOPLE.alice,
            unlockAt: RELAY_NOW - 1,
            description: null,
          },
        ],
      },
      {
        ...none,
        ...legacy,
        id: 11,
        ref: '11',
        value: 7_000_000_000_000n,
        fee: 0n,
        curatorDeposit: 1n,
        bond: 3n,
        status: 'PendingPayout',
        curator: PEOPLE.curator,
        beneficiary: PEOPLE.hunter,
        unlockAt: RELAY_NOW + 7,
        description: null,
        awaitingFunding: false,
        children: [],
        childrenTotal: 0,
        childrenValue: 0n,
      },
      ...(multi
        ? [
            {
              ...none,
              pallet: 'multiAssetBounties' as const,
              id: 1,
              ref: 'm1',
              asset: NATIVE,
              value: 1_000n,
              status: 'CuratorUnassigned' as const,
              metadataHash: `0x${'01'.repeat(32)}`,
              proposer: null,
              bond: null,
              awaitingFunding: false,
              children: [],
              childrenTotal: 0,
              childrenValue: 0n,
            },
            {
              ...none,
              pallet: 'multiAssetBounties' as const,
              id: 3,
              ref: 'm3',
              asset: USDT,
              value: 5_000_000_000n,
              status: 'Active' as const,
              curator: PEOPLE.curator,
              metadataHash: `0x${'ab'.repeat(32)}`,
              proposer: null,
              bond: null,
              awaitingFunding: false,
              childrenTotal: 1,
              childrenValue: 2_000_000_000n,
              children: [
                {
                  ...none,
                  id: 0,
                  parent: 3,
                  asset: USDT,
                  value: 2_000_000_000n,
                  status: 'PayoutAttempted' as const,
                  curator: PEOPLE.childCurator,
                  beneficiary: PEOPLE.hunter,
                  paymentStatus: 'Attempted' as const,
                  paymentId: 12n,
                  metadataHash: `0x${'cd'.repeat(32)}`,
                },
              ],
            },
          ]
        : []),
    ],
  };
}
