/**
 * `/treasury`: what the treasury holds (with KSM values where `AssetRate` has a rate), the next
 * spend period and what it will fund and burn, the open spends per asset and phase, and the spends
 * expiring within 7 days. Reads `treasury/current` and `index/bounties` at the frame's pointer.
 */
import { accountLinks } from '../../../core/links/urls.js';
import { blockTime } from '../../../core/opengov/time.js';
import type { Reply } from '../../../core/reply/reply-types.js';
import type { AssetSpendSum, SpendPeriodView, SpendRow } from '../../../core/reply/treasury-replies.js';
import type { BountyIndex } from '../../../core/snapshot/entities.js';
import {
  approvedProposals,
  type FundingRequest,
  nextSpendPeriod,
  permillOf,
  planSpendFunds,
  treasuryPot,
} from '../../../core/treasury/spend-period.js';
import { SPEND_PHASES } from '../../../core/treasury/spend-phase.js';
import type { TreasuryState } from '../../../core/types/treasury.js';
import type { CommandContext } from '../context.js';
import type { Frame } from '../frame.js';
import { base, missingData } from '../reply-base.js';
import {
  anchorOf,
  bountyIndexOf,
  byExpiry,
  EXPIRING_WITHIN_BLOCKS,
  holdingRow,
  isExpiringSoon,
  isOpen,
  nativeValue,
  rateOf,
  spendRow,
  treasuryOf,
} from './data.js';

/** Expiring spends shown in /treasury (the rest are counted; /spends expiring lists them all). */
export const MAX_EXPIRING_SHOWN = 4;

function periodView(state: TreasuryState, bounties: BountyIndex | null, frame: Frame): SpendPeriodView {
  const anchor = anchorOf(frame);
  const { spendPeriod, burnPermill } = state.constants;
  const next = nextSpendPeriod(state.lastSpendPeriod, spendPeriod, anchor.relayBlock);
  const free = state.holdings.find((h) => h.asset.key === 'native')?.balance ?? 0n;
  const { existentialDeposit } = state.constants;
  const pot = treasuryPot(free, existentialDeposit);
  // The SpendFunds hook funds BountyApprovals in stored order.
  const legacy = new Map(
    (bounties?.bounties ?? []).filter((b) => b.pallet === 'bounties').map((b) => [b.id, b]),
  );
  const waitingBounties: FundingRequest[] = (bounties?.approvals ?? []).flatMap((id) => {
    const b = legacy.get(id);
    return b ? [{ kind: 'bounty' as const, id, value: b.value, beneficiary: null }] : [];
  });
  const plan = planSpendFunds(
    pot,
    [...approvedProposals(state.approvals, state.proposals), ...waitingBounties],
    burnPermill,
  );
  return {
    spendPeriod,
    lastSpendPeriod: state.lastSpendPeriod,
    next: blockTime(next.block, anchor),
    overdue: next.overdue,
    pot,
    existentialDeposit,
    funding: plan.funding,
    fundedTotal: plan.fundedTotal,
    requestedTotal: plan.requestedTotal,
    burnPermill,
    burnOfPotNow: permillOf(burnPermill, pot),
    burnAtPeriod: plan.burn,
  };
}

/** Open spends per asset (KSM first, then by key), each split by phase in the pallet's order. */
export function pendingSums(rows: readonly SpendRow[], state: TreasuryState): AssetSpendSum[] {
  const byAsset = new Map<string, SpendRow[]>();
  for (const r of rows.filter(isOpen)) byAsset.set(r.asset.key, [...(byAsset.get(r.asset.key) ?? []), r]);
  const keys = [...byAsset.keys()].sort((a, b) =>
    a === 'native' ? -1 : b === 'native' ? 1 : a < b ? -1 : a > b ? 1 : 0,
  );
  return keys.map((key) => {
    const list = byAsset.get(key) ?? [];
    const amount = list.reduce((sum, r) => sum + r.amount, 0n);
    const asset = list[0]!.asset;
    return {
      asset,
      count: list.length,
      amount,
      nativeValue: nativeValue(asset, amount, rateOf(state, key)),
      byPhase: SPEND_PHASES.flatMap((phase) => {
        const of = list.filter((r) => r.phase === phase);
        return of.length === 0
          ? []
          : [{ phase, count: of.length, amount: of.reduce((sum, r) => sum + r.amount, 0n) }];
      }),
    };
  });
}

export async function treasuryCommand(frame: Frame, ctx: CommandContext): Promise<Reply> {
  const [state, bounties] = await Promise.all([treasuryOf(ctx, frame), bountyIndexOf(ctx, frame)]);
  if (!state) return missingData('treasury', 'treasury data', frame);
  const anchor = anchorOf(frame);
  const rows = state.spends.map((s) => spendRow(s, state, anchor));
  const holdings = state.holdings.map(holdingRow);
  const expiring = rows.filter((r) => isExpiringSoon(r)).sort(byExpiry);
  return {
    type: 'treasury',
    account: state.constants.account,
    holdings,
    totalNative: holdings.reduce((sum, h) => sum + (h.nativeValue ?? 0n), 0n),
    unpriced: holdings.filter((h) => h.nativeValue === null).map((h) => h.asset),
    period: periodView(state, bounties, frame),
    spendCount: state.spendCount,
    pending: pendingSums(rows, state),
    expiringSoon: expiring.slice(0, MAX_EXPIRING_SHOWN),
    expiringWithinBlocks: EXPIRING_WITHIN_BLOCKS,
    expiringOmitted: Math.max(0, expiring.length - MAX_EXPIRING_SHOWN),
    ...base(frame),
    links: accountLinks(state.constants.account),
  };
}
