/** Builders of treasury states and bounties for the treasury alert tests. */
import type {
  AssetRef,
  Bounty,
  ChildBounty,
  TreasuryHolding,
  TreasurySpend,
  TreasuryState,
} from '../../../core/types/treasury.js';

export const KSM_ASSET: AssetRef = { key: 'native', symbol: 'KSM', decimals: 12 };
export const USDT: AssetRef = { key: 'assets:1984', symbol: 'USDt', decimals: 6 };
export const USDC: AssetRef = { key: 'assets:1337', symbol: 'USDC', decimals: 6 };
export const KSM = 10n ** 12n;
export const DAY_BLOCKS = 14_400;
export const HOUR_BLOCKS = 600;

/** Real-looking SS58 addresses (Kusama form). */
export const ALICE = 'HNZata7iMYWmk5RvZRTiAsSDhV8366zq2YGb3tLH5Upf74F';
export const CURATOR = 'FFdDXFK1VKG6ig6QvuZKRAh4cVFz5Y3LBPjRh9yvrhFxKrn';
export const BOB = 'GXPPBuUaZYYYvsEquX55AQ1MRvgZ96kniEKyAVDSdv1SX96';
export const TREASURY_ACCOUNT = 'F3opxRbN5ZbjJNU511Kj2TLuzFcDq9BGduA9TgiECafpg29';

/** KSM, and USDT worth 0.1 KSM a unit (1 USDT = 1e6 smallest units → 1e11 planck: rate 1e5 × 1e18). */
export const HOLDINGS: TreasuryHolding[] = [
  { asset: KSM_ASSET, balance: 500_000n * KSM, rateToNative: null },
  { asset: USDT, balance: 1_000_000n * 10n ** 6n, rateToNative: 100_000n * 10n ** 18n },
  { asset: USDC, balance: 500_000n * 10n ** 6n, rateToNative: null },
];

export function spend(index: number, extra: Partial<TreasurySpend> = {}): TreasurySpend {
  return {
    index,
    asset: USDT,
    amount: 20_000n * 10n ** 6n,
    beneficiary: ALICE,
    validFrom: 0,
    expireAt: 0,
    status: 'Pending',
    paymentId: null,
    approvedBy: null,
    ...extra,
  };
}

export function treasury(spends: TreasurySpend[], spendCount?: number): TreasuryState {
  return {
    constants: {
      account: TREASURY_ACCOUNT,
      spendPeriod: 6 * DAY_BLOCKS,
      burnPermill: 0,
      payoutPeriod: 90 * DAY_BLOCKS,
      maxApprovals: 100,
      existentialDeposit: 3_333_333n,
      bountyDepositPayoutDelay: 0,
      bountyUpdatePeriod: 10 * 12 * 30 * DAY_BLOCKS,
      bountyValueMinimum: KSM / 30n,
    },
    holdings: HOLDINGS,
    deactivated: 0n,
    lastSpendPeriod: null,
    spendCount: spendCount ?? Math.max(0, ...spends.map((s) => s.index + 1)),
    spends,
    proposalCount: 0,
    proposals: [],
    approvals: [],
  };
}

export function child(parent: number, id: number, extra: Partial<ChildBounty> = {}): ChildBounty {
  return {
    parent,
    id,
    asset: KSM_ASSET,
    value: 50n * KSM,
    fee: 0n,
    curatorDeposit: null,
    status: 'Added',
    curator: null,
    beneficiary: null,
    updateDue: null,
    unlockAt: null,
    paymentStatus: null,
    paymentId: null,
    description: 'Translations',
    metadataHash: null,
    ...extra,
  };
}

export function bounty(id: number, extra: Partial<Bounty> = {}): Bounty {
  const pallet = extra.pallet ?? 'bounties';
  return {
    pallet,
    ref: pallet === 'multiAssetBounties' ? `m${id}` : String(id),
    id,
    asset: KSM_ASSET,
    value: 1_000n * KSM,
    fee: 10n * KSM,
    curatorDeposit: null,
    status: 'Proposed',
    curator: null,
    beneficiary: null,
    updateDue: null,
    unlockAt: null,
    paymentStatus: null,
    paymentId: null,
    description: 'Kusama events',
    metadataHash: null,
    proposer: BOB,
    bond: KSM,
    awaitingFunding: false,
    children: [],
    childrenTotal: 0,
    childrenValue: null,
    ...extra,
  };
}

export function byRef(...bounties: Bounty[]): Map<string, Bounty> {
  return new Map(bounties.map((b) => [b.ref, b]));
}
