/**
 * The treasury as the treasury, spend and bounty commands read it: the `treasury/current` and
 * `index/bounties` entities at the frame's pointer (cached per version), the time anchor of the
 * snapshot (its relay block and chain time), and a spend as a row of an answer, with its phase and
 * what to do about it.
 */
import { RELAY_BLOCKS_PER_DAY } from '../../../core/kusama/constants.js';
import { blockTime, type TimeAnchor } from '../../../core/opengov/time.js';
import type { HoldingRow, SpendRow } from '../../../core/reply/treasury-replies.js';
import { type BountyIndex, ENTITY, INDEX_ID, TREASURY_ID } from '../../../core/snapshot/entities.js';
import { blocksToExpiry, spendPhase } from '../../../core/treasury/spend-phase.js';
import { spendTodo } from '../../../core/treasury/spend-todo.js';
import type {
  AssetRef,
  TreasuryHolding,
  TreasurySpend,
  TreasuryState,
} from '../../../core/types/treasury.js';
import type { CommandContext } from '../context.js';
import type { Frame } from '../frame.js';

/** "Expires soon": within 7 days (relay blocks). */
export const EXPIRING_WITHIN_BLOCKS = 7 * RELAY_BLOCKS_PER_DAY;

/** FixedU128's one. */
const FIXED_ONE = 10n ** 18n;

export function treasuryOf(ctx: CommandContext, frame: Frame): Promise<TreasuryState | null> {
  return ctx.cache.get(frame.pointer.version, `${ENTITY.treasury}/${TREASURY_ID}`, async () => {
    const found = await ctx.store.getEntity<TreasuryState>(ENTITY.treasury, TREASURY_ID, {
      pointer: frame.pointer,
    });
    return found ?? null;
  });
}

/** `index/bounties`: every live bounty of both pallets and the pallets' counts. */
export function bountyIndexOf(ctx: CommandContext, frame: Frame): Promise<BountyIndex | null> {
  return ctx.cache.get(frame.pointer.version, `${ENTITY.index}/${INDEX_ID.bounties}`, async () => {
    const found = await ctx.store.getEntity<BountyIndex>(ENTITY.index, INDEX_ID.bounties, {
      pointer: frame.pointer,
    });
    return found ?? null;
  });
}

/** The snapshot's relay block and chain time: what every relay block is turned into time with. */
export function anchorOf(frame: Frame): TimeAnchor {
  return { relayBlock: frame.freshness.relayBlock, timestampMs: frame.freshness.chainTimeMs };
}

/** An amount's value in KSM planck: itself for KSM, `amount × rate / 1e18` with a rate, else null. */
export function nativeValue(asset: AssetRef, amount: bigint, rateToNative: bigint | null): bigint | null {
  if (asset.key === 'native') return amount;
  return rateToNative === null ? null : (amount * rateToNative) / FIXED_ONE;
}

/** `AssetRate.ConversionRateToNative` of an asset, as the treasury's holdings carry it. */
export function rateOf(state: TreasuryState, key: string): bigint | null {
  return state.holdings.find((h) => h.asset.key === key)?.rateToNative ?? null;
}

export function holdingRow(h: TreasuryHolding): HoldingRow {
  return {
    asset: h.asset,
    balance: h.balance,
    rateToNative: h.rateToNative,
    nativeValue: nativeValue(h.asset, h.balance, h.rateToNative),
  };
}

export function spendRow(spend: TreasurySpend, state: TreasuryState, anchor: TimeAnchor): SpendRow {
  const phase = spendPhase(spend, anchor.relayBlock);
  const validFrom = blockTime(spend.validFrom, anchor);
  return {
    index: spend.index,
    asset: spend.asset,
    amount: spend.amount,
    nativeValue: nativeValue(spend.asset, spend.amount, rateOf(state, spend.asset.key)),
    beneficiary: spend.beneficiary,
    validFrom,
    expireAt: blockTime(spend.expireAt, anchor),
    status: spend.status,
    paymentId: spend.paymentId,
    phase,
    blocksToExpiry: blocksToExpiry(spend, anchor.relayBlock),
    approvedBy: spend.approvedBy,
    todo: spendTodo(spend.index, phase, validFrom),
  };
}

/** Not paid and still claimable or on its way: every phase but `expired`. */
export const isOpen = (row: SpendRow): boolean => row.phase !== 'expired';

/** Unclaimed (not attempted) and expiring within the window. */
export function isExpiringSoon(row: SpendRow, withinBlocks = EXPIRING_WITHIN_BLOCKS): boolean {
  return (
    (row.phase === 'upcoming' || row.phase === 'claimable' || row.phase === 'failed') &&
    row.blocksToExpiry > 0 &&
    row.blocksToExpiry <= withinBlocks
  );
}

/** Soonest expiry first, then by index. */
export function byExpiry(a: SpendRow, b: SpendRow): number {
  return a.expireAt.block - b.expireAt.block || a.index - b.index;
}
