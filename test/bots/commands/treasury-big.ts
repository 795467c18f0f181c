/**
 * The largest treasury the answers must still fit on one Discord embed and in Telegram's message
 * limit: hundreds of spends expiring within days, many assets, long descriptions, and a bounty with
 * a hundred child bounties, every account with a long on-chain name.
 */
import type { AccountName } from '../../../core/identity/identity-types.js';
import type { AssetRef, ChildBounty } from '../../../core/types/treasury.js';
import {
  ALICE,
  BOB,
  CAROL,
  DAVE,
  DAY,
  KSM,
  ksm,
  type TreasuryFixture,
  treasuryFixture,
} from './treasury-fixture.js';

const LONG = 'W'.repeat(32);
export const LONG_NAMES: Record<string, AccountName> = Object.fromEntries(
  [ALICE, BOB, CAROL, DAVE].map((a) => [a, { display: LONG, sub: LONG, verified: true }]),
);
const WHO = [ALICE, BOB, CAROL, DAVE];

export function bigTreasuryFixture(now: number): TreasuryFixture {
  const base = treasuryFixture(now);
  const assets: AssetRef[] = Array.from({ length: 30 }, (_, i) => ({
    key: `assets:${1_000 + i}`,
    symbol: `TOKEN${i}LONGSYMBOL`,
    decimals: 10,
  }));
  const state = {
    ...base.state,
    holdings: [
      ...base.state.holdings,
      ...assets.map((asset, i) => ({ asset, balance: 10n ** 20n * BigInt(i + 1), rateToNative: 10n ** 17n })),
    ],
    spendCount: 400,
    spends: Array.from({ length: 300 }, (_, i) => ({
      index: 100 + i,
      asset: i % 3 === 0 ? KSM : assets[i % 30]!,
      amount: 10n ** 22n + BigInt(i),
      beneficiary:
        i % 5 === 0 ? `Location { parents: 1, interior: X2(Parachain(${2_000 + i}), ${LONG}) }` : WHO[i % 4]!,
      validFrom: now - DAY,
      expireAt: now + 1 + (i % 6) * DAY,
      status: (i % 7 === 0 ? 'Failed' : 'Pending') as 'Failed' | 'Pending',
      paymentId: null,
      approvedBy: 1_000 + i,
    })),
    proposals: Array.from({ length: 40 }, (_, i) => ({
      index: i,
      proposer: ALICE,
      value: ksm(10 + i),
      beneficiary: WHO[i % 4]!,
      bond: ksm(1),
    })),
    approvals: Array.from({ length: 40 }, (_, i) => i),
  };
  const description = `${'A long bounty description. '.repeat(20)}`;
  const children: ChildBounty[] = Array.from({ length: 100 }, (_, i) => ({
    ...base.bounties[4]!.children[2]!,
    id: i,
    parent: 5,
    curator: WHO[i % 4]!,
    beneficiary: WHO[(i + 1) % 4]!,
    unlockAt: now + i,
  }));
  const bounties = [
    ...base.bounties.map((b) => (b.id === 5 ? { ...b, children, childrenTotal: 250, description } : b)),
    ...Array.from({ length: 60 }, (_, i) => ({
      ...base.bounties[5]!,
      id: 100 + i,
      ref: String(100 + i),
      awaitingFunding: i % 2 === 0,
      status: i % 2 === 0 ? ('Approved' as const) : ('PendingPayout' as const),
      description,
    })),
  ];
  return {
    now,
    state,
    bounties,
    index: {
      ...base.index,
      bountyCount: 300,
      approvals: bounties.filter((b) => b.pallet === 'bounties' && b.awaitingFunding).map((b) => b.id),
      bounties: bounties.map(({ children: c, ...b }) => ({
        ...b,
        description: b.description === null ? null : b.description.slice(0, 120),
        childCount: c.length,
      })),
    },
  };
}
