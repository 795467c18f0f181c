/**
 * The words the treasury, spend and bounty answers share: an amount in its asset's own decimals,
 * its KSM value, a spend's phase, a bounty's status, and a relay block with its time.
 */
import { formatBalance } from '../../core/format/balance.js';
import { formatInteger } from '../../core/format/number.js';
import type { BlockTime } from '../../core/opengov/time.js';
import type { BountyClaim, SpendTodo } from '../../core/reply/treasury-replies.js';
import type { SpendPhase } from '../../core/treasury/spend-phase.js';
import type { AssetRef, BountyStatus } from '../../core/types/treasury.js';
import { address, code, type Span, time } from './document.js';
import { KSM } from './stake-doc.js';

/** The asset's symbol, or its key when the chain gives none. */
export function assetName(asset: AssetRef): string {
  return asset.symbol.trim() !== '' ? asset.symbol : asset.key;
}

/** "1,250 USDT": in the asset's own decimals. */
export function assetAmount(asset: AssetRef, amount: bigint): string {
  return formatBalance(amount, { decimals: asset.decimals, symbol: assetName(asset) });
}

/** "1,250 USDT (≈ 142.5 KSM)", the KSM value only for another asset that has a rate. */
export function amountWithValue(asset: AssetRef, amount: bigint, native: bigint | null): string {
  const shown = assetAmount(asset, amount);
  if (asset.key === 'native' || native === null) return shown;
  return `${shown} (≈ ${KSM(native)})`;
}

/** "relay block #1,234, <time>". */
export function atBlock(t: BlockTime): Span[] {
  return [`relay block #${formatInteger(t.block)}, `, time(t.atMs)];
}

export const PHASE_WORDS: Record<SpendPhase, string> = {
  upcoming: 'not claimable yet',
  claimable: 'claimable now',
  attempted: 'payout attempted, awaiting its status check',
  failed: 'payout failed, can be retried',
  expired: 'expired unclaimed',
};

/** Statuses of both bounty pallets, in words. */
export const BOUNTY_STATUS_WORDS: Record<BountyStatus, string> = {
  Proposed: 'proposed, awaiting approval',
  Approved: 'approved, funded at the next spend period',
  Funded: 'funded, no curator yet',
  CuratorProposed: 'curator proposed, not yet accepted',
  Active: 'active',
  PendingPayout: 'awarded, payout pending',
  ApprovedWithCurator: 'approved with a curator, funded at the next spend period',
  Added: 'added, no curator yet',
  FundingAttempted: 'funding payment attempted',
  CuratorUnassigned: 'funded, curator unassigned',
  RefundAttempted: 'closed, refund attempted',
  PayoutAttempted: 'awarded, payout attempted',
};

/** "Claim: <call>", "Claimable from <time> with <call>", "Settle: <call>"; nothing when none. */
export function claimSpans(claim: BountyClaim): Span[] | null {
  switch (claim.state) {
    case 'claimable':
      return ['claimable now: ', code(claim.call)];
    case 'waiting':
      return ['claimable from ', ...atBlock(claim.at), ' with ', code(claim.call)];
    case 'payout-attempted':
      return claim.failed
        ? ['payout failed, retry it with ', code(claim.call)]
        : ['payout made, settle it with ', code(claim.call)];
    case 'none':
      return null;
  }
}

/** What to do about a spend. */
export function todoSpans(todo: SpendTodo, phase: SpendPhase): Span[] {
  switch (todo.action) {
    case 'payout':
      return [phase === 'failed' ? 'retry the payout: ' : 'claim it (anyone can): ', code(todo.call)];
    case 'check-status':
      return [
        phase === 'expired' ? 'nothing can be paid; remove it with ' : 'settle the payment with ',
        code(todo.call),
      ];
    case 'wait':
      return ['nothing yet; it can be claimed from ', ...atBlock(todo.from)];
  }
}

/** An SS58 account as an address (with its name); a description of another location as it is. */
export function party(who: string, short: boolean): Span {
  return /^[1-9A-HJ-NP-Za-km-z]{46,48}$/.test(who) ? address(who, short) : who;
}
